import { and, asc, desc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { assessments, breaches, decisions, noticeDrafts, notifications, subjectRestrictions } from '../db/schema.js';
import type { Role } from '../domain/deadline.js';
import type { ReminderState } from '../domain/reminder-status.js';

const dt = (d: Date | null | undefined) => (d ? DateTime.fromJSDate(d, { zone: 'utc' }) : null);

/**
 * A breach's state as the reminder rules see it (reminder-status.ts), read in one go from the
 * tables each flow writes: assessments, decisions, drafts, notifications, restrictions.
 */
export async function loadReminderState(db: Db, breachId: string): Promise<ReminderState | null> {
  const [breach] = await db.select().from(breaches).where(eq(breaches.id, breachId));
  if (!breach) return null;
  const [assessment] = await db.select({ at: assessments.createdAt }).from(assessments).where(eq(assessments.breachId, breachId)).orderBy(desc(assessments.version)).limit(1);
  const [decision] = await db.select().from(decisions).where(eq(decisions.breachId, breachId)).orderBy(desc(decisions.decidedAt)).limit(1);
  const [draft] = await db.select({ at: noticeDrafts.createdAt }).from(noticeDrafts).where(eq(noticeDrafts.breachId, breachId)).orderBy(desc(noticeDrafts.createdAt)).limit(1);
  const [restriction] = await db.select({ at: subjectRestrictions.recordedAt }).from(subjectRestrictions).where(eq(subjectRestrictions.breachId, breachId)).limit(1);
  const role = breach.role as Role;
  const owed = role === 'processor' ? 'controller' : 'authority';
  const sent = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.breachId, breachId), eq(notifications.target, owed)))
    .orderBy(asc(notifications.submittedAt));
  const [told] = await db
    .select({ at: notifications.submittedAt })
    .from(notifications)
    .where(and(eq(notifications.breachId, breachId), eq(notifications.target, 'subjects')))
    .orderBy(asc(notifications.submittedAt))
    .limit(1);
  const last = sent.at(-1);
  return {
    role,
    assessedAt: dt(assessment?.at),
    dpoDecision: decision
      ? decision.notifyAuthority
        ? { outcome: 'notify', decidedAt: dt(decision.decidedAt)! }
        : { outcome: 'no_notification', decidedAt: dt(decision.decidedAt)!, reason: decision.justification ?? 'the assessment found no risk' }
      : null,
    draftedAt: dt(draft?.at),
    notifiedAt: dt(sent[0]?.submittedAt),
    // Phased (Art. 33(4)): the latest notification is still an initial one.
    phasedSupplementPending: last?.completeness === 'initial',
    subjectsMustBeTold: Boolean(decision && decision.communicateToSubjects !== 'no'),
    subjectsCommunicatedAt: dt(told?.at),
    subjectsRestrictionRecordedAt: dt(restriction?.at),
    closedAt: dt(breach.closedAt),
  };
}
