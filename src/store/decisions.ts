import { desc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { assessments, breaches, decisions } from '../db/schema.js';
import type { Role } from '../domain/deadline.js';
import {
  proposedOutcome,
  reminderChanges,
  sameOutcome,
  statusAfterDecision,
  type Decision,
  type DecisionKind,
  type DecisionOutcome,
  type ReminderChanges,
  type RiskSummary,
} from '../domain/decision.js';
import { getAssessment, latestAssessment } from './assessments.js';
import { applyReminderChanges } from './decision-reminders.js';
import { eventOfSubmission } from './breach-lock.js';
import { appendEvent } from './events.js';
import type { DbExecutor } from './reminders.js';
import type { Assert, Same } from './same-shape.js';
import type { StoredAssessment } from '../domain/assessment/stored.js';
import type { Breach } from '../domain/breach/entity.js';

/** A decision row is the domain's Decision, with `communicateToSubjects` narrowed from text to Communication. */
type DecisionRowIsTheEntity = Assert<
  Same<Omit<typeof decisions.$inferSelect, 'communicateToSubjects'>, Omit<Decision, 'communicateToSubjects'>>
>;

export const outcomeOf = (d: Pick<Decision, 'notifyAuthority' | 'communicateToSubjects'>): DecisionOutcome => ({
  notifyAuthority: d.notifyAuthority,
  communicateToSubjects: d.communicateToSubjects,
});

/** The breach's current decision: the latest one. */
export async function currentDecision(db: Pick<DbExecutor, 'select'>, breachId: string): Promise<Decision | undefined> {
  const [row] = await db.select().from(decisions).where(eq(decisions.breachId, breachId)).orderBy(desc(decisions.decidedAt)).limit(1);
  return row as Decision | undefined;
}

export interface NewDecision {
  assessmentId: string;
  kind: DecisionKind;
  /** For an override; an acceptance records what the assessment proposes. */
  outcome?: DecisionOutcome;
  justification?: string;
  decidedBy: string;
  now: DateTime;
  /** The request key of the submission (the override modal's view id): a replay records nothing. */
  submission?: string;
}

export type DecisionRefusal =
  | { ok: false; why: 'not_found' }
  | { ok: false; why: 'duplicate' }
  | { ok: false; why: 'closed'; breach: Breach }
  | { ok: false; why: 'outdated'; assessment: StoredAssessment; latestVersion: number }
  | { ok: false; why: 'unchanged'; decision: Decision; assessment: StoredAssessment };

export interface DecisionRecorded {
  ok: true;
  decision: Decision;
  before: Decision | null;
  assessment: StoredAssessment;
  /** The breach after the decision. */
  breach: Breach;
  statusBefore: string;
  reminders: ReminderChanges;
}

/**
 * Records an acceptance or override of an assessment: the decision row, the breach's new status,
 * the reminder streams it stops or starts, and the event row with before and after, in one
 * transaction under the breach's lock. Refused, with nothing written, when the breach is closed,
 * a newer assessment exists, or the same acceptance is already the current decision.
 */
export async function recordDecision(db: Db, d: NewDecision): Promise<DecisionRecorded | DecisionRefusal> {
  return db.transaction(async (tx) => {
    const assessment = await getAssessment(tx, d.assessmentId);
    if (!assessment) return { ok: false, why: 'not_found' } as const;
    const [breach] = await tx.select().from(breaches).where(eq(breaches.id, assessment.breachId)).for('no key update');
    if (!breach) return { ok: false, why: 'not_found' } as const;
    const type = d.kind === 'accepted' ? 'decision_accepted' : 'decision_overridden';
    if (d.submission && (await eventOfSubmission(tx, type, d.submission))) return { ok: false, why: 'duplicate' } as const;
    if (breach.closedAt) return { ok: false, why: 'closed', breach } as const;
    const latest = await latestAssessment(tx, breach.id);
    if (latest && latest.version > assessment.version) return { ok: false, why: 'outdated', assessment, latestVersion: latest.version } as const;

    const before = (await currentDecision(tx, breach.id)) ?? null;
    const outcome = d.kind === 'accepted' || !d.outcome ? proposedOutcome(assessment.result) : d.outcome;
    if (d.kind === 'accepted' && before?.kind === 'accepted' && before.assessmentId === assessment.id && sameOutcome(outcomeOf(before), outcome)) {
      return { ok: false, why: 'unchanged', decision: before, assessment } as const;
    }
    // Decisions are ordered by time: keep them strictly increasing even when two land in one millisecond.
    const decidedAt = before && before.decidedAt.getTime() >= d.now.toMillis() ? new Date(before.decidedAt.getTime() + 1) : d.now.toJSDate();
    const [row] = await tx
      .insert(decisions)
      .values({
        breachId: breach.id,
        assessmentId: assessment.id,
        kind: d.kind,
        ...outcome,
        justification: d.justification ?? null,
        decidedBy: d.decidedBy,
        decidedAt,
      })
      .returning();
    const role = breach.role as Role;
    const status = statusAfterDecision(role, breach.status, outcome);
    const [after] = await tx.update(breaches).set({ status, updatedAt: decidedAt }).where(eq(breaches.id, breach.id)).returning();
    const changes = reminderChanges(role, breach.status, before && outcomeOf(before), outcome);
    const at = DateTime.fromJSDate(decidedAt, { zone: 'utc' });
    await applyReminderChanges(tx, { breachId: breach.id, deadlineAt: breach.deadlineAt, actor: d.decidedBy, now: at }, changes);
    await appendEvent(tx, {
      breachId: breach.id,
      actor: d.decidedBy,
      type,
      data: {
        ...(d.submission ? { submission: d.submission } : {}),
        decisionId: row!.id,
        assessmentId: assessment.id,
        version: assessment.version,
        proposed: proposedOutcome(assessment.result),
        ...(d.justification ? { justification: d.justification } : {}),
        before: { status: breach.status, decision: before && { kind: before.kind, ...outcomeOf(before), decidedBy: before.decidedBy } },
        after: { status, decision: { kind: d.kind, ...outcome } },
        reminders: changes,
      },
      at: decidedAt,
    });
    return { ok: true, decision: row as Decision, before, assessment, breach: after!, statusBefore: breach.status, reminders: changes } as const;
  });
}

export async function riskSummary(db: Pick<DbExecutor, 'select'>, breachId: string): Promise<RiskSummary | null> {
  const latest = await latestAssessment(db, breachId);
  if (!latest) return null;
  const decision = await currentDecision(db, breachId);
  if (!decision) return { latest, decision: null };
  const [decided] = decision.assessmentId
    ? await db.select({ version: assessments.version }).from(assessments).where(eq(assessments.id, decision.assessmentId))
    : [];
  return { latest, decision: { ...decision, version: decided?.version ?? 0 } };
}
