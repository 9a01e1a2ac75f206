import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../../src/domain/clock.js';
import { useTestBot } from '../../support/bot-harness.js';
import { cardJson, type CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { declareValues, openDeclare, waitForSetup } from '../../support/declare.js';
import { draftAndWait, fieldValues, filesOf, openRecord, picked, threadOf } from '../../support/notices.js';

// Friday 23 October 2026, 10:00 in Copenhagen: the deadline is Monday 26 October 08:00 UTC.
const START = '2026-10-23T08:00:00Z';

describeOnOneDatabase('recording a late, phased notification with a moved clock', ({ freshDatabase }) => {
  const clock = manualClock(START);
  const t = useTestBot(freshDatabase, { clock, slack: { rateLimits: { postMessagePerChannel: null } } });
  let sql: postgres.Sql;
  beforeAll(() => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(() => sql.end());

  /** Reminder posts in the channel, by the key in their metadata. */
  const reminderKeys = (channel: string) =>
    t.slack.messages(channel).filter((m) => m.metadata?.['event_type'] === 'breachbot_reminder').map((m) => String((m.metadata?.['event_payload'] as Record<string, unknown>)['key']));
  async function at(iso: string) {
    clock.set(iso);
    await t.bot.tickReminders();
  }
  const streams = async (breachId: string) =>
    Object.fromEntries((await sql`select stream, string_agg(key || ':' || status, ',' order by key) as s from reminders where breach_id = ${breachId} group by stream`).map((r) => [r.stream, r.s]));

  it('a late draft asks for the reasons for the delay; an initial notification stops the countdown and starts a follow-up; the supplement stops it', async () => {
    const title = 'Payroll file left on a shared drive';
    const view = await openDeclare(t);
    await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values: declareValues({ title, awareAt: Math.floor(clock.now().toSeconds()), responders: [t.users.responder] }) });
    const breach = (await waitForSetup(t.databaseUrl, title)) as unknown as CardRow & { id: string };

    // Five hours past the deadline, nothing recorded: the overdue reminders run, and the draft is late.
    await at('2026-10-26T13:00:00Z');
    expect(reminderKeys(breach.channel_id).length).toBeGreaterThan(0);
    const late = await draftAndWait(t, breach, t.users.responder);
    expect(JSON.stringify(late[0]!.blocks)).toContain('the deadline has passed');
    const en = filesOf(t, late.find((m) => m.files?.length)!).find((f) => f.name.endsWith('-en-v1.md'))!;
    expect(en.text).toContain('## Reasons for the delay');
    expect(en.text).toContain('**Reasons for the delay:** [MISSING: the reasons for the delay]');

    // The DPO records an initial notification, submitted ten minutes ago, after the deadline.
    const modal = await openRecord(t, breach, t.users.dpo, 'notification');
    const submittedAt = Math.floor(clock.now().toSeconds()) - 600;
    const future = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: fieldValues({ submittedAt: picked(submittedAt + 3600), method: 'online_form', completeness: 'initial' }) });
    expect(future.errors).toEqual({ submittedAt: expect.stringContaining('in the future') });
    const ok = await t.driver.submitView({
      user: t.users.dpo,
      viewId: modal.id,
      values: fieldValues({ submittedAt: picked(submittedAt), method: 'online_form', reference: '2026-431-0042', completeness: 'initial' }),
    });
    expect(ok.responseAction).toBe('close');
    const [row] = await sql`select target, method, external_reference, completeness, recorded_by from notifications where breach_id = ${breach.id}`;
    expect(row).toEqual({ target: 'authority', method: 'online_form', external_reference: '2026-431-0042', completeness: 'initial', recorded_by: t.users.dpo });
    const [event] = await sql`select actor, data from breach_events where breach_id = ${breach.id} and type = 'notification_recorded'`;
    expect(event).toMatchObject({ actor: t.users.dpo, data: { late: true, completeness: 'initial', before: { status: 'assessing' }, after: { status: 'notified' } } });
    expect((await sql`select status from breaches where id = ${breach.id}`)[0]!.status).toBe('notified');
    expect((await streams(breach.id))['phased_follow_up']).toBe('phased-1:pending');
    expect((await streams(breach.id))['authority_countdown']).not.toMatch(/pending/);

    const card = await t.slack.waitFor(() => cardJson(t, breach).includes('Notified late') && cardJson(t, breach));
    expect(card).toContain('reasons for the delay required');
    expect(card).toContain('initial, more to follow');
    await t.slack.waitFor(() => threadOf(t, breach).some((m) => m.text.includes('recorded the notification to Datatilsynet (initial)')));

    // The countdown has stopped; a day after the submission the follow-up reminder comes.
    const before = reminderKeys(breach.channel_id).length;
    await at('2026-10-27T01:00:00Z');
    await at('2026-10-27T12:00:00Z');
    expect(reminderKeys(breach.channel_id)).toHaveLength(before);
    await at('2026-10-27T12:51:00Z');
    expect(reminderKeys(breach.channel_id).slice(before)).toEqual(['phased-1']);
    const followUp = t.slack.messages(breach.channel_id).at(-1)!;
    expect(followUp.text).toContain('the notification was initial');

    // The next draft is the follow-up to the initial notification, and still carries the delay section.
    const second = await draftAndWait(t, breach, t.users.dpo);
    const v2 = filesOf(t, second.find((m) => m.files?.length)!).find((f) => f.name.endsWith('-en-v2.md'))!;
    expect(v2.text).toContain('Follow-up to the earlier notification 2026-431-0042');
    expect(v2.text).toContain('2026-431-0042');
    expect(v2.text).toContain('## Reasons for the delay');

    // The supplement: the form starts there, and the follow-ups stop.
    const again = await openRecord(t, breach, t.users.dpo);
    const completeness = again.blocks.find((b) => b['block_id'] === 'completeness') as { element: { initial_option?: { value: string } } };
    expect(completeness.element.initial_option?.value).toBe('supplement');
    const supplement = await t.driver.submitView({
      user: t.users.dpo,
      viewId: again.id,
      values: fieldValues({ submittedAt: picked(Math.floor(clock.now().toSeconds())), method: 'email', completeness: 'supplement' }),
    });
    expect(supplement.responseAction).toBe('close');
    expect((await streams(breach.id))['phased_follow_up']).toMatch(/phased-2:cancelled/);
    const posted = reminderKeys(breach.channel_id).length;
    await at('2026-10-29T13:00:00Z');
    await at('2026-10-31T13:00:00Z');
    expect(reminderKeys(breach.channel_id)).toHaveLength(posted);
    const final = await t.slack.waitFor(() => cardJson(t, breach).includes('; supplement <!date') && cardJson(t, breach));
    expect(final).toContain('Notified late');
    expect(final).not.toContain('Supplement to follow');
    await t.slack.waitFor(() => threadOf(t, breach).some((m) => JSON.stringify(m.blocks ?? []).includes('The follow-up reminders have stopped')));
    expect(await sql`select 1 from breach_events where breach_id = ${breach.id} and type = 'notification_recorded'`).toHaveLength(2);
    t.slack.assertNoViolations();
  });
});
