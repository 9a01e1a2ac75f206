import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { assessments, breachEvents, breaches } from '../db/schema.js';
import type { AssessmentAnswers, AssessmentResult } from '../domain/assessment/index.js';
import type { StoredAssessment } from '../domain/assessment/stored.js';
import { isUuid } from '../domain/uuid.js';
import { eventOfSubmission } from './breach-lock.js';
import { appendEvent } from './events.js';
import type { DbExecutor } from './reminders.js';
import type { Assert, Same } from './same-shape.js';

/** An assessment row is the domain's StoredAssessment with its answers and result typed (they are jsonb here). */
type AssessmentRowIsTheEntity = Assert<
  Same<Omit<typeof assessments.$inferSelect, 'answers' | 'result'>, Omit<StoredAssessment, 'answers' | 'result'>>
>;

const typed = (row: typeof assessments.$inferSelect): StoredAssessment => row as StoredAssessment;

export class BreachNotAssessable extends Error {
  constructor(readonly why: 'not_found' | 'closed') {
    super(why === 'closed' ? 'The breach is closed.' : 'The breach does not exist.');
  }
}

export interface NewAssessment {
  breachId: string;
  answers: AssessmentAnswers;
  result: AssessmentResult;
  createdBy: string;
  /** The modal's view id: the same submission delivered twice stores one version. */
  submissionKey: string;
  now: Date;
}

/**
 * Stores a new version (the previous + 1) with its answers and result, and its event row, in one
 * transaction. The breach row is locked first (the order every writer here uses), so two
 * submissions at once get consecutive versions.
 */
export async function recordAssessment(db: Db, a: NewAssessment): Promise<{ assessment: StoredAssessment; created: boolean }> {
  return db.transaction(async (tx) => {
    const [breach] = await tx.select().from(breaches).where(eq(breaches.id, a.breachId)).for('no key update');
    if (!breach) throw new BreachNotAssessable('not_found');
    if (breach.closedAt) throw new BreachNotAssessable('closed');
    const seen = await eventOfSubmission(tx, 'assessment_submitted', a.submissionKey);
    if (seen) {
      const id = (seen as { assessmentId: string }).assessmentId;
      return { assessment: (await getAssessment(tx, id))!, created: false };
    }
    const previous = await latestAssessment(tx, a.breachId);
    const version = (previous?.version ?? 0) + 1;
    const [row] = await tx
      .insert(assessments)
      .values({ breachId: a.breachId, version, answers: a.answers, result: a.result, createdBy: a.createdBy, createdAt: a.now })
      .returning();
    const r = a.result;
    await appendEvent(tx, {
      breachId: a.breachId,
      actor: a.createdBy,
      type: 'assessment_submitted',
      data: {
        assessmentId: row!.id,
        version,
        submission: a.submissionKey,
        before: previous ? { version: previous.version, ...summary(previous.result) } : null,
        after: summary(r),
      },
      at: a.now,
    });
    return { assessment: typed(row!), created: true };
  });
}

/** What an event row records of a result: enough to read the audit trail without the assessment. */
function summary(r: AssessmentResult) {
  return {
    severity: r.severity.level,
    score: r.severity.score,
    risk: r.risk,
    notifyAuthority: r.notifyAuthority,
    notifyController: r.notifyController,
    communicateToSubjects: r.communicateToSubjects,
    exemption: r.exemption,
  };
}

export async function getAssessment(db: Pick<DbExecutor, 'select'>, id: string): Promise<StoredAssessment | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(assessments).where(eq(assessments.id, id));
  return row && typed(row);
}

export async function latestAssessment(db: Pick<DbExecutor, 'select'>, breachId: string): Promise<StoredAssessment | undefined> {
  const [row] = await db.select().from(assessments).where(eq(assessments.breachId, breachId)).orderBy(desc(assessments.version)).limit(1);
  return row && typed(row);
}

