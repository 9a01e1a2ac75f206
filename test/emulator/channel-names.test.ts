/** Rule 11 (slack-rules.md §4.2 conversations.create notes): Slack's channel-name rules. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SlackEmulator } from './index.js';
import { slackError, webClient } from './test-helpers.js';

describe('conversations.create names', () => {
  let slack: SlackEmulator;

  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
  });
  afterAll(() => slack.close());

  test.each([
    ['Breach-2026', 'invalid_name_specials'],
    ['breach 2026', 'invalid_name_specials'],
    ['#breach', 'invalid_name_specials'],
    ['brud-på-data', 'invalid_name_specials'],
    ['', 'invalid_name_required'],
    ['---', 'invalid_name_punctuation'],
    ['_', 'invalid_name_punctuation'],
    ['b'.repeat(81), 'invalid_name_maxlength'],
  ])('"%s" → %s', async (name, code) => {
    await slackError(webClient(slack).conversations.create({ name, is_private: true }), code);
  });

  test('valid names are created as asked; the creating bot is a member', async () => {
    const res = await webClient(slack).conversations.create({ name: 'breach-2026-0042_laptop', is_private: true });
    expect(res.channel).toMatchObject({ name: 'breach-2026-0042_laptop', is_private: true, is_member: true });
    expect(slack.channel(res.channel?.id as string)?.members).toEqual([slack.botUserId]);
    await webClient(slack).conversations.create({ name: 'b'.repeat(80) });
  });

  test('a taken name is refused, even when that channel is archived', async () => {
    const client = webClient(slack);
    const first = await client.conversations.create({ name: 'breach-2026-0001', is_private: true });
    await slackError(client.conversations.create({ name: 'breach-2026-0001', is_private: true }), 'name_taken');
    await client.conversations.archive({ channel: first.channel?.id as string });
    await slackError(client.conversations.create({ name: 'breach-2026-0001' }), 'name_taken');
    slack.addChannel({ name: 'old-archived', archived: true });
    await slackError(client.conversations.create({ name: 'old-archived', is_private: true }), 'name_taken');
  });

  test('non-Latin lowercase letters only when configured (unverified Slack behaviour)', async () => {
    const uni = await SlackEmulator.start({ unicodeChannelNames: true });
    try {
      await webClient(uni).conversations.create({ name: 'brud-på-data' });
      await slackError(webClient(uni).conversations.create({ name: 'Brud' }), 'invalid_name_specials');
    } finally {
      await uni.close();
    }
  });
});
