import { asc, desc, eq } from 'drizzle-orm';
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
  // One round trip's wait, not seven: a storm of due reminders reads this for each of them.
  const [[breach], [assessment], [decision], [draft], [restriction], allSent] = await Promise.all([
    db.select().from(breaches).where(eq(breaches.id, breachId)),
    db.select({ at: assessments.createdAt }).from(assessments).where(eq(assessments.breachId, breachId)).orderBy(desc(assessments.version)).limit(1),
    db.select().from(decisions).where(eq(decisions.breachId, breachId)).orderBy(desc(decisions.decidedAt)).limit(1),
    db.select({ at: noticeDrafts.createdAt }).from(noticeDrafts).where(eq(noticeDrafts.breachId, breachId)).orderBy(desc(noticeDrafts.createdAt)).limit(1),
    db.select({ at: subjectRestrictions.recordedAt }).from(subjectRestrictions).where(eq(subjectRestrictions.breachId, breachId)).limit(1),
    db
      .select({ target: notifications.target, submittedAt: notifications.submittedAt, completeness: notifications.completeness })
      .from(notifications)
      .where(eq(notifications.breachId, breachId))
      .orderBy(asc(notifications.submittedAt)),
  ]);
  if (!breach) return null;
  const role = breach.role as Role;
  const owed = role === 'processor' ? 'controller' : 'authority';
  const sent = allSent.filter((n) => n.target === owed);
  const toldAt = allSent.find((n) => n.target === 'subjects')?.submittedAt;
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
    subjectsCommunicatedAt: dt(toldAt),
    subjectsRestrictionRecordedAt: dt(restriction?.at),
    closedAt: dt(breach.closedAt),
  };
}
