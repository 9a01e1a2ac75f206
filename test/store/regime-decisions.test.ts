import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { recordRegimeDecisions, type DecisionChange } from '../../src/store/regime-decisions.js';
import { scheduleReminders } from '../../src/store/reminders.js';
import { describeEachDatabase } from '../support/databases.js';
import { storedBreach, useStoreDb } from '../support/stored-breach.js';

const now = DateTime.fromISO('2026-11-20T12:00:00Z', { zone: 'utc' });
const EW = 'nis2-dk:early_warning';

describeEachDatabase('regime decisions store', ({ freshDatabase }) => {
  const db = useStoreDb(freshDatabase);
  const breach = (key: string) => storedBreach(db.h, key, now.toJSDate(), { regimes: ['gdpr-dk', 'nis2-dk'], regimeAnswers: { significantIncident: null } });
  const decideNo: DecisionChange = {
    answers: { significantIncident: false, decided: { significantIncident: { by: 'U0DPO', at: now.toISO()!, justification: 'No disruption at all.' } } },
    regimes: ['gdpr-dk'],
    changed: ['significantIncident'],
    cancel: [EW],
    plan: [],
  };
  const decideYes = (dueAt: DateTime): DecisionChange => ({
    answers: { significantIncident: true },
    regimes: ['gdpr-dk', 'nis2-dk'],
    changed: ['significantIncident'],
    cancel: [],
    plan: [{ stream: EW, planned: [
      { kind: 'countdown', key: `${EW}/countdown-1h`, dueAt: dueAt.minus({ hours: 1 }), hoursBefore: 1 },
      { kind: 'deadline', key: `${EW}/deadline`, dueAt },
    ] }],
  });
  const rows = async (id: string) =>
    (await db.h.sql`select key, status, due_at from reminders where breach_id = ${id} and stream = ${EW} order by key`).map((r) => `${r['key']}:${r['status']}`);

  it('writes the regimes and answers with an event holding before and after, once per submission', async () => {
    const b = await breach('V-no');
    await scheduleReminders(db.h.db, b.id, [{ key: `${EW}/deadline`, kind: 'deadline', dueAt: now.plus({ hours: 20 }) }], EW);
    const first = await recordRegimeDecisions(db.h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:D1', decide: () => decideNo });
    const again = await recordRegimeDecisions(db.h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:D1', decide: () => decideNo });
    expect(first).toMatchObject({ ok: true, duplicate: false, changed: ['significantIncident'], cancelled: [`${EW}/deadline`] });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    const [row] = await db.h.sql`select regimes, regime_answers from breaches where id = ${b.id}`;
    expect(row).toMatchObject({ regimes: ['gdpr-dk'], regime_answers: { significantIncident: false } });
    const events = await db.h.sql`select actor, data from breach_events where breach_id = ${b.id} and type = 'regime_decisions_recorded'`;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: 'U0DPO',
      data: {
        submission: 'view:D1',
        before: { regimes: ['gdpr-dk', 'nis2-dk'], answers: { significantIncident: null } },
        after: { regimes: ['gdpr-dk'], answers: { significantIncident: false } },
        reminders: { cancelled: [`${EW}/deadline`] },
      },
    });
  });

  it('an unchanged decision writes nothing; a closed breach refuses', async () => {
    const b = await breach('V-same');
    expect(await recordRegimeDecisions(db.h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:D2', decide: () => 'unchanged' }))
      .toMatchObject({ ok: true, changed: [] });
    expect(await db.h.sql`select 1 from breach_events where breach_id = ${b.id} and type = 'regime_decisions_recorded'`).toHaveLength(0);
    await db.h.sql`update breaches set closed_at = now(), status = 'closed' where id = ${b.id}`;
    expect(await recordRegimeDecisions(db.h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:D3', decide: () => decideNo }))
      .toMatchObject({ ok: false, why: 'closed' });
  });

  it('a stream stopped by "no" starts again on "yes": cancelled rows are pending again, a posted one stays posted, no row twice', async () => {
    const b = await breach('V-again');
    const due = now.plus({ hours: 20 });
    await recordRegimeDecisions(db.h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:Y0', decide: () => decideYes(due) });
    await db.h.sql`update reminders set status = 'posted', posted_at = now() where breach_id = ${b.id} and key = ${`${EW}/countdown-1h`}`;
    await recordRegimeDecisions(db.h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:N1', decide: () => decideNo });
    expect(await rows(b.id)).toEqual([`${EW}/countdown-1h:posted`, `${EW}/deadline:cancelled`]);
    const yes = await recordRegimeDecisions(db.h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:Y1', decide: () => decideYes(due) });
    expect(yes).toMatchObject({ ok: true, scheduled: [`${EW}/countdown-1h`, `${EW}/deadline`] });
    expect(await rows(b.id)).toEqual([`${EW}/countdown-1h:posted`, `${EW}/deadline:pending`]);
  });
});
