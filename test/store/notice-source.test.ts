import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { assess } from '../../src/domain/assessment/index.js';
import { noticeFactsFrom } from '../../src/domain/notices/from-breach.js';
import { recordAssessment } from '../../src/store/assessments.js';
import { declareBreach } from '../../src/store/breaches.js';
import { recordDecision } from '../../src/store/decisions.js';
import { loadNoticeSource } from '../../src/store/notice-source.js';
import { answers } from '../domain/assessment/fixtures.js';
import { describeEachDatabase } from '../support/databases.js';

const T0 = DateTime.fromISO('2026-11-20T09:00:00Z', { zone: 'utc' });
const HIGH = answers({ dataTypes: ['health'], subjectGroups: ['patients'], subjectsCount: 1200, disclosure: 'likely', recipients: 'unknown' });
const LOW = answers({ breachTypes: ['availability'], dataTypes: ['contact'], unavailability: 'temporary', restoredWithinHours: 2, impactOnPeople: 'none' });

describeEachDatabase('what the notices are drafted from', ({ freshDatabase }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = openDb(await freshDatabase());
  });
  afterAll(() => h.close());

  it('states the decision in force with the assessment it was made on, not a later reassessment nobody has decided', async () => {
    const { breach } = await declareBreach(h.db, {
      title: 'Patient list e-mailed to a wrong address', description: 'A spreadsheet went to an outside address.', codename: null,
      awareAt: T0.minus({ hours: 1 }).toJSDate(), startedAt: null, discovery: null, role: 'controller', processorHours: null, systems: null,
      ongoing: 'no', responderIds: [], deadlineAt: T0.plus({ hours: 71 }).toJSDate(),
      facts: { incidentCategory: 'mis_sent', reporterFunction: 'Head of records' },
    }, { reporterId: 'U0REP', submissionKey: randomUUID(), replyUrl: null, now: T0.toJSDate() });
    const submit = (a: typeof HIGH) =>
      recordAssessment(h.db, { breachId: breach.id, answers: a, result: assess(a), createdBy: 'U0RESP', submissionKey: randomUUID(), now: T0.toJSDate() });

    const v1 = await submit(HIGH);
    expect(await recordDecision(h.db, { assessmentId: v1.assessment.id, kind: 'accepted', decidedBy: 'U0DPO', now: T0 })).toMatchObject({ ok: true });
    await submit(LOW); // v2 proposes "unlikely": not decided yet

    const loaded = (await loadNoticeSource(h.db, breach.id))!;
    expect(loaded.source.assessment?.result.risk).toBe('high');
    const facts = noticeFactsFrom(loaded.source);
    expect(facts.assessment).toMatchObject({ risk: 'high', notifyAuthority: true, communicateToSubjects: 'individual' });
    expect(facts.decision).toEqual({ kind: 'accepted', justification: null });
    // The declaration's share of the template facts is stored with the breach.
    expect(facts.incidentCategory).toBe('mis_sent');
    expect(facts.reporter).toEqual({ name: null, function: 'Head of records' });
  });
});
