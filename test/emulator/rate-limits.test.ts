/** Rule 14 (slack-rules.md §4.3): per-method tiers and 1 msg/s per channel → 429 + Retry-After. */
import { WebAPIRateLimitedError } from '@slack/web-api';
import { describe, expect, test } from 'vitest';
import { manualClock, SlackEmulator } from './index.js';
import { webClient } from './test-helpers.js';

async function rateLimited(p: Promise<unknown>): Promise<number> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WebAPIRateLimitedError);
  return (err as WebAPIRateLimitedError).retryAfter;
}

describe('rate limits', () => {
  test('two posts in one second in one channel → 429 with Retry-After; other channels are separate', async () => {
    const clock = manualClock();
    const slack = await SlackEmulator.start({ clock });
    try {
      const a = slack.addChannel({ name: 'a', botIsMember: true }).id;
      const b = slack.addChannel({ name: 'b', botIsMember: true }).id;
      const client = webClient(slack);
      await client.chat.postMessage({ channel: a, text: '1' });
      expect(await rateLimited(client.chat.postMessage({ channel: a, text: '2' }))).toBe(1);
      await client.chat.postMessage({ channel: b, text: 'other channel' });
      clock.advance(1000);
      await client.chat.postMessage({ channel: a, text: '2 after waiting' });
      expect(slack.messages(a).map((m) => m.text)).toEqual(['1', '2 after waiting']);
      const limited = slack.callsTo('chat.postMessage').find((c) => c.status === 429);
      expect(limited?.response).toEqual({ ok: false, error: 'ratelimited' });
    } finally {
      await slack.close();
    }
  });

  test('the raw 429 carries an integer Retry-After header', async () => {
    const slack = await SlackEmulator.start({ clock: manualClock() });
    try {
      const ch = slack.addChannel({ name: 'raw', botIsMember: true }).id;
      const post = () =>
        fetch(`${slack.apiUrl}chat.postMessage`, {
          method: 'POST',
          headers: { authorization: `Bearer ${slack.botToken}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ channel: ch, text: 'x' }).toString(),
        });
      expect((await post()).status).toBe(200);
      const second = await post();
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await second.json()).toEqual({ ok: false, error: 'ratelimited' });
    } finally {
      await slack.close();
    }
  });

  test('Tier 2 (conversations.create): the 21st call in a minute is limited until the window moves', async () => {
    const clock = manualClock();
    const slack = await SlackEmulator.start({ clock });
    try {
      const client = webClient(slack);
      for (let i = 0; i < 20; i++) {
        await client.conversations.create({ name: `breach-${i}` });
        clock.advance(1000);
      }
      const retry = await rateLimited(client.conversations.create({ name: 'breach-20' }));
      expect(retry).toBe(40); // the first call (t=0) leaves the window at t=60 s; now t=20 s
      clock.advance(40_000);
      await client.conversations.create({ name: 'breach-20' });
    } finally {
      await slack.close();
    }
  });

  test('Tier 1..4 and specials follow Slack’s numbers; overrides and a burst allowance are configurable', async () => {
    const clock = manualClock();
    const slack = await SlackEmulator.start({
      clock,
      rateLimits: { perMinute: { 'users.info': 2 }, postMessagePerChannel: { limit: 3, windowMs: 3000 } },
    });
    try {
      const ch = slack.addChannel({ name: 'burst', botIsMember: true }).id;
      const u = slack.addUser({ name: 'u' }).id;
      const client = webClient(slack);
      for (let i = 0; i < 3; i++) await client.chat.postMessage({ channel: ch, text: `burst ${i}` });
      expect(await rateLimited(client.chat.postMessage({ channel: ch, text: 'too many' }))).toBe(3);
      await client.users.info({ user: u });
      await client.users.info({ user: u });
      await rateLimited(client.users.info({ user: u }));
      // auth.test is special (600/min): 100 calls are fine
      for (let i = 0; i < 100; i++) await client.auth.test();
    } finally {
      await slack.close();
    }
  });

  test("rateLimits: 'off' (and setRateLimits at runtime)", async () => {
    const slack = await SlackEmulator.start({ clock: manualClock(), rateLimits: 'off' });
    try {
      const ch = slack.addChannel({ name: 'free', botIsMember: true }).id;
      const client = webClient(slack);
      for (let i = 0; i < 5; i++) await client.chat.postMessage({ channel: ch, text: `${i}` });
      slack.setRateLimits('slack');
      await client.chat.postMessage({ channel: ch, text: 'first under limits' });
      await rateLimited(client.chat.postMessage({ channel: ch, text: 'second' }));
      slack.resetRateLimits();
      await client.chat.postMessage({ channel: ch, text: 'after reset' });
    } finally {
      await slack.close();
    }
  });
});
