import { and, asc, desc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { breaches, notifications, reminders, subjectRestrictions } from '../db/schema.js';
import { owedTarget } from '../domain/notices/from-breach.js';
import { nextPhasedFollowUp, PHASED_FOLLOW_UP_EVERY_HOURS } from '../domain/reminder-plan.js';
import { isLate, type CommunicationValue, type NotificationValue } from '../domain/notification-form.js';
import type { NotificationRow, RestrictionRow } from '../domain/notification-record.js';
import type { ReminderStream } from '../domain/reminder-status.js';
import { eventOfSubmission, withOpenBreach, type LockRefusal } from './breach-lock.js';
import type { Tx } from './breaches.js';
import { appendEvent } from './events.js';
import { cancelStream, scheduleReminders, type DbExecutor } from './reminders.js';
import type { Assert, Same } from './same-shape.js';
import type { Breach } from '../domain/breach/entity.js';

/*
 * Recorded notifications (to Datatilsynet, or a processor's to the controller), communications to
 * the people affected, and § 22 restrictions (flow 6). Each recording is one transaction under the
 * breach's lock: the row, the breach's status, the reminder streams it stops or starts, and the
 * event row with before and after. A modal submission delivered twice records once.
 */

/** The rows are the domain's records, field for field: these stop the build when they drift. */
type NotificationRowIsTheEntity = Assert<Same<typeof notifications.$inferSelect, NotificationRow>>;
type RestrictionRowIsTheEntity = Assert<Same<typeof subjectRestrictions.$inferSelect, RestrictionRow>>;

export async function listNotifications(db: Pick<DbExecutor, 'select'>, breachId: string): Promise<NotificationRow[]> {
  return db.select().from(notifications).where(eq(notifications.breachId, breachId)).orderBy(asc(notifications.submittedAt), asc(notifications.recordedAt));
}

export async function latestRestriction(db: Pick<DbExecutor, 'select'>, breachId: string): Promise<RestrictionRow | null> {
  const [row] = await db.select().from(subjectRestrictions).where(eq(subjectRestrictions.breachId, breachId)).orderBy(desc(subjectRestrictions.recordedAt)).limit(1);
  return row ?? null;
}

export interface Recording {
  breachId: string;
  actor: string;
  now: DateTime;
  /** The modal's view id: the same submission delivered twice records once. */
  submission: string;
}

export interface Recorded<R> {
  ok: true;
  /** The breach after the recording. */
  breach: Breach;
  row: R;
  /** This submission had been recorded already (a double click, a re-delivery): nothing new was written. */
  duplicate: boolean;
  /** Reminder keys stopped and started. */
  cancelled: string[];
  scheduled: string[];
}

export type NotRecorded = LockRefusal | { ok: false; why: 'no_earlier'; breach: Breach };

const EVENTS = { notification: 'notification_recorded', communication: 'communication_recorded', restriction: 'restriction_recorded' } as const;

/** An earlier delivery of the same submission: answer with what it recorded. */
async function earlierDelivery<R extends { id: string }>(
  tx: Tx,
  breach: Breach,
  type: string,
  submission: string,
  table: typeof notifications | typeof subjectRestrictions,
): Promise<Recorded<R> | null> {
  const seen = await eventOfSubmission(tx, type, submission);
  if (!seen) return null;
  const [row] = await tx.select().from(table).where(eq(table.id, String(seen['rowId'])));
  return { ok: true, breach, row: row as unknown as R, duplicate: true, cancelled: [], scheduled: [] };
}

export async function recordNotification(db: Db, r: Recording & { value: NotificationValue }): Promise<Recorded<NotificationRow> | NotRecorded> {
  return withOpenBreach(db, r.breachId, async (tx, breach) => {
    const again = await earlierDelivery<NotificationRow>(tx, breach, EVENTS.notification, r.submission, notifications);
    if (again) return again;
    const target = owedTarget(breach.role);
    const earlier = (await listNotifications(tx, breach.id)).filter((n) => n.target === target);
    // Checked again under the lock: the form's check may have raced another recording.
    if (r.value.completeness === 'supplement' && earlier.length === 0) return { ok: false, why: 'no_earlier', breach } as const;
    const v = r.value;
    const [row] = await tx
      .insert(notifications)
      .values({
        breachId: breach.id,
        target,
        submittedAt: v.submittedAt.toJSDate(),
        method: v.method,
        externalReference: v.reference,
        completeness: v.completeness,
        notes: v.notes,
        recordedBy: r.actor,
        recordedAt: r.now.toJSDate(),
      })
      .returning();
    const status = 'notified';
    const [after] = await tx.update(breaches).set({ status, updatedAt: r.now.toJSDate() }).where(eq(breaches.id, breach.id)).returning();
    const opts = { actor: r.actor, at: r.now };
    const cancelled = await cancelStream(tx, breach.id, 'authority_countdown', { ...opts, reason: 'notified' });
    const scheduled: string[] = [];
    if (v.completeness === 'initial') {
      scheduled.push(...(await startPhasedFollowUp(tx, breach.id, v.submittedAt, r.now)));
    } else {
      cancelled.push(...(await cancelStream(tx, breach.id, 'phased_follow_up', { ...opts, reason: 'supplement_recorded' })));
    }
    const late = isLate(row!.submittedAt, breach.deadlineAt);
    await appendEvent(tx, {
      breachId: breach.id,
      actor: r.actor,
      type: EVENTS.notification,
      data: {
        submission: r.submission,
        rowId: row!.id,
        target,
        submittedAt: row!.submittedAt.toISOString(),
        method: v.method,
        reference: v.reference,
        completeness: v.completeness,
        ...(v.notes ? { notes: v.notes } : {}),
        late,
        before: { status: breach.status, notifications: earlier.length },
        after: { status, notifications: earlier.length + 1 },
        reminders: { cancelled, scheduled },
      },
      at: r.now.toJSDate(),
    });
    return { ok: true, breach: after!, row: row!, duplicate: false, cancelled, scheduled } as const;
  });
}

export async function recordCommunication(db: Db, r: Recording & { value: CommunicationValue }): Promise<Recorded<NotificationRow> | NotRecorded> {
  return withOpenBreach(db, r.breachId, async (tx, breach) => {
    const again = await earlierDelivery<NotificationRow>(tx, breach, EVENTS.communication, r.submission, notifications);
    if (again) return again;
    const v = r.value;
    const before = (await listNotifications(tx, breach.id)).filter((n) => n.target === 'subjects').length;
    const [row] = await tx
      .insert(notifications)
      .values({
        breachId: breach.id,
        target: 'subjects',
        submittedAt: v.submittedAt.toJSDate(),
        method: v.method,
        subjectsCount: v.count,
        isPublic: v.isPublic,
        notes: v.notes,
        recordedBy: r.actor,
        recordedAt: r.now.toJSDate(),
      })
      .returning();
    const cancelled = await stopSubjectReminders(tx, r, 'communicated', EVENTS.communication, {
      rowId: row!.id,
      submittedAt: row!.submittedAt.toISOString(),
      method: v.method,
      isPublic: v.isPublic,
      count: v.count,
      ...(v.notes ? { notes: v.notes } : {}),
      before: { communications: before },
      after: { communications: before + 1 },
    });
    return { ok: true, breach, row: row!, duplicate: false, cancelled, scheduled: [] } as const;
  });
}

export async function recordRestriction(db: Db, r: Recording & { justification: string }): Promise<Recorded<RestrictionRow> | NotRecorded> {
  return withOpenBreach(db, r.breachId, async (tx, breach) => {
    const again = await earlierDelivery<RestrictionRow>(tx, breach, EVENTS.restriction, r.submission, subjectRestrictions);
    if (again) return again;
    const previous = await latestRestriction(tx, breach.id);
    const [row] = await tx
      .insert(subjectRestrictions)
      .values({ breachId: breach.id, justification: r.justification, recordedBy: r.actor, recordedAt: r.now.toJSDate() })
      .returning();
    const cancelled = await stopSubjectReminders(tx, r, 'restricted', EVENTS.restriction, {
      rowId: row!.id,
      justification: r.justification,
      before: previous ? { justification: previous.justification, recordedBy: previous.recordedBy } : null,
      after: { justification: r.justification },
    });
    return { ok: true, breach, row: row!, duplicate: false, cancelled, scheduled: [] } as const;
  });
}

/**
 * The people are told, or a restriction says they are not for now: the daily reminder to tell them
 * stops, and the recording's event row says which reminders it stopped.
 */
async function stopSubjectReminders(tx: Tx, r: Recording, reason: string, type: string, data: Record<string, unknown>): Promise<string[]> {
  const cancelled = await cancelStream(tx, r.breachId, 'subjects_daily', { actor: r.actor, at: r.now, reason });
  await appendEvent(tx, { breachId: r.breachId, actor: r.actor, type, data: { submission: r.submission, ...data, reminders: { cancelled } }, at: r.now.toJSDate() });
  return cancelled;
}

/**
 * The first follow-up reminder of a phased notification (Art. 33(4)), counted from its submission.
 * Keys are never reused (a stream stopped and started again keeps its old rows), so a second
 * initial notification continues the numbering; one still pending is left to run.
 */
async function startPhasedFollowUp(tx: Tx, breachId: string, submittedAt: DateTime, now: DateTime): Promise<string[]> {
  const stream: ReminderStream = 'phased_follow_up';
  const rows = await tx.select({ key: reminders.key, status: reminders.status }).from(reminders).where(and(eq(reminders.breachId, breachId), eq(reminders.stream, stream)));
  if (rows.some((row) => row.status === 'pending' || row.status === 'claimed')) return [];
  const used = Math.max(0, ...rows.map((row) => Number(/-(\d+)$/.exec(row.key)?.[1] ?? 0)));
  const next = nextPhasedFollowUp({ notifiedAt: submittedAt.minus({ hours: used * PHASED_FOLLOW_UP_EVERY_HOURS }), after: now });
  await scheduleReminders(tx, breachId, [{ key: next.key, kind: 'phased', dueAt: next.dueAt }], stream);
  return [next.key];
}
