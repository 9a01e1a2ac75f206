/**
 * An end-to-end flow through a real Bolt app: slash command → modal → submission → channel,
 * card with a button → block_actions → respond() via response_url; message shortcut; Home tab.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SlackEmulator, type Driver } from './index.js';
import { modal, startBolt, type BoltHandle } from './test-helpers.js';

describe('a small bot driven end to end', () => {
  let slack: SlackEmulator;
  let bolt: BoltHandle;
  let driver: Driver;
  let alice: string;
  const respondErrors: string[] = [];

  beforeAll(async () => {
    slack = await SlackEmulator.start({ rateLimits: { postMessagePerChannel: null } });
    alice = slack.addUser({ name: 'alice' }).id;
    bolt = await startBolt(slack, (app) => {
      app.command('/breach', async ({ ack, body, client, respond }) => {
        await ack();
        if (body.text === 'flood') {
          for (let i = 0; i < 6; i++) await respond(`update ${i}`).catch((e: Error) => respondErrors.push(e.message));
          return;
        }
        await client.views.open({ trigger_id: body.trigger_id, view: modal({ callback_id: 'declare' }) as never });
      });
      app.view('declare', async ({ ack, view, body, client }) => {
        await ack();
        const title = view.state.values['title_block']?.['title']?.value ?? '';
        const ch = await client.conversations.create({ name: 'breach-2026-0001', is_private: true });
        const channel = ch.channel?.id as string;
        await client.conversations.invite({ channel, users: body.user.id });
        // Deliberately unescaped: the emulator must notice.
        await client.chat.postMessage({
          channel,
          text: `New breach: ${title}`,
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } },
            { type: 'actions', elements: [{ type: 'button', action_id: 'close_breach', text: { type: 'plain_text', text: 'Close' }, value: 'BR-1' }] },
          ],
        });
      });
      app.action('close_breach', async ({ ack, respond, action }) => {
        await ack();
        await respond({ replace_original: true, text: `Closed ${(action as { value?: string }).value ?? ''}` });
      });
      app.shortcut('report_message', async ({ ack, shortcut, respond }) => {
        await ack();
        const text = (shortcut as { message?: { text?: string } }).message?.text ?? '';
        await respond({ response_type: 'ephemeral', text: `Reported: ${text}` });
      });
      app.event('app_home_opened', async ({ event, client }) => {
        await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'No open breaches' } }] } });
      });
    });
    driver = slack.driver(bolt.url);
  });
  afterAll(async () => {
    await bolt.stop();
    await slack.close();
  });

  test('declare → channel with card; the typed title was never escaped, so the emulator flags it', async () => {
    await driver.slashCommand({ user: alice, text: '' });
    const [view] = await slack.waitFor(() => (slack.openViews(alice).length ? slack.openViews(alice) : undefined));
    await driver.submitView({ user: alice, viewId: view?.id as string, values: { title_block: { title: 'Laptop & <phone> lost' } } });
    const ch = await slack.waitFor(() => slack.channelByName('breach-2026-0001'));
    const [card] = await slack.waitFor(() => (slack.messages(ch.id).length ? slack.messages(ch.id) : undefined));
    expect(card?.text).toBe('New breach: Laptop & <phone> lost');
    expect(slack.violations.map((v) => v.kind)).toContain('unescaped_untrusted');

    // Clicking the card's button: respond() with replace_original rewrites the card.
    const click = await driver.blockAction({ user: alice, action_id: 'close_breach', message: { channel: ch.id, ts: card?.ts as string } });
    expect(click.responseUrl).toMatch(/\/response\//);
    await slack.waitFor(() => slack.responseUrlPosts().length === 1);
    expect(slack.messages(ch.id)[0]?.text).toBe('Closed BR-1');
    expect(slack.messages(ch.id)[0]?.history[0]?.text).toBe('New breach: Laptop & <phone> lost');
    expect(slack.responseUrlPosts()[0]).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
  });

  test('a response_url takes 5 posts; the 6th is refused (Bolt’s respond() throws)', async () => {
    await driver.slashCommand({ user: alice, text: 'flood' });
    await slack.waitFor(() => respondErrors.length === 1);
    expect(slack.ephemerals({ user: alice }).filter((e) => e.text.startsWith('update '))).toHaveLength(5);
    expect(slack.violations.map((v) => v.kind)).toContain('response_url_rejected');
  });

  test('message shortcut on a user’s message: payload carries the (escaped) message text', async () => {
    const msg = slack.addMessage({ channel: 'general', user: alice, text: 'customer list <sent> to wrong address' });
    await driver.messageShortcut({ user: alice, channel: 'general', messageTs: msg.ts, callbackId: 'report_message' });
    const reply = await slack.waitFor(() => slack.ephemerals({ user: alice }).find((e) => e.text.startsWith('Reported:')));
    expect(reply.text).toBe('Reported: customer list &lt;sent&gt; to wrong address');
  });

  test('app_home_opened → views.publish', async () => {
    const res = await driver.appHomeOpened({ user: alice });
    expect(res.acked).toBe(true);
    const home = await slack.waitFor(() => slack.homeView(alice));
    expect(home.type).toBe('home');
  });
});
