/** Rule 13 (slack-rules.md §4.2 chat.scheduleMessage notes): seconds, windows, sent messages. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock, SlackEmulator } from './index.js';
import { slackError, webClient } from './test-helpers.js';

describe('scheduled messages', () => {
  const clock = manualClock(Date.UTC(2026, 0, 15, 9, 0, 0));
  const nowSec = () => Math.floor(clock.now() / 1000);
  let slack: SlackEmulator;
  let channel: string;

  beforeAll(async () => {
    slack = await SlackEmulator.start({ clock, rateLimits: 'off', scheduledPollMs: false });
    channel = slack.addChannel({ name: 'breach-2026-0042', isPrivate: true, botIsMember: true }).id;
  });
  afterAll(() => slack.close());

  test('post_at in milliseconds → time_too_far; in the past → time_in_past; not an integer → invalid_time', async () => {
    const client = webClient(slack);
    await slackError(client.chat.scheduleMessage({ channel, text: 'x', post_at: clock.now() + 60_000 }), 'time_too_far');
    await slackError(client.chat.scheduleMessage({ channel, text: 'x', post_at: nowSec() - 1 }), 'time_in_past');
    await slackError(client.chat.scheduleMessage({ channel, text: 'x', post_at: 'soon' as never }), 'invalid_time');
    await slackError(client.chat.scheduleMessage({ channel, text: 'x', post_at: (nowSec() + 60.5) as never }), 'invalid_time');
    await slackError(
      client.chat.scheduleMessage({ channel, text: 'x', post_at: nowSec() + 120 * 24 * 3600 + 1 }),
      'time_too_far',
    );
    await client.chat.scheduleMessage({ channel, text: 'x', post_at: nowSec() + 120 * 24 * 3600 });
  });

  test('more than 30 in one 5-minute window of one channel → restricted_too_many', async () => {
    const client = webClient(slack);
    const base = nowSec() + 3600;
    for (let i = 0; i < 30; i++) await client.chat.scheduleMessage({ channel, text: `r${i}`, post_at: base + i * 5 });
    await slackError(client.chat.scheduleMessage({ channel, text: 'r30', post_at: base + 150 }), 'restricted_too_many');
    // outside that window it is fine again
    await client.chat.scheduleMessage({ channel, text: 'later', post_at: base + 1000 });
  });

  test('due messages are posted when the clock passes post_at; sent ones cannot be deleted', async () => {
    const client = webClient(slack);
    const reminder = await client.chat.scheduleMessage({ channel, text: '24 hours left', post_at: nowSec() + 60 });
    const cancelled = await client.chat.scheduleMessage({ channel, text: 'cancelled', post_at: nowSec() + 61 });
    await client.chat.deleteScheduledMessage({ channel, scheduled_message_id: cancelled.scheduled_message_id as string });
    const listed = await client.chat.scheduledMessages.list({ channel });
    expect(listed.scheduled_messages?.map((m) => m.id)).toContain(reminder.scheduled_message_id);
    expect(listed.scheduled_messages?.map((m) => m.id)).not.toContain(cancelled.scheduled_message_id);

    expect(slack.advanceScheduled()).toEqual([]);
    clock.advance(60_000);
    slack.advanceScheduled();
    expect(slack.messages(channel).map((m) => m.text)).toEqual(['24 hours left']);
    await slackError(
      client.chat.deleteScheduledMessage({ channel, scheduled_message_id: reminder.scheduled_message_id as string }),
      'invalid_scheduled_message_id',
    );
    await slackError(
      client.chat.deleteScheduledMessage({ channel, scheduled_message_id: cancelled.scheduled_message_id as string }),
      'invalid_scheduled_message_id',
    );
  });

  test('a scheduled message whose channel was archived meanwhile is not posted', async () => {
    const client = webClient(slack);
    const ch = (await client.conversations.create({ name: 'breach-2026-0099', is_private: true })).channel?.id as string;
    const sm = await client.chat.scheduleMessage({ channel: ch, text: 'late', post_at: nowSec() + 10 });
    await client.conversations.archive({ channel: ch });
    clock.advance(10_000);
    slack.advanceScheduled();
    expect(slack.scheduledMessages(ch).find((s) => s.id === sm.scheduled_message_id)).toMatchObject({
      status: 'failed',
      failure: 'is_archived',
    });
  });

  test('the poller posts on its own when enabled', async () => {
    const live = await SlackEmulator.start({ scheduledPollMs: 20 });
    try {
      const ch = live.addChannel({ name: 'poll', botIsMember: true }).id;
      await webClient(live).chat.scheduleMessage({ channel: ch, text: 'tick', post_at: Math.floor(Date.now() / 1000) + 1 });
      await live.waitFor(() => live.messages(ch).length === 1, { timeoutMs: 3000 });
    } finally {
      await live.close();
    }
  });
});
