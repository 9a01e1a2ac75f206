import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { declareBreach } from '../../src/store/breaches.js';
import { recordRegimeStage, type StageRecording } from '../../src/store/regime-stages.js';
import { scheduleReminders } from '../../src/store/reminders.js';
import { recordNotification } from '../../src/store/notifications.js';
import { closeBreachRecord } from '../../src/store/close.js';
import { describeEachDatabase } from '../support/databases.js';

const now = DateTime.fromISO('2026-11-20T12:00:00Z', { zone: 'utc' });

describeEachDatabase('regime stage store', ({ freshDatabase }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = openDb(await freshDatabase());
  });
  afterAll(() => h.close());

  async function breach(key: string, regimes?: string[]) {
    const { breach } = await declareBreach(
      h.db,
      {
        title: 'Ransomware on the booking system', description: 'Encrypted.', codename: null,
        awareAt: new Date('2026-11-20T08:30:00Z'), startedAt: null, discovery: null, role: 'controller', processorHours: null,
        systems: null, ongoing: 'yes', responderIds: [], deadlineAt: new Date('2026-11-23T08:30:00Z'),
        ...(regimes ? { regimes, regimeAnswers: { significantIncident: true } } : {}),
      },
      { reporterId: 'U0REPORT', submissionKey: key, replyUrl: null, now: now.toJSDate() },
    );
    return breach;
  }
  const recording = (breachId: string, submission: string, over: Partial<StageRecording> = {}): StageRecording => ({
    breachId, actor: 'U0DPO', now, submission, regime: 'nis2-dk', stage: 'incident_notification', doneAt: now.minus({ minutes: 30 }),
    reference: 'VIRK-1', names: { regime: 'NIS2 (Denmark)', stage: 'Incident notification' },
    plan: () => [{ stream: 'nis2-dk:final_report', planned: [{ kind: 'deadline', key: 'nis2-dk:final_report/deadline', dueAt: now.plus({ months: 1 }) }] }],
    ...over,
  });

  it('a breach declared before regimes, or without any, is a GDPR breach', async () => {
    const b = await breach('V-old');
    expect(b.regimes).toEqual(['gdpr-dk']);
    expect(b.regimeAnswers).toEqual({});
    const declared = await h.sql`select data from breach_events where breach_id = ${b.id} and type = 'breach_declared'`;
    expect(declared[0]!['data']).not.toHaveProperty('regimes');
    const nis2 = await breach('V-nis2', ['gdpr-dk', 'nis2-dk']);
    const event = await h.sql`select data from breach_events where breach_id = ${nis2.id} and type = 'breach_declared'`;
    expect(event[0]!['data']).toMatchObject({ regimes: ['gdpr-dk', 'nis2-dk'], regimeAnswers: { significantIncident: true } });
  });

  it('records a stage once per submission: its reminders stop, the next stage is planned, the event says so', async () => {
    const b = await breach('V-record', ['gdpr-dk', 'nis2-dk']);
    const stream = 'nis2-dk:incident_notification';
    await scheduleReminders(h.db, b.id, [{ key: `${stream}/deadline`, kind: 'deadline', dueAt: now.plus({ days: 1 }) }], stream);
    const first = await recordRegimeStage(h.db, recording(b.id, 'view:S1'));
    const again = await recordRegimeStage(h.db, recording(b.id, 'view:S1'));
    expect(first).toMatchObject({ ok: true, duplicate: false, cancelled: [`${stream}/deadline`], scheduled: ['nis2-dk:final_report/deadline'] });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(await h.sql`select 1 from regime_stages where breach_id = ${b.id}`).toHaveLength(1);
    const events = await h.sql`select actor, data from breach_events where breach_id = ${b.id} and type = 'regime_stage_recorded'`;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'U0DPO', data: { regime: 'nis2-dk', stage: 'incident_notification', reference: 'VIRK-1', submission: 'view:S1' } });
    const rows = await h.sql`select stream, key, status from reminders where breach_id = ${b.id} and stream like 'nis2-dk:%' order by key`;
    expect(rows.map((r) => `${r['key']}:${r['status']}`)).toEqual(['nis2-dk:final_report/deadline:pending', `${stream}/deadline:cancelled`]);

    // Another submission of the same stage is refused; the record cannot be changed afterwards.
    expect(await recordRegimeStage(h.db, recording(b.id, 'view:S2'))).toMatchObject({ ok: false, why: 'already_recorded' });
    await expect(h.sql`update regime_stages set done_at = now() where breach_id = ${b.id}`).rejects.toThrow(/append-only/);
  });

  it('records nothing on a closed breach', async () => {
    const b = await breach('V-closed', ['gdpr-dk', 'nis2-dk']);
    await h.sql`update breaches set closed_at = now(), status = 'closed' where id = ${b.id}`;
    expect(await recordRegimeStage(h.db, recording(b.id, 'view:S3'))).toMatchObject({ ok: false, why: 'closed' });
    expect(await h.sql`select 1 from regime_stages where breach_id = ${b.id}`).toHaveLength(0);
  });

  it("closing a breach stops its regime stages' reminders too", async () => {
    const b = await breach('V-close-streams', ['gdpr-dk', 'nis2-dk']);
    const stream = 'nis2-dk:final_report';
    await scheduleReminders(h.db, b.id, [{ key: `${stream}/deadline`, kind: 'deadline', dueAt: now.plus({ months: 1 }) }], stream);
    const value = { submittedAt: now.minus({ hours: 1 }), method: 'online_form', reference: null, completeness: 'complete', notes: null } as const;
    expect(await recordNotification(h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:N1', value })).toMatchObject({ ok: true });
    const closed = await closeBreachRecord(h.db, { breachId: b.id, closedBy: 'U0DPO', note: 'Restored from backup; reported.', now });
    expect(closed).toMatchObject({ ok: true, cancelled: { [stream]: [`${stream}/deadline`] } });
    expect(await h.sql`select 1 from reminders where breach_id = ${b.id} and status = 'pending'`).toHaveLength(0);
  });
});
