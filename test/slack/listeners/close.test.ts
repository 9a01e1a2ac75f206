import { DateTime } from 'luxon';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../../src/domain/clock.js';
import { ACTIONS, CLOSE_VIEW, closeAction } from '../../../src/slack/ids.js';
import { declareForAssessment } from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import { cardJson, decidedNoNotification, forge, pressCard, type CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { eventually } from '../../support/eventually.js';
import { decidedToTell } from '../../support/notices.js';

describeOnOneDatabase('closing a breach', ({ freshDatabase }) => {
  const clock = manualClock(DateTime.utc());
  // The moved clock posts reminders faster than Slack's one per second per channel allows.
  const t = useTestBot(freshDatabase, { clock, slack: { rateLimits: { postMessagePerChannel: null } } });
  let sql: postgres.Sql;
  beforeAll(() => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(() => sql.end());

  const closeModalOf = (user: string) => t.slack.openViews(user).find((v) => v.callback_id === CLOSE_VIEW);
  const ephemeralFor = (b: CardRow, user: string, text: string, from = 0) =>
    t.slack.waitFor(() => t.slack.ephemerals({ channel: b.channel_id, user }).slice(from).find((e) => e.text.includes(text)));
  const row = async (id: string) => (await sql`select status, closed_at, closed_by, close_reason from breaches where id = ${id}`)[0]!;
  const closeEvents = (id: string) => sql`select actor, data from breach_events where breach_id = ${id} and type = 'breach_closed'`;
  const reminderPosts = (b: CardRow) => t.slack.messages(b.channel_id).filter((m) => m.metadata?.['event_type'] === 'breachbot_reminder');

  it('is refused, with what is missing, until a decision is recorded', async () => {
    const breach = (await declareForAssessment(t, 'Printer queue showed payslips')) as unknown as CardRow;
    expect(cardJson(t, breach)).toContain(ACTIONS.closeBreach);
    await pressCard(t, breach, ACTIONS.closeBreach, t.users.dpo);
    const note = await ephemeralFor(breach, t.users.dpo, 'cannot be closed yet');
    expect(note.text).toBe(`${breach.reference} cannot be closed yet: record the notification, or a decision that none is needed, first.`);
    expect(closeModalOf(t.users.dpo)).toBeUndefined();
    expect((await row(breach.id)).closed_at).toBeNull();
    expect(await closeEvents(breach.id)).toHaveLength(0);
    t.slack.assertNoViolations();
  });

  it('is refused for someone who is neither DPO, lead nor admin, even with a decision', async () => {
    const { breach } = await decidedNoNotification(t, 'Booking system down briefly');
    await pressCard(t, breach, ACTIONS.closeBreach, t.users.responder);
    const note = await ephemeralFor(breach, t.users.responder, 'Only');
    expect(note.text).toMatch(/^Only the breach lead or the DPO can close a breach\./);
    expect(closeModalOf(t.users.responder)).toBeUndefined();
    expect((await row(breach.id)).status).toBe('no_notification');
    expect(await closeEvents(breach.id)).toHaveLength(0);
    t.slack.assertNoViolations();
  });

  it('with a decision: the DPO closes it with a note; the card shows it closed without buttons, and the channel is told', async () => {
    const { breach } = await decidedNoNotification(t, 'Calendar sync outage');
    const press = await pressCard(t, breach, ACTIONS.closeBreach, t.users.dpo);
    const modal = await t.slack.waitFor(() => closeModalOf(t.users.dpo));
    const blank = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: { note: { [closeAction('note')]: '   ' } } });
    expect(blank.errors).toEqual({ note: expect.stringMatching(/^Write a closing note/) });
    expect((await row(breach.id)).closed_at).toBeNull();

    const note = 'Service restored after 2 h; no personal data left our systems. <!here> & done.';
    const ok = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: { note: { [closeAction('note')]: note } } });
    expect(ok.responseAction).toBe('close');
    expect(await row(breach.id)).toMatchObject({ status: 'closed', closed_by: t.users.dpo, close_reason: note });
    const [event] = await closeEvents(breach.id);
    expect(event).toMatchObject({ actor: t.users.dpo, data: { note, before: { status: 'no_notification' }, after: { status: 'closed' } } });

    const card = await t.slack.waitFor(() => cardJson(t, breach).includes('card_closed') && cardJson(t, breach));
    expect(card).toContain('Closed');
    expect(card).not.toContain('"type":"actions"');
    expect(card).toContain('&lt;!here&gt; &amp; done.');
    const posted = await t.slack.waitFor(() => t.slack.messages(breach.channel_id).find((m) => m.text.includes(`closed ${breach.reference}`)));
    expect(JSON.stringify(posted.blocks)).toContain('This channel is kept');
    expect(t.slack.channel(breach.channel_id)!.is_archived).toBe(false);

    // The same press again (an old copy of the card, a replayed request) explains it is closed already.
    await forge(t, press.payload, t.users.dpo);
    await ephemeralFor(breach, t.users.dpo, 'is already closed');
    t.slack.assertNoViolations();
  });

  it('archives the channel on close when the settings say so', async () => {
    const { breach } = await decidedNoNotification(t, 'Archive me when closed');
    await sql`insert into settings (key, value) values ('org', '{"archiveOnClose": true}')
              on conflict (key) do update set value = settings.value || '{"archiveOnClose": true}'`;
    try {
      await pressCard(t, breach, ACTIONS.closeBreach, t.users.dpo);
      const modal = await t.slack.waitFor(() => closeModalOf(t.users.dpo));
      await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: { note: { [closeAction('note')]: 'Done; archiving.' } } });
      await t.slack.waitFor(() => t.slack.channel(breach.channel_id)!.is_archived);
      const note = t.slack.messages(breach.channel_id).find((m) => m.text.includes(`closed ${breach.reference}`))!;
      expect(JSON.stringify(note.blocks)).toContain('now archived');
      // Recorded in the audit trail right after Slack archived it.
      await eventually(async () => (await sql`select 1 from breach_events where breach_id = ${breach.id} and type = 'channel_archived'`).length === 1);
    } finally {
      await sql`update settings set value = value - 'archiveOnClose' where key = 'org'`;
    }
  });

  it('stops every reminder: nothing is posted after closing, however far the clock moves', async () => {
    const breach = await decidedToTell(t, 'Patient list e-mailed to a supplier');

    // A decision to notify is not enough: the notification must be recorded.
    await pressCard(t, breach, ACTIONS.closeBreach, t.users.dpo);
    await ephemeralFor(breach, t.users.dpo, 'record the notification to Datatilsynet first');
    // Recorded by the notification flow (its own issue); written here as that flow stores it.
    await sql`insert into notifications (breach_id, target, submitted_at, method, completeness, recorded_by)
              values (${breach.id}, 'authority', now(), 'online_form', 'initial', ${t.users.dpo})`;
    const before = t.slack.ephemerals({ channel: breach.channel_id, user: t.users.dpo }).length;
    await pressCard(t, breach, ACTIONS.closeBreach, t.users.dpo);
    await ephemeralFor(breach, t.users.dpo, 'record the communication to the people affected', before);
    await sql`insert into notifications (breach_id, target, submitted_at, method, subjects_count, recorded_by)
              values (${breach.id}, 'subjects', now(), 'email', 1200, ${t.users.dpo})`;
    await sql`insert into reminders (breach_id, stream, key, kind, due_at) values
              (${breach.id}, 'phased_follow_up', 'phased-1', 'phased', now() + interval '1 day') on conflict do nothing`;
    const pending = await sql`select distinct stream from reminders where breach_id = ${breach.id} and status = 'pending' order by stream`;
    expect(pending.map((r) => r.stream)).toEqual(['authority_countdown', 'phased_follow_up', 'subjects_daily']);

    await pressCard(t, breach, ACTIONS.closeBreach, t.users.dpo);
    const modal = await t.slack.waitFor(() => closeModalOf(t.users.dpo));
    await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: { note: { [closeAction('note')]: 'Notified and told; closed.' } } });
    expect((await row(breach.id)).status).toBe('closed');
    expect(await sql`select 1 from reminders where breach_id = ${breach.id} and status in ('pending', 'claimed')`).toHaveLength(0);
    const cancelled = await sql`select data->>'stream' as stream, data->>'reason' as reason from breach_events where breach_id = ${breach.id} and type = 'reminders_cancelled' and data->>'reason' = 'closed' order by id`;
    expect(cancelled.map((c) => c.stream).sort()).toEqual(['authority_countdown', 'phased_follow_up', 'subjects_daily']);

    const posted = reminderPosts(breach).length;
    for (const days of [1, 2, 3, 5, 10]) {
      clock.set(DateTime.utc().plus({ days }));
      await t.bot.tickReminders();
    }
    expect(reminderPosts(breach)).toHaveLength(posted);
    clock.set(DateTime.utc());
    t.slack.assertNoViolations();
  });
});
