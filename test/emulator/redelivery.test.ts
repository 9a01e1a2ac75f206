/**
 * Rules 2 and 3 (slack-rules.md §1.4): an event not acked with a 2xx within 3 s is redelivered
 * up to 3 times with X-Slack-Retry-Num 1..3 and X-Slack-Retry-Reason, same event_id, so the bot
 * must be idempotent by event_id.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SlackEmulator } from './index.js';
import { sleep, startBolt, type BoltHandle } from './test-helpers.js';

interface Seen {
  eventId: string;
  retryNum: number | undefined;
  retryReason: string | undefined;
}

describe('event redelivery against a real Bolt app (processBeforeResponse: true)', () => {
  let slack: SlackEmulator;
  let bolt: BoltHandle;
  let alice: string;
  const seen: Seen[] = [];
  let mode: 'slow-first' | 'fail-first' | 'never' | 'fast' = 'fast';

  beforeAll(async () => {
    slack = await SlackEmulator.start();
    alice = slack.addUser({ name: 'alice' }).id;
    // processBeforeResponse holds the HTTP answer until the listener finishes, so a slow
    // listener is a slow ack (Bolt otherwise acks events before running listeners).
    bolt = await startBolt(
      slack,
      (app) => {
        app.event('app_home_opened', async ({ body, context }) => {
          seen.push({ eventId: body.event_id, retryNum: context.retryNum, retryReason: context.retryReason });
          const first = context.retryNum === undefined;
          if (mode === 'slow-first' && first) await sleep(700);
          if (mode === 'fail-first' && first) throw new Error('db down');
          if (mode === 'never') throw new Error('always failing');
        });
      },
      { processBeforeResponse: true },
    );
  });
  beforeEach(() => {
    seen.length = 0;
    slack.clearViolations();
  });
  afterAll(async () => {
    await bolt.stop();
    await slack.close();
  });

  test('a prompt 2xx is delivered once', async () => {
    mode = 'fast';
    const d = slack.driver(bolt.url);
    const res = await d.appHomeOpened({ user: alice });
    expect(res.acked).toBe(true);
    expect(res.attempts).toHaveLength(1);
    expect(seen).toHaveLength(1);
    expect(slack.violations).toEqual([]);
  });

  test('a late ack is redelivered with X-Slack-Retry-Num 1 / http_timeout and the same event_id', async () => {
    mode = 'slow-first';
    // Shorter deadline than Slack's 3 s keeps the suite fast; the mechanism is the same.
    const d = slack.driver(bolt.url, { ackDeadlineMs: 300 });
    const res = await d.appHomeOpened({ user: alice, eventId: 'EvDUPLICATE1' });
    expect(res.acked).toBe(true);
    expect(res.attempts.map((a) => a.retryNum)).toEqual([0, 1]);
    expect(res.attempts[0]?.timedOut).toBe(true);
    await sleep(600); // let the late first listener finish
    expect(seen).toEqual([
      { eventId: 'EvDUPLICATE1', retryNum: undefined, retryReason: undefined },
      { eventId: 'EvDUPLICATE1', retryNum: 1, retryReason: 'http_timeout' },
    ]);
    expect(slack.violations.map((v) => v.kind)).toEqual(['event_not_acked']);
  });

  test('a non-2xx answer is redelivered with http_error', async () => {
    mode = 'fail-first';
    const res = await slack.driver(bolt.url).appHomeOpened({ user: alice });
    expect(res.acked).toBe(true);
    expect(res.attempts[0]?.status).toBe(500);
    expect(seen.map((s) => [s.retryNum, s.retryReason])).toEqual([
      [undefined, undefined],
      [1, 'http_error'],
    ]);
  });

  test('after 3 retries Slack gives up', async () => {
    mode = 'never';
    const res = await slack.driver(bolt.url).event({ type: 'app_home_opened', user: alice, tab: 'home' });
    expect(res.acked).toBe(false);
    expect(res.attempts.map((a) => a.retryNum)).toEqual([0, 1, 2, 3]);
    expect(seen.map((s) => s.retryNum)).toEqual([undefined, 1, 2, 3]);
    expect(new Set(seen.map((s) => s.eventId)).size).toBe(1);
    expect(slack.violations.filter((v) => v.kind === 'event_not_acked')).toHaveLength(4);
  });

  test('the real 3-second deadline: an event acked after 3 s is retried', async () => {
    mode = 'fast';
    // A raw node listener would be quicker, but this keeps to Bolt; 3.3 s once in the suite.
    const slowBolt = await startBolt(
      slack,
      (app) => {
        app.event('app_home_opened', async ({ context }) => {
          if (context.retryNum === undefined) await sleep(3300);
        });
      },
      { processBeforeResponse: true },
    );
    try {
      const res = await slack.driver(slowBolt.url).appHomeOpened({ user: alice });
      expect(res.attempts.map((a) => [a.retryNum, a.timedOut])).toEqual([
        [0, true],
        [1, false],
      ]);
    } finally {
      await sleep(400);
      await slowBolt.stop();
    }
  });
});
