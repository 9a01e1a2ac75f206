/** Fault injection: Slack failures the bot must survive (slack-rules.md §4.4). */
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SlackEmulator } from './index.js';
import { webClient } from './test-helpers.js';

describe('faults', () => {
  let slack: SlackEmulator;
  let channel: string;
  const post = (text: string) => webClient(slack).chat.postMessage({ channel, text });

  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
    channel = slack.addChannel({ name: 'faults', botIsMember: true }).id;
  });
  beforeEach(() => slack.faults.clear());
  afterAll(() => slack.close());

  test('error: next call answers ok:false with that code, then things are back to normal', async () => {
    slack.faults.failNext('chat.postMessage', { error: 'internal_error' });
    await expect(post('a')).rejects.toBeInstanceOf(WebAPIPlatformError);
    await post('b');
    expect(slack.messages(channel).map((m) => m.text)).toEqual(['b']);
    expect(slack.callsTo('chat.postMessage').map((c) => [c.ok, c.faulted ?? false])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  test('status 503 → WebAPIHTTPError; 429 with retryAfter → WebAPIRateLimitedError; times', async () => {
    slack.faults.failNext('chat.postMessage', { status: 503, times: 2 });
    await expect(post('x')).rejects.toBeInstanceOf(WebAPIHTTPError);
    await expect(post('x')).rejects.toBeInstanceOf(WebAPIHTTPError);
    slack.faults.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const err = await post('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebAPIRateLimitedError);
    expect((err as WebAPIRateLimitedError).retryAfter).toBe(7);
  });

  test('applyFirst: Slack did the work but the answer is lost (the bot must not post twice on retry)', async () => {
    const before = slack.messages(channel).length;
    slack.faults.failNext('chat.postMessage', { status: 500, applyFirst: true });
    await expect(post('card')).rejects.toBeInstanceOf(WebAPIHTTPError);
    expect(slack.messages(channel).length).toBe(before + 1);
  });

  test('latency alone delays a successful call', async () => {
    slack.faults.failNext('auth.test', { latencyMs: 150 });
    const t0 = Date.now();
    await webClient(slack).auth.test();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  test('answerDelayMs: the call is done at once, only the answer waits', async () => {
    const before = slack.messages(channel).length;
    slack.faults.failNext('chat.postMessage', { answerDelayMs: 300 });
    const pending = post('delayed answer');
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.messages(channel).length).toBe(before + 1);
    await pending;
  });

  test('"*" matches any method; clear() drops pending faults', async () => {
    slack.faults.failNext('*', { error: 'fatal_error' });
    await expect(webClient(slack).auth.test()).rejects.toMatchObject({ data: { error: 'fatal_error' } });
    slack.faults.failNext('auth.test', { error: 'x' });
    slack.faults.clear();
    await webClient(slack).auth.test();
  });
});
