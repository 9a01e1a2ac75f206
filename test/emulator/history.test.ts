/** conversations.history: scopes per channel type, membership, newest first, metadata on request. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_BOT_SCOPES, SlackEmulator } from './index.js';
import { slackError, webClient } from './test-helpers.js';

describe('conversations.history', () => {
  let slack: SlackEmulator;
  let priv: string;
  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
    priv = slack.addChannel({ name: 'breach-room', isPrivate: true, botIsMember: true }).id;
  });
  afterAll(() => slack.close());

  test('returns top-level messages newest first, with metadata only when asked for', async () => {
    const client = webClient(slack);
    const card = await client.chat.postMessage({
      channel: priv,
      text: 'card',
      metadata: { event_type: 'breachbot_card', event_payload: { breach_id: 'b1' } },
    });
    await client.chat.postMessage({ channel: priv, text: 'reply', thread_ts: card.ts! });
    await client.chat.postMessage({ channel: priv, text: 'later' });
    const plain = await client.conversations.history({ channel: priv });
    expect(plain.messages!.map((m) => m.text)).toEqual(['later', 'card']);
    expect(plain.messages![1]!.metadata).toBeUndefined();
    const full = await client.conversations.history({ channel: priv, include_all_metadata: true });
    expect(full.messages![1]!.metadata).toEqual({ event_type: 'breachbot_card', event_payload: { breach_id: 'b1' } });
  });

  test('needs groups:history for a private channel, and the bot must be in it', async () => {
    slack.setScopes(DEFAULT_BOT_SCOPES.filter((s) => s !== 'groups:history'));
    const data = await slackError(webClient(slack).conversations.history({ channel: priv }), 'missing_scope');
    expect(data['needed']).toBe('groups:history');
    slack.setScopes(DEFAULT_BOT_SCOPES);
    const other = slack.addChannel({ name: 'not-ours', isPrivate: true }).id;
    await slackError(webClient(slack).conversations.history({ channel: other }), 'channel_not_found');
  });
});
