import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { declareBreach } from '../../src/store/breaches.js';
import { recordRegimeDecisions, type DecisionChange } from '../../src/store/regime-decisions.js';
import { scheduleReminders } from '../../src/store/reminders.js';
import { describeEachDatabase } from '../support/databases.js';

const now = DateTime.fromISO('2026-11-20T12:00:00Z', { zone: 'utc' });
const EW = 'nis2-dk:early_warning';

describeEachDatabase('regime decisions store', ({ freshDatabase }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = openDb(await freshDatabase());
  });
  afterAll(() => h.close());

  async function breach(key: string) {
    const { breach } = await declareBreach(
      h.db,
      {
        title: 'Ransomware on the booking system', description: 'Encrypted.', codename: null,
        awareAt: new Date('2026-11-20T08:30:00Z'), startedAt: null, discovery: null, role: 'controller', processorHours: null,
        systems: null, ongoing: 'yes', responderIds: [], deadlineAt: new Date('2026-11-23T08:30:00Z'),
        regimes: ['gdpr-dk', 'nis2-dk'], regimeAnswers: { significantIncident: null },
      },
      { reporterId: 'U0REPORT', submissionKey: key, replyUrl: null, now: now.toJSDate() },
    );
    return breach;
  }
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
    (await h.sql`select key, status, due_at from reminders where breach_id = ${id} and stream = ${EW} order by key`).map((r) => `${r['key']}:${r['status']}`);

  it('writes the regimes and answers with an event holding before and after, once per submission', async () => {
    const b = await breach('V-no');
    await scheduleReminders(h.db, b.id, [{ key: `${EW}/deadline`, kind: 'deadline', dueAt: now.plus({ hours: 20 }) }], EW);
    const first = await recordRegimeDecisions(h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:D1', decide: () => decideNo });
    const again = await recordRegimeDecisions(h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:D1', decide: () => decideNo });
    expect(first).toMatchObject({ ok: true, duplicate: false, changed: ['significantIncident'], cancelled: [`${EW}/deadline`] });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    const [row] = await h.sql`select regimes, regime_answers from breaches where id = ${b.id}`;
    expect(row).toMatchObject({ regimes: ['gdpr-dk'], regime_answers: { significantIncident: false } });
    const events = await h.sql`select actor, data from breach_events where breach_id = ${b.id} and type = 'regime_decisions_recorded'`;
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
    expect(await recordRegimeDecisions(h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:D2', decide: () => 'unchanged' }))
      .toMatchObject({ ok: true, changed: [] });
    expect(await h.sql`select 1 from breach_events where breach_id = ${b.id} and type = 'regime_decisions_recorded'`).toHaveLength(0);
    await h.sql`update breaches set closed_at = now(), status = 'closed' where id = ${b.id}`;
    expect(await recordRegimeDecisions(h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:D3', decide: () => decideNo }))
      .toMatchObject({ ok: false, why: 'closed' });
  });

  it('a stream stopped by "no" starts again on "yes": cancelled rows are pending again, a posted one stays posted, no row twice', async () => {
    const b = await breach('V-again');
    const due = now.plus({ hours: 20 });
    await recordRegimeDecisions(h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:Y0', decide: () => decideYes(due) });
    await h.sql`update reminders set status = 'posted', posted_at = now() where breach_id = ${b.id} and key = ${`${EW}/countdown-1h`}`;
    await recordRegimeDecisions(h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:N1', decide: () => decideNo });
    expect(await rows(b.id)).toEqual([`${EW}/countdown-1h:posted`, `${EW}/deadline:cancelled`]);
    const yes = await recordRegimeDecisions(h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:Y1', decide: () => decideYes(due) });
    expect(yes).toMatchObject({ ok: true, scheduled: [`${EW}/countdown-1h`, `${EW}/deadline`] });
    expect(await rows(b.id)).toEqual([`${EW}/countdown-1h:posted`, `${EW}/deadline:pending`]);
  });
});
