/** Rule 9 (slack-rules.md §4.1, §4.2): scopes per method and conversation type; token errors. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_BOT_SCOPES, SlackEmulator } from './index.js';
import { slackError, webClient } from './test-helpers.js';

describe('scopes and tokens', () => {
  let slack: SlackEmulator;
  let pub: string;
  let priv: string;
  const without = (...drop: string[]) => DEFAULT_BOT_SCOPES.filter((s) => !drop.includes(s));

  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
    pub = slack.addChannel({ name: 'public-room', botIsMember: true }).id;
    priv = slack.addChannel({ name: 'private-room', isPrivate: true, botIsMember: true }).id;
  });
  afterAll(() => slack.close());

  test('missing scope → missing_scope with needed and provided', async () => {
    slack.setScopes(without('groups:write'));
    const data = await slackError(webClient(slack).conversations.create({ name: 'breach-2026-0001', is_private: true }), 'missing_scope');
    expect(data['needed']).toBe('groups:write');
    expect(String(data['provided']).split(',')).toEqual(without('groups:write'));
    // A public channel needs channels:manage instead, which is still there.
    await webClient(slack).conversations.create({ name: 'breach-public-0001' });
    slack.setScopes(DEFAULT_BOT_SCOPES);
  });

  test('the scope depends on the conversation type: channels:* public, groups:* private', async () => {
    slack.setScopes(without('groups:read'));
    await webClient(slack).conversations.info({ channel: pub });
    const data = await slackError(webClient(slack).conversations.info({ channel: priv }), 'missing_scope');
    expect(data['needed']).toBe('groups:read');
    slack.setScopes(without('channels:write.topic', 'channels:manage'));
    await webClient(slack).conversations.setTopic({ channel: priv, topic: 'BR-2026-0042' });
    const topic = await slackError(webClient(slack).conversations.setTopic({ channel: pub, topic: 'x' }), 'missing_scope');
    expect(topic['needed']).toBe('channels:manage,channels:write.topic');
    slack.setScopes(DEFAULT_BOT_SCOPES);
  });

  test.each([
    ['pins.add', 'pins:write'],
    ['chat.postMessage', 'chat:write'],
    ['users.info', 'users:read'],
    ['files.getUploadURLExternal', 'files:write'],
    ['usergroups.users.list', 'usergroups:read'],
    ['bookmarks.add', 'bookmarks:write'],
  ])('%s without %s → missing_scope', async (method, scope) => {
    slack.setScopes(without(scope));
    try {
      const data = await slackError(webClient(slack).apiCall(method, { channel: pub }), 'missing_scope');
      expect(String(data['needed']).split(',')).toContain(scope);
    } finally {
      slack.setScopes(DEFAULT_BOT_SCOPES);
    }
  });

  test('chat:write.public is not in breachbot’s set, and conversations.join needs channels:join', async () => {
    const data = await slackError(webClient(slack).conversations.join({ channel: pub }), 'missing_scope');
    expect(data['needed']).toBe('channels:join');
  });

  test('responses carry x-oauth-scopes (the client exposes them)', async () => {
    const res = await webClient(slack).auth.test();
    expect(res.response_metadata?.scopes).toEqual([...DEFAULT_BOT_SCOPES]);
    expect(res.user_id).toBe(slack.botUserId);
    expect(res.bot_id).toBe(slack.botId);
  });

  test('no token → not_authed; unknown token → invalid_auth; revoked → token_revoked', async () => {
    const anon = await fetch(`${slack.apiUrl}auth.test`, { method: 'POST' });
    expect(await anon.json()).toEqual({ ok: false, error: 'not_authed' });
    await slackError(webClient(slack, 'xoxb-forged').auth.test(), 'invalid_auth');
    // JSON bodies must put the token in the header, not the body.
    const jsonBody = await fetch(`${slack.apiUrl}auth.test`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: slack.botToken }),
    });
    expect(await jsonBody.json()).toEqual({ ok: false, error: 'not_authed' });
    const other = await SlackEmulator.start();
    try {
      other.revokeToken();
      await slackError(webClient(other).auth.test(), 'token_revoked');
    } finally {
      await other.close();
    }
  });

  test('unknown methods answer unknown_method', async () => {
    await slackError(webClient(slack).apiCall('chat.fly', {}), 'unknown_method');
  });
});
