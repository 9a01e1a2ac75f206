import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { assess } from '../../src/domain/assessment/index.js';
import { recordAssessment } from '../../src/store/assessments.js';
import { declareBreach, type Declaration } from '../../src/store/breaches.js';
import { recordDecision } from '../../src/store/decisions.js';
import { scheduleReminders } from '../../src/store/reminders.js';
import { answers } from '../domain/assessment/fixtures.js';
import { describeEachDatabase } from '../support/databases.js';

const T0 = DateTime.fromISO('2026-11-20T09:00:00Z', { zone: 'utc' });
const DPO = 'U0DPO';

const declaration = (role: Declaration['role'] = 'controller'): Declaration => ({
  title: 'Patient list e-mailed to a wrong address',
  description: 'A spreadsheet went to an outside address.',
  codename: null,
  awareAt: T0.minus({ hours: 1 }).toJSDate(),
  startedAt: null,
  discovery: null,
  role,
  processorHours: null,
  systems: null,
  ongoing: 'no',
  responderIds: [],
  deadlineAt: T0.plus({ hours: 71 }).toJSDate(),
});

const HIGH = answers({ dataTypes: ['health'], subjectGroups: ['patients'], subjectsCount: 1200, disclosure: 'likely', recipients: 'unknown' });
const LOW = answers({ breachTypes: ['availability'], dataTypes: ['contact'], unavailability: 'temporary', restoredWithinHours: 2, impactOnPeople: 'none' });

describeEachDatabase('assessment and decision store', ({ freshDatabase }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = openDb(await freshDatabase());
  });
  afterAll(() => h.close());

  async function breachWithCountdown(role: Declaration['role'] = 'controller') {
    const { breach } = await declareBreach(h.db, declaration(role), { reporterId: 'U0REP', submissionKey: randomUUID(), replyUrl: null, now: T0.toJSDate() });
    await scheduleReminders(h.db, breach.id, [{ key: 'countdown-24h', kind: 'countdown', dueAt: T0.plus({ hours: 47 }) }], 'authority_countdown');
    return breach.id;
  }
  const submit = (breachId: string, a = HIGH, key: string = randomUUID(), at = T0) =>
    recordAssessment(h.db, { breachId, answers: a, result: assess(a), createdBy: 'U0RESP', submissionKey: key, now: at.toJSDate() });
  const rows = (breachId: string) => h.sql`select stream, key, status from reminders where breach_id = ${breachId} order by stream, key`;

  it('keeps every version, and stores one version for one submission delivered twice', async () => {
    const id = await breachWithCountdown();
    const first = await submit(id, HIGH, 'view:V1');
    const again = await submit(id, HIGH, 'view:V1');
    expect(again).toEqual({ assessment: first.assessment, created: false });
    const [second, third] = await Promise.all([submit(id, LOW), submit(id, LOW)]);
    expect([second.assessment.version, third.assessment.version].sort()).toEqual([2, 3]);
    const events = await h.sql`select data from breach_events where breach_id = ${id} and type = 'assessment_submitted' order by id`;
    expect(events.map((e) => e.data.version)).toEqual([1, expect.any(Number), expect.any(Number)]);
  });

  it('refuses a decision on an outdated version, and writes nothing', async () => {
    const id = await breachWithCountdown();
    const v1 = await submit(id);
    await submit(id, LOW);
    const res = await recordDecision(h.db, { assessmentId: v1.assessment.id, kind: 'accepted', decidedBy: DPO, now: T0 });
    expect(res).toMatchObject({ ok: false, why: 'outdated', latestVersion: 2 });
    expect(await h.sql`select 1 from decisions where breach_id = ${id}`).toHaveLength(0);
  });

  it('stops, resumes and restarts reminder streams as decisions change, never reusing a key', async () => {
    const id = await breachWithCountdown();
    const { assessment } = await submit(id);
    const quiet = { notifyAuthority: false, communicateToSubjects: 'no' as const };
    const decide = (kind: 'accepted' | 'overridden', minutes: number, outcome?: typeof quiet | { notifyAuthority: boolean; communicateToSubjects: 'individual' }) =>
      recordDecision(h.db, { assessmentId: assessment.id, kind, decidedBy: DPO, now: T0.plus({ minutes }), ...(outcome ? { outcome, justification: 'Checked with the recipient in writing.' } : {}) });

    expect(await decide('accepted', 1)).toMatchObject({ ok: true, reminders: { authorityCountdown: null, subjectsDaily: 'start' } });
    expect(await rows(id)).toEqual([
      { stream: 'authority_countdown', key: 'countdown-24h', status: 'pending' },
      { stream: 'subjects_daily', key: 'subjects-1', status: 'pending' },
    ]);
    expect(await decide('overridden', 2, quiet)).toMatchObject({ ok: true, breach: { status: 'no_notification' } });
    expect((await rows(id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(await decide('accepted', 3)).toMatchObject({ ok: true, reminders: { authorityCountdown: 'resume', subjectsDaily: 'start' } });
    expect(await rows(id)).toEqual([
      { stream: 'authority_countdown', key: 'countdown-24h', status: 'pending' },
      { stream: 'subjects_daily', key: 'subjects-1', status: 'cancelled' },
      { stream: 'subjects_daily', key: 'subjects-2', status: 'pending' },
    ]);
    const [due] = await h.sql`select due_at from reminders where breach_id = ${id} and key = 'subjects-2'`;
    expect(new Date(due!.due_at).toISOString()).toBe(T0.plus({ minutes: 3, hours: 24 }).toISO());
    const types = await h.sql`select type from breach_events where breach_id = ${id} and type like 'reminders_%' order by id`;
    expect(types.map((r) => r.type)).toEqual(['reminders_cancelled', 'reminders_cancelled', 'reminders_resumed']);
  });

  it("never stops a processor's countdown to tell the controller", async () => {
    const id = await breachWithCountdown('processor');
    const a = { ...LOW, role: 'processor' as const, measuresRemoveHighRisk: false, individualContactDisproportionate: false };
    const { assessment } = await submit(id, a);
    expect(await recordDecision(h.db, { assessmentId: assessment.id, kind: 'accepted', decidedBy: DPO, now: T0 })).toMatchObject({
      ok: true,
      breach: { status: 'notify' },
    });
    expect(await rows(id)).toEqual([{ stream: 'authority_countdown', key: 'countdown-24h', status: 'pending' }]);
  });
});
