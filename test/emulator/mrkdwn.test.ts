/** Rule 15 (slack-rules.md §5, §3): mention/link safety, escaping of user input, topic and text limits. */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { escapeMrkdwn, SlackEmulator } from './index.js';
import { slackError, webClient } from './test-helpers.js';

describe('mrkdwn safety', () => {
  let slack: SlackEmulator;
  let channel: string;
  let alice: string;
  let group: string;
  const kinds = () => slack.violations.map((v) => v.kind);

  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: 'off' });
    alice = slack.addUser({ name: 'alice' }).id;
    group = slack.addUserGroup({ handle: 'breach-responders', users: [alice] }).id;
    channel = slack.addChannel({ name: 'breach-2026-0042', isPrivate: true, members: [alice], botIsMember: true }).id;
  });
  beforeEach(() => slack.clearViolations());
  afterAll(() => slack.close());

  test('<!channel> in message text is flagged with where it was found', async () => {
    await webClient(slack).chat.postMessage({ channel, text: 'Heads up <!channel>' });
    expect(slack.violations).toMatchObject([
      { kind: 'broadcast_mention', source: 'chat.postMessage', where: `${channel} /text`, text: 'Heads up <!channel>' },
    ]);
  });

  test('<!here>, <!everyone> and <!subteam^…> inside blocks are flagged', async () => {
    await webClient(slack).chat.postMessage({
      channel,
      text: 'card',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '<!here|here> look' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: `<!subteam^${group}> and <!everyone>` }] },
        { type: 'section', fields: [{ type: 'mrkdwn', text: 'ok' }, { type: 'mrkdwn', text: '<!channel>' }] },
      ],
    });
    expect(kinds().sort()).toEqual(['broadcast_mention', 'broadcast_mention', 'broadcast_mention', 'usergroup_mention']);
    expect(slack.violations.map((v) => v.where)).toContain(`${channel} /blocks/2/fields/1/text`);
  });

  test('mentions of ids that do not exist, and disguised links, are flagged; real ones are not', async () => {
    await webClient(slack).chat.postMessage({
      channel,
      text: `<@${alice}> owns <#${channel}>; <@U0NOBODY> and <#C0NOWHERE>; <https://evil.example/login|https://intranet.corp/login>; <https://corp.example/a|the register>`,
    });
    expect(kinds().sort()).toEqual(['disguised_link', 'unknown_channel_mention', 'unknown_user_mention']);
  });

  test('plain_text objects are not parsed by Slack, so they are not flagged', async () => {
    await webClient(slack).chat.postMessage({
      channel,
      text: 'safe',
      blocks: [{ type: 'section', text: { type: 'plain_text', text: '<!channel> & friends' } }],
    });
    expect(slack.violations).toEqual([]);
  });

  test('untrusted input posted raw into mrkdwn is flagged; escaped it is fine', async () => {
    const typed = 'Lost laptop <!channel> & <https://evil|click>';
    slack.markUntrusted(typed);
    await webClient(slack).chat.postMessage({ channel, text: `Reported: ${escapeMrkdwn(typed)}` });
    expect(slack.violations).toEqual([]);
    await webClient(slack).chat.postMessage({ channel, text: 'card', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*Title:* ${typed}` } }] });
    expect(kinds()).toContain('unescaped_untrusted');
    expect(kinds()).toContain('broadcast_mention');
  });

  test('topics are scanned and limited to 250 characters (too_long)', async () => {
    const client = webClient(slack);
    await client.conversations.setTopic({ channel, topic: 'BR-2026-0042 <!here>' });
    expect(kinds()).toEqual(['broadcast_mention']);
    await slackError(client.conversations.setTopic({ channel, topic: 't'.repeat(251) }), 'too_long');
    await slackError(client.conversations.setPurpose({ channel, purpose: 'p'.repeat(251) }), 'too_long');
    await client.conversations.setPurpose({ channel, purpose: 'p'.repeat(250) });
  });

  test('views and ephemeral messages are scanned too', async () => {
    const client = webClient(slack);
    await client.chat.postEphemeral({ channel, user: alice, text: 'psst <!everyone>' });
    await client.views.publish({
      user_id: alice,
      view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `<!subteam^${group}>` } }] },
    });
    expect(slack.violations.map((v) => [v.kind, v.source])).toEqual([
      ['broadcast_mention', 'chat.postEphemeral'],
      ['usergroup_mention', 'views.publish'],
    ]);
  });

  test('text over 40,000 chars is truncated with message_truncated; chat.update over 4,000 → msg_too_long', async () => {
    const client = webClient(slack);
    const res = await client.chat.postMessage({ channel, text: 'a'.repeat(40_001) });
    expect(res.warning).toBe('message_truncated');
    expect(res.response_metadata?.warnings).toEqual(['message_truncated']);
    expect(slack.messages(channel).find((m) => m.ts === res.ts)?.text).toHaveLength(40_000);
    expect(kinds()).toEqual(['message_truncated']);
    await slackError(client.chat.update({ channel, ts: res.ts as string, text: 'b'.repeat(4001) }), 'msg_too_long');
  });
});
