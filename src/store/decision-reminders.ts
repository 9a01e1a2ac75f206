import { and, eq, gt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { reminders } from '../db/schema.js';
import type { ReminderChanges } from '../domain/decision.js';
import { DEFAULT_REMINDER_SCHEDULE, nextOverdueReminder, nextSubjectReminder } from '../domain/reminder-plan.js';
import { appendEvent } from './events.js';
import { cancelStream, scheduleReminders, type DbExecutor } from './reminders.js';

/*
 * What a decision does to the breach's reminder rows (product.md flow 4). Written in the decision's
 * transaction; the scheduler that posts them reads the rows and knows nothing of decisions.
 */

export interface DecisionReminderContext {
  breachId: string;
  deadlineAt: Date;
  actor: string;
  now: DateTime;
}

export async function applyReminderChanges(tx: DbExecutor, c: DecisionReminderContext, changes: ReminderChanges): Promise<void> {
  const opts = { actor: c.actor, at: c.now };
  if (changes.authorityCountdown === 'stop') {
    await cancelStream(tx, c.breachId, 'authority_countdown', { ...opts, reason: 'no_notification_needed' });
  } else if (changes.authorityCountdown === 'resume') {
    await resumeCountdown(tx, c);
  }
  if (changes.subjectsDaily === 'start') await startSubjectReminders(tx, c);
  else if (changes.subjectsDaily === 'stop') await cancelStream(tx, c.breachId, 'subjects_daily', { ...opts, reason: 'not_required' });
}

/**
 * The first daily reminder to tell the people affected, a day after the decision. Keys are never
 * reused (a stream stopped and started again keeps its old rows), so the new chain continues the
 * numbering: `nextSubjectReminder` from a start set back by the indexes already used.
 */
async function startSubjectReminders(tx: DbExecutor, c: DecisionReminderContext): Promise<void> {
  const used = await usedIndexes(tx, c.breachId, 'subjects_daily');
  const next = nextSubjectReminder({ decidedAt: c.now.minus({ hours: 24 * used }), after: c.now });
  await scheduleReminders(tx, c.breachId, [{ key: next.key, kind: 'subjects', dueAt: next.dueAt }], 'subjects_daily');
}

async function usedIndexes(tx: DbExecutor, breachId: string, stream: string): Promise<number> {
  const rows = await tx
    .select({ key: reminders.key })
    .from(reminders)
    .where(and(eq(reminders.breachId, breachId), eq(reminders.stream, stream)));
  return Math.max(0, ...rows.map((r) => Number(/-(\d+)$/.exec(r.key)?.[1] ?? 0)));
}

/**
 * A decision to notify after one that said no notification was needed: the countdown reminders
 * still ahead come back, and past the deadline the overdue chain starts again (default cadence).
 */
async function resumeCountdown(tx: DbExecutor, c: DecisionReminderContext): Promise<void> {
  const back = await tx
    .update(reminders)
    .set({ status: 'pending', claimedBy: null, claimedAt: null, retryAt: null })
    .where(
      and(
        eq(reminders.breachId, c.breachId),
        eq(reminders.stream, 'authority_countdown'),
        eq(reminders.status, 'cancelled'),
        gt(reminders.dueAt, c.now.toJSDate()),
      ),
    )
    .returning({ key: reminders.key });
  const keys = back.map((r) => r.key);
  if (c.deadlineAt.getTime() <= c.now.toMillis()) {
    const [{ pending } = { pending: 0 }] = await tx
      .select({ pending: sql<number>`count(*)::int` })
      .from(reminders)
      .where(and(eq(reminders.breachId, c.breachId), eq(reminders.stream, 'authority_countdown'), eq(reminders.status, 'pending')));
    if (pending === 0) {
      const overdue = nextOverdueReminder({ deadline: DateTime.fromJSDate(c.deadlineAt, { zone: 'utc' }), schedule: DEFAULT_REMINDER_SCHEDULE, after: c.now });
      if (await scheduleReminders(tx, c.breachId, [overdue], 'authority_countdown')) keys.push(overdue.key);
    }
  }
  if (keys.length > 0) {
    await appendEvent(tx, {
      breachId: c.breachId,
      actor: c.actor,
      type: 'reminders_resumed',
      data: { stream: 'authority_countdown', keys: keys.sort(), reason: 'notification_decided' },
      at: c.now.toJSDate(),
    });
  }
}
