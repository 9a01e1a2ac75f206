import { expect, it } from 'vitest';
import postgres from 'postgres';
import { SHORTCUTS, VIEWS } from '../../../src/slack/ids.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, seconds, waitForSetup } from '../../support/declare.js';
import { useTestBot } from '../../support/bot-harness.js';

describeOnOneDatabase('declaring a breach', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase);

  it('/breach declare opens the modal, and submitting it builds a private channel with a pinned card', async () => {
    const view = await openDeclare(t, 'declare Payroll export sent to wrong recipient');
    expect(JSON.stringify(view.blocks)).toContain('Payroll export sent to wrong recipient');
    const res = await t.driver.submitView({
      user: t.users.reporter,
      viewId: view.id,
      values: declareValues({ responders: [t.users.responder], codename: 'Falcon' }),
    });
    expect(res.responseAction).toBe('close');
    const row = await waitForSetup(t.databaseUrl, 'Payroll export sent to wrong recipient');
    expect(row.reference).toMatch(/^BR-\d{4}-\d{4}$/);

    const channel = t.slack.channel(row.channel_id)!;
    expect(channel.is_private).toBe(true);
    expect(channel.name).toBe(`breach-${row.reference.slice(3).toLowerCase()}-falcon`);
    expect([...channel.members].sort()).toEqual([t.slack.botUserId, t.users.reporter, t.users.responder, t.users.dpo].sort());
    expect(channel.topic.value).toContain(row.reference);
    // The zone is named as in the card's <!date> fallbacks: CET or CEST, never "GMT+1".
    expect(channel.topic.value).toMatch(/notify Datatilsynet by \w{3} \d+ \w{3} \d{4} \d{2}:\d{2} CES?T /);
    expect(channel.topic.value).not.toContain('Payroll');

    const pins = t.slack.pins(row.channel_id);
    expect(pins).toHaveLength(1);
    expect(pins[0]!.ts).toBe(row.card_ts);
    const card = JSON.stringify(pins[0]!.blocks);
    expect(card).toContain(`${row.reference}: Payroll export sent to wrong recipient`);
    expect(card).toContain('<!date^');
    expect(card).not.toContain('Setup incomplete');

    // The reporter hears back where they typed /breach.
    const notice = await t.slack.waitFor(() => t.slack.responseUrlPosts().find((p) => JSON.stringify(p.body).includes(row.reference)));
    expect(JSON.stringify(notice!.body)).toContain(`<#${row.channel_id}>`);
    t.slack.assertNoViolations();
  });

  it('shows validation errors at the field and keeps the modal open', async () => {
    const view = await openDeclare(t);
    const res = await t.driver.submitView({
      user: t.users.reporter,
      viewId: view.id,
      values: declareValues({ title: 'x'.repeat(80), awareAt: seconds(new Date()) + 3600 }),
    });
    expect(res.responseAction).toBe('errors');
    expect(res.errors).toEqual({ awareAt: 'When we became aware cannot be in the future.' });
    expect(t.slack.openViews(t.users.reporter).map((v) => v.id)).toContain(view.id);
  });

  it('warns once about personal data in the title and keeps it when submitted again', async () => {
    const view = await openDeclare(t);
    const values = declareValues({ title: 'Mail to anna@example.dk went astray' });
    const first = await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values });
    expect(first.responseAction).toBe('errors');
    expect(first.errors?.title).toMatch(/e-mail address/);
    const second = await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values });
    expect(second.responseAction).toBe('close');
  });

  it('the same submission delivered twice creates one breach', async () => {
    const view = await openDeclare(t);
    const res = await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values: declareValues({ title: 'Twice delivered' }) });
    const again = await t.driver.raw({
      body: new URLSearchParams({ payload: JSON.stringify(res.payload) }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(again.status).toBe(200);
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await waitForSetup(t.databaseUrl, 'Twice delivered');
      const rows = await sql`select reference from breaches where title = 'Twice delivered'`;
      expect(rows).toHaveLength(1);
      expect(t.slack.state.channels.size).toBeGreaterThan(0);
      const named = [...t.slack.state.channels.values()].filter((c) => c.name.startsWith(`breach-${rows[0]!.reference.slice(3).toLowerCase()}`));
      expect(named).toHaveLength(1);
    } finally {
      await sql.end();
    }
  });

  it('escapes a hostile title everywhere the bot writes it', async () => {
    const title = '<!channel> <@U123> <https://evil.example|bank> & co';
    const view = await openDeclare(t);
    await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values: declareValues({ title, description: '<!here> see <https://evil.example|the bank>' }) });
    const row = await waitForSetup(t.databaseUrl, title);
    const pinned = t.slack.pins(row.channel_id)[0]!;
    // In mrkdwn (the message text, the description) it is escaped; in plain_text (the header) Slack parses nothing.
    expect(pinned.text).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|bank&gt; &amp; co');
    const header = pinned.blocks!.find((b) => b['type'] === 'header') as { text: { type: string; text: string } };
    expect(header.text).toEqual({ type: 'plain_text', text: `${row.reference}: ${title}` });
    expect(JSON.stringify(pinned.blocks)).toContain('&lt;!here&gt; see &lt;https://evil.example|the bank&gt;');
    // The emulator flags any broadcast mention, unknown mention or disguised link the bot posted.
    t.slack.assertNoViolations();
  });

  it('the global shortcut and the message shortcut open the Declare modal, the latter pre-filled', async () => {
    await t.driver.globalShortcut({ user: t.users.responder, callbackId: SHORTCUTS.declare });
    await t.slack.waitFor(() => t.slack.openViews(t.users.responder).some((v) => v.callback_id === VIEWS.declare));

    const msg = t.slack.addMessage({ channel: t.generalId, user: t.users.outsider, text: 'I think I sent the customer list to the wrong Dropbox & folder' });
    await t.driver.messageShortcut({ user: t.users.dpo, channel: t.generalId, messageTs: msg.ts, callbackId: SHORTCUTS.reportMessage });
    const modal = await t.slack.waitFor(() => t.slack.openViews(t.users.dpo).find((v) => v.callback_id === VIEWS.declare));
    const description = JSON.stringify(modal.blocks.find((b) => b['block_id'] === 'description'));
    expect(description).toContain(`/archives/${t.generalId}/p${msg.ts.replace('.', '')}`);
    expect(description).toContain('customer list to the wrong Dropbox & folder');
  });
});

