/** The accept path: a breach's whole Slack footprint goes through, on the real wire formats. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock, SlackEmulator } from './index.js';
import { slackError, webClient } from './test-helpers.js';

describe('everything breachbot does, accepted', () => {
  const clock = manualClock(Date.UTC(2026, 6, 1, 12, 0, 0)); // summer: CEST
  let slack: SlackEmulator;
  let alice: string;
  let dpo: string;

  beforeAll(async () => {
    slack = await SlackEmulator.start({ clock, rateLimits: 'off' });
    alice = slack.addUser({ name: 'alice', tz: 'Europe/Copenhagen' }).id;
    dpo = slack.addUser({ name: 'dana', realName: 'Dana DPO', isAdmin: true, tz: 'America/New_York' }).id;
    slack.addUserGroup({ handle: 'breach-responders', users: [alice, dpo] });
  });
  afterAll(() => slack.close());

  test('users, groups, channel, topic, card, pin, update, bookmark, file, DM', async () => {
    const c = webClient(slack);
    const info = await c.users.info({ user: dpo });
    expect(info.user).toMatchObject({ tz: 'America/New_York', tz_offset: -4 * 3600, is_admin: true, real_name: 'Dana DPO' });
    expect((await c.users.info({ user: alice })).user?.tz_offset).toBe(2 * 3600);
    await slackError(c.users.info({ user: 'UNOBODY' }), 'user_not_found');
    expect((await c.users.list({})).members?.map((m) => m.id)).toEqual(expect.arrayContaining([alice, dpo, slack.botUserId]));
    const groupId = [...slack.state.usergroups.keys()][0] as string;
    expect((await c.usergroups.users.list({ usergroup: groupId })).users).toEqual([alice, dpo]);
    await slackError(c.usergroups.users.list({ usergroup: 'SNOPE' }), 'no_such_subteam');

    const ch = (await c.conversations.create({ name: 'breach-2026-0042', is_private: true })).channel?.id as string;
    await c.conversations.invite({ channel: ch, users: [alice, dpo].join(',') });
    expect((await c.conversations.members({ channel: ch })).members).toEqual([slack.botUserId, alice, dpo]);
    await c.conversations.setTopic({ channel: ch, topic: 'BR-2026-0042 · deadline 2026-07-04 12:00 UTC' });
    await c.conversations.setPurpose({ channel: ch, purpose: 'Breach response' });
    expect((await c.conversations.info({ channel: ch })).channel).toMatchObject({ is_private: true, topic: { value: 'BR-2026-0042 · deadline 2026-07-04 12:00 UTC' } });

    const card = await c.chat.postMessage({
      channel: ch,
      text: 'BR-2026-0042: assessing',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'BR-2026-0042' } },
        { type: 'actions', block_id: 'card_actions', elements: [{ type: 'button', action_id: 'assess', text: { type: 'plain_text', text: 'Assess risk' }, value: '42' }] },
      ],
    });
    await c.pins.add({ channel: ch, timestamp: card.ts as string });
    await slackError(c.pins.add({ channel: ch, timestamp: card.ts as string }), 'already_pinned');
    await slackError(c.pins.add({ channel: ch, timestamp: '1600000000.000100' }), 'message_not_found');
    expect((await c.pins.list({ channel: ch })).items).toHaveLength(1);
    await c.chat.update({ channel: ch, ts: card.ts as string, text: 'BR-2026-0042: notify' });
    const stored = slack.pins(ch)[0];
    expect(stored?.text).toBe('BR-2026-0042: notify');
    expect(stored?.history.map((h) => h.text)).toEqual(['BR-2026-0042: assessing']);
    expect(stored?.blocks).toHaveLength(2); // omitted blocks are kept
    expect(stored?.edited?.user).toBe(slack.botUserId);

    const seeded = slack.addMessage({ channel: 'general', user: alice, text: 'I think we leaked <data> & stuff' });
    expect(seeded.text).toBe('I think we leaked &lt;data&gt; &amp; stuff');
    await slackError(c.chat.update({ channel: ch, ts: '1600000000.000100', text: 'x' }), 'message_not_found');

    await c.bookmarks.add({ channel_id: ch, title: 'Register', type: 'link', link: 'https://intranet.example/register' });
    await slackError(c.bookmarks.add({ channel_id: ch, title: 'Bad', type: 'link', link: 'javascript:alert(1)' }), 'invalid_link');
    expect(slack.channel(ch)?.bookmarks.map((b) => b.title)).toEqual(['Register']);

    const upload = await c.filesUploadV2({
      channel_id: ch,
      thread_ts: card.ts as string,
      filename: 'notice-v1.md',
      title: 'Regulator notice v1',
      content: '# Notification to Datatilsynet',
      initial_comment: 'Draft v1',
    });
    expect(upload.ok).toBe(true);
    const file = slack.files()[0];
    expect(file).toMatchObject({ name: 'notice-v1.md', title: 'Regulator notice v1', completed: true, channels: [ch] });
    expect(file?.uploaded?.toString()).toBe('# Notification to Datatilsynet');
    expect(slack.thread(ch, card.ts as string).map((m) => m.text)).toEqual(['BR-2026-0042: notify', 'Draft v1']);
    await slackError(c.files.completeUploadExternal({ files: [{ id: 'FNOPE' }], channel_id: ch }), 'file_not_found');

    const dm = await c.conversations.open({ users: dpo });
    await c.chat.postMessage({ channel: dm.channel?.id as string, text: 'Please decide on BR-2026-0042' });
    expect(slack.dm(dpo).map((m) => m.text)).toEqual(['Please decide on BR-2026-0042']);
    const link = await c.chat.getPermalink({ channel: ch, message_ts: card.ts as string });
    expect(link.permalink).toBe(`https://emulated.slack.com/archives/${ch}/p${(card.ts as string).replace('.', '')}`);

    await c.conversations.archive({ channel: ch });
    expect(slack.channel(ch)?.is_archived).toBe(true);
    expect(slack.calls.every((call) => call.ok)).toBe(false); // some deliberate errors above
    expect(slack.violations).toEqual([]);
  });

  test('JSON and multipart bodies are accepted like form bodies', async () => {
    const ch = slack.addChannel({ name: 'wire', botIsMember: true }).id;
    const json = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slack.botToken}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: ch, text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(await json.json()).toMatchObject({ ok: true });
    clock.advance(1000);
    const form = new FormData();
    form.append('channel', ch);
    form.append('text', 'multipart');
    const mp = await fetch(`${slack.apiUrl}chat.postMessage`, { method: 'POST', headers: { authorization: `Bearer ${slack.botToken}` }, body: form });
    expect(await mp.json()).toMatchObject({ ok: true });
    expect(slack.messages(ch).map((m) => m.text)).toEqual(['json', 'multipart']);
  });

  test('chat.delete and cant_update_message / cant_delete_message for messages the bot did not write', async () => {
    const c = webClient(slack);
    const ch = slack.addChannel({ name: 'deletes', members: [alice], botIsMember: true }).id;
    const human = slack.addMessage({ channel: ch, user: alice, text: 'mine' });
    await slackError(c.chat.update({ channel: ch, ts: human.ts, text: 'edited' }), 'cant_update_message');
    await slackError(c.chat.delete({ channel: ch, ts: human.ts }), 'cant_delete_message');
    const own = await c.chat.postMessage({ channel: ch, text: 'oops' });
    await c.chat.delete({ channel: ch, ts: own.ts as string });
    expect(slack.messages(ch).map((m) => m.text)).toEqual(['mine']);
    await slackError(c.chat.postMessage({ channel: ch } as never), 'no_text');
  });
});
