import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTIONS, NOTICE_VIEWS } from '../../../src/slack/ids.js';
import { declareForAssessment } from '../../support/assess.js';
import { useTestBot } from '../../support/bot-harness.js';
import { cardJson, pressCard, type CardRow } from '../../support/card.js';
import { describeOnOneDatabase } from '../../support/databases.js';
import { seconds } from '../../support/declare.js';
import { decidedToTell, draftAndWait, fieldValues, filesOf, openRecord, picked, threadOf } from '../../support/notices.js';

describeOnOneDatabase('recording the communication to the people affected, a § 22 restriction, and who may', ({ freshDatabase }) => {
  const t = useTestBot(freshDatabase, { slack: { rateLimits: { postMessagePerChannel: null } } });
  let sql: postgres.Sql;
  beforeAll(() => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(() => sql.end());

  const subjectReminders = async (breachId: string) =>
    (await sql`select key, status from reminders where breach_id = ${breachId} and stream = 'subjects_daily' order by key`).map((r) => `${r.key}:${r.status}`);
  const recordedEvents = (breachId: string) => sql`select type, actor, data from breach_events where breach_id = ${breachId} and type like '%_recorded' order by id`;
  const now = () => seconds(new Date());

  it('someone neither DPO nor lead pressing Record notification gets the explanation, and nothing changes', async () => {
    const breach = (await declareForAssessment(t, 'Visitor log copied to a USB stick')) as unknown as CardRow;
    t.slack.addMembers(breach.channel_id, [t.users.outsider]);
    for (const user of [t.users.responder, t.users.outsider]) {
      await pressCard(t, breach, ACTIONS.recordNotification, user);
      const note = await t.slack.waitFor(() => t.slack.ephemerals({ channel: breach.channel_id, user }).find((e) => e.text.includes('Only')));
      expect(note.text).toMatch(/^Only the breach lead or the DPO can record the notification to the authority/);
      expect(t.slack.openViews(user).filter((v) => v.callback_id === NOTICE_VIEWS.record)).toHaveLength(0);
    }
    expect(await sql`select 1 from notifications where breach_id = ${breach.id}`).toHaveLength(0);
    expect(await recordedEvents(breach.id)).toHaveLength(0);
    expect((await sql`select status from breaches where id = ${breach.id}`)[0]!.status).toBe('assessing');
    t.slack.assertNoViolations();
  });

  it('drafts the notice to the people when they must be told; the DPO records the communication and the daily reminder stops', async () => {
    const breach = await decidedToTell(t, 'Patient letters posted to old addresses');
    expect(await subjectReminders(breach.id)).toEqual(['subjects-1:pending']);
    const posted = await draftAndWait(t, breach, t.users.responder);
    const names = filesOf(t, posted.find((m) => m.files?.length)!).map((f) => f.name).sort();
    expect(names).toEqual(['authority-da', 'authority-en', 'subject-da', 'subject-en'].map((k) => `${breach.reference}-${k}-v1.md`));

    const modal = await openRecord(t, breach, t.users.dpo, 'communication');
    const noCount = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: fieldValues({ submittedAt: picked(now() - 60), channel: 'letter' }) });
    expect(noCount.errors).toEqual({ count: 'Give how many people were told.' });
    const ok = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: fieldValues({ submittedAt: picked(now() - 60), channel: 'letter', count: '1200' }) });
    expect(ok.responseAction).toBe('close');
    const [row] = await sql`select target, method, subjects_count, is_public, recorded_by from notifications where breach_id = ${breach.id}`;
    expect(row).toEqual({ target: 'subjects', method: 'letter', subjects_count: 1200, is_public: false, recorded_by: t.users.dpo });
    const [event] = await recordedEvents(breach.id);
    expect(event).toMatchObject({ type: 'communication_recorded', actor: t.users.dpo, data: { method: 'letter', count: 1200, reminders: { cancelled: ['subjects-1'] } } });
    expect(await subjectReminders(breach.id)).toEqual(['subjects-1:cancelled']);
    await t.slack.waitFor(() => cardJson(t, breach).includes('People affected told'));
    await t.slack.waitFor(() => threadOf(t, breach).some((m) => m.text.includes('recorded the communication to the people affected')));
    // Still owed: the notification to Datatilsynet.
    expect((await sql`select status from breaches where id = ${breach.id}`)[0]!.status).toBe('notify');
    t.slack.assertNoViolations();
  });

  it('a § 22 restriction: refused to the breach lead (the DPO decides), recorded by the DPO, and the daily reminder stops', async () => {
    const breach = await decidedToTell(t, 'Case files of an ongoing fraud investigation exposed');
    await sql`update breaches set lead_id = ${t.users.responder} where id = ${breach.id}`;
    const why = 'The police asked us in writing not to tell the people yet: telling them would alert the suspect <!here> & impede the investigation.';

    const asLead = await openRecord(t, breach, t.users.responder, 'restriction');
    const refused = await t.driver.submitView({ user: t.users.responder, viewId: asLead.id, values: fieldValues({ justification: why }) });
    expect(refused.errors).toEqual({ justification: expect.stringMatching(/^Only the DPO can record a § 22 restriction/) });
    await t.driver.closeView({ user: t.users.responder, viewId: asLead.id });
    expect(await sql`select 1 from subject_restrictions where breach_id = ${breach.id}`).toHaveLength(0);
    expect(await recordedEvents(breach.id)).toHaveLength(0);

    const modal = await openRecord(t, breach, t.users.dpo, 'restriction');
    const short = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: fieldValues({ justification: 'Police said so.' }) });
    expect(short.errors).toEqual({ justification: expect.stringContaining('at least 20 characters') });
    const ok = await t.driver.submitView({ user: t.users.dpo, viewId: modal.id, values: fieldValues({ justification: why }) });
    expect(ok.responseAction).toBe('close');
    expect(await sql`select justification, recorded_by from subject_restrictions where breach_id = ${breach.id}`).toEqual([{ justification: why, recorded_by: t.users.dpo }]);
    const [event] = await recordedEvents(breach.id);
    expect(event).toMatchObject({ type: 'restriction_recorded', actor: t.users.dpo, data: { justification: why, before: null, reminders: { cancelled: ['subjects-1'] } } });
    expect(await subjectReminders(breach.id)).toEqual(['subjects-1:cancelled']);
    await t.slack.waitFor(() => cardJson(t, breach).includes(`§ 22 restriction recorded by <@${t.users.dpo}>`));
    const reply = await t.slack.waitFor(() => threadOf(t, breach).find((m) => m.text.includes('recorded a § 22 restriction')));
    expect(JSON.stringify(reply.blocks)).toContain('&lt;!here&gt; &amp; impede');
    t.slack.assertNoViolations();
  });
});
