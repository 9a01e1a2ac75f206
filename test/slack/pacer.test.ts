/** Every Web API call within Slack's limits (slack-rules.md §4.3), against the emulator's rate limiting. */
import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { SlackPacer } from '../../src/slack/pacer.js';
import { webClientOptions } from '../../src/slack/web-client.js';
import { SlackEmulator } from '../emulator/index.js';
import { recordingLogger } from '../support/bot-harness.js';

/** Emulator time runs this many times faster than real time: its minute-long windows last 10 s. */
const SPEED = 6;
const fastClock = () => {
  const start = Date.now();
  return () => start + (Date.now() - start) * SPEED;
};

describe('the paced Web API client', () => {
  let slack: SlackEmulator | undefined;
  afterEach(async () => {
    await slack?.close();
    slack = undefined;
  });

  const client = (s: SlackEmulator, pacer: SlackPacer, retryRateLimited = true) => {
    const config = loadConfig({ SLACK_BOT_TOKEN: s.botToken, SLACK_SIGNING_SECRET: 'x', SLACK_API_URL: s.apiUrl });
    return new webApi.WebClient(s.botToken, {
      ...webClientOptions(config, recordingLogger(), pacer, { retryRateLimited }),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
  };

  it('sends 60 card updates at once without a single 429 (Tier 3: 50 a minute)', async () => {
    slack = await SlackEmulator.start({ clock: fastClock() });
    const channel = slack.addChannel({ name: 'paced', botIsMember: true }).id;
    const paced = client(slack, new SlackPacer({ minuteMs: 60_000 / SPEED }));
    const { ts } = await paced.chat.postMessage({ channel, text: 'card' });
    const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => paced.chat.update({ channel, ts: ts!, text: `v${i}` })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const updates = slack.callsTo('chat.update');
    expect(updates).toHaveLength(60);
    expect(updates.filter((c) => c.status === 429)).toEqual([]);
    // Paced, not serialised: the first minute's worth went out at once, the rest a minute later.
    expect(updates[49]!.at - updates[0]!.at).toBeLessThan(60_000);
    expect(updates[50]!.at - updates[0]!.at).toBeGreaterThanOrEqual(60_000);
  });

  it('the same burst unpaced is refused by the emulator (the limit the pacing keeps to is real)', async () => {
    slack = await SlackEmulator.start({ clock: fastClock() });
    const channel = slack.addChannel({ name: 'unpaced', botIsMember: true }).id;
    const plain = new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    const { ts } = await plain.chat.postMessage({ channel, text: 'card' });
    await Promise.allSettled(Array.from({ length: 60 }, (_, i) => plain.chat.update({ channel, ts: ts!, text: `v${i}` })));
    expect(slack.callsTo('chat.update').filter((c) => c.status === 429)).toHaveLength(10);
  });

  it('posts in one channel one second apart, other channels in parallel', async () => {
    slack = await SlackEmulator.start();
    const a = slack.addChannel({ name: 'a', botIsMember: true }).id;
    const b = slack.addChannel({ name: 'b', botIsMember: true }).id;
    const paced = client(slack, new SlackPacer());
    await Promise.all([
      paced.chat.postMessage({ channel: a, text: '1' }),
      paced.chat.postMessage({ channel: a, text: '2' }),
      paced.chat.postMessage({ channel: b, text: 'b' }),
    ]);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts.every((c) => c.status === 200)).toBe(true);
    expect(slack.messages(a).map((m) => m.text)).toEqual(['1', '2']);
    const [first, second] = posts.filter((c) => c.args['channel'] === a);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    expect(posts.find((c) => c.args['channel'] === b)!.at - first!.at).toBeLessThan(500);
  });

  it('honours Retry-After: a refused call and the calls of that method behind it wait, then succeed', async () => {
    slack = await SlackEmulator.start();
    const pacer = new SlackPacer();
    const paced = client(slack, pacer);
    const user = slack.addUser({ name: 'someone' }).id;
    slack.faults.failNext('users.info', { status: 429, retryAfter: 1 });
    const first = paced.users.info({ user });
    await slack.waitForCall('users.info', (c) => c.status === 429);
    await new Promise((r) => setTimeout(r, 300)); // the 429 reaches the client
    const second = paced.users.info({ user });
    await Promise.all([first, second]);
    const calls = slack.callsTo('users.info');
    expect(calls.map((c) => c.status)).toEqual([429, 200, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(calls[2]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('hands a 429 back at once to a client that asks for it (the reminder scheduler), and holds the method meanwhile', async () => {
    slack = await SlackEmulator.start();
    const pacer = new SlackPacer();
    const rejecting = client(slack, pacer, false);
    const user = slack.addUser({ name: 'someone' }).id;
    slack.faults.failNext('users.info', { status: 429, retryAfter: 2 });
    const t0 = Date.now();
    await expect(rejecting.users.info({ user })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 2 });
    expect(Date.now() - t0).toBeLessThan(1000);
    await rejecting.users.info({ user });
    const calls = slack.callsTo('users.info');
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(2000);
  });

  it('does not send a views.open that would leave after its trigger expired: the caller hears ratelimited', async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
    const paced = client(slack, new SlackPacer());
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'x' }, blocks: [] };
    // Tier 4: a hundred a minute. The hundred-and-first would wait most of a minute.
    const results = await Promise.allSettled(Array.from({ length: 101 }, (_, i) => paced.views.open({ trigger_id: `1.2.bogus${i}`, view })));
    const errors = results.map((r) => (r.status === 'rejected' ? (r.reason as { data?: { error?: string } }).data?.error : 'ok'));
    expect(errors.filter((e) => e === 'ratelimited')).toHaveLength(1);
    expect(slack.callsTo('views.open')).toHaveLength(100);
  });
});
