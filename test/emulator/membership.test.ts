/** Rule 10 (slack-rules.md §4.2 "Membership"): not_in_channel, channel_not_found, is_archived. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_BOT_SCOPES, SlackEmulator } from './index.js';
import { slackError, webClient } from './test-helpers.js';

describe('conversation membership', () => {
  let slack: SlackEmulator;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
    alice = slack.addUser({ name: 'alice' }).id;
    bob = slack.addUser({ name: 'bob' }).id;
  });
  afterAll(() => slack.close());

  test('a private channel the bot is not in does not exist for it → channel_not_found', async () => {
    const secret = slack.addChannel({ name: 'hr-private', isPrivate: true, members: [alice] }).id;
    const client = webClient(slack);
    await slackError(client.chat.postMessage({ channel: secret, text: 'hi' }), 'channel_not_found');
    await slackError(client.conversations.info({ channel: secret }), 'channel_not_found');
    await slackError(client.conversations.invite({ channel: secret, users: bob }), 'channel_not_found');
    await slackError(client.pins.add({ channel: secret, timestamp: '1700000000.000100' }), 'channel_not_found');
    // by name, a private channel is never found either
    await slackError(client.chat.postMessage({ channel: 'hr-private', text: 'hi' }), 'channel_not_found');
  });

  test('a public channel the bot has not joined → not_in_channel (without chat:write.public)', async () => {
    const room = slack.addChannel({ name: 'security', members: [alice] }).id;
    const client = webClient(slack);
    await slackError(client.chat.postMessage({ channel: room, text: 'hi' }), 'not_in_channel');
    await slackError(client.conversations.invite({ channel: room, users: bob }), 'not_in_channel');
    await slackError(client.conversations.setTopic({ channel: room, topic: 't' }), 'not_in_channel');
    // reading a public channel is fine
    await client.conversations.info({ channel: room });
    slack.setScopes([...DEFAULT_BOT_SCOPES, 'chat:write.public']);
    try {
      await client.chat.postMessage({ channel: '#security', text: 'posted by name with chat:write.public' });
      expect(slack.messages(room)).toHaveLength(1);
    } finally {
      slack.setScopes(DEFAULT_BOT_SCOPES);
    }
  });

  test('an archived channel → is_archived', async () => {
    const old = slack.addChannel({ name: 'breach-2025-0001', isPrivate: true, botIsMember: true, archived: true }).id;
    const client = webClient(slack);
    await slackError(client.chat.postMessage({ channel: old, text: 'hi' }), 'is_archived');
    await slackError(client.conversations.invite({ channel: old, users: alice }), 'is_archived');
    await slackError(client.conversations.archive({ channel: old }), 'already_archived');
    await client.conversations.unarchive({ channel: old });
    await client.chat.postMessage({ channel: old, text: 'back' });
  });

  test('invite: already_in_channel, cant_invite_self, user_not_found, over 100 users', async () => {
    const client = webClient(slack);
    const ch = (await client.conversations.create({ name: 'breach-2026-0007', is_private: true })).channel?.id as string;
    await client.conversations.invite({ channel: ch, users: `${alice},${bob}` });
    expect(slack.channel(ch)?.members).toEqual([slack.botUserId, alice, bob]);
    const again = await slackError(client.conversations.invite({ channel: ch, users: alice }), 'already_in_channel');
    expect(again['errors']).toEqual([{ user: alice, ok: false, error: 'already_in_channel' }]);
    await slackError(client.conversations.invite({ channel: ch, users: slack.botUserId }), 'cant_invite_self');
    await slackError(client.conversations.invite({ channel: ch, users: 'UGHOST' }), 'user_not_found');
    const many = Array.from({ length: 101 }, (_, i) => slack.addUser({ name: `u${i}`, joinGeneral: false }).id);
    await slackError(client.conversations.invite({ channel: ch, users: many.join(',') }), 'invalid_arguments');
  });

  test('chat.postEphemeral needs the user in the channel → user_not_in_channel', async () => {
    const client = webClient(slack);
    const ch = slack.addChannel({ name: 'breach-2026-0008', isPrivate: true, members: [alice], botIsMember: true }).id;
    await slackError(client.chat.postEphemeral({ channel: ch, user: bob, text: 'only you' }), 'user_not_in_channel');
    await client.chat.postEphemeral({ channel: ch, user: alice, text: 'only you' });
    expect(slack.ephemerals({ channel: ch, user: alice }).map((e) => e.text)).toEqual(['only you']);
  });

  test('posting to a user id opens the app DM (D…)', async () => {
    const res = await webClient(slack).chat.postMessage({ channel: alice, text: 'Your breach was declared' });
    expect(res.channel).toMatch(/^D/);
    expect(slack.dm(alice).map((m) => m.text)).toEqual(['Your breach was declared']);
  });
});
