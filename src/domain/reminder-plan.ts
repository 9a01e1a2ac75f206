import type { DateTime } from 'luxon';
import { z } from 'zod';

/*
 * The reminder plan for one breach. Pure: the scheduler stores each planned reminder as a row keyed
 * by (breach, key) and claims rows when they fall due.
 *
 * Overdue reminders have no end, so they are generated lazily as a chain: the plan holds the first
 * overdue reminder still ahead, and whenever the scheduler posts or skips one it inserts
 * `nextOverdueReminder({ deadline, schedule, after: now })`. At most one overdue row is pending per
 * breach, a duplicate insert is a no-op on the key, and no horizon job has to top rows up. The same
 * chain drives the data-subject and phased follow-up streams (`nextRecurringReminder`).
 */

/** An offset in hours; fractions allowed (1.5 gives key `countdown-1.5h`). A month bounds typos. */
const hours = z.number().positive().max(24 * 30);

export const reminderScheduleSchema = z.object({
  /** Hours before the deadline, largest first: [48, 24, 12, 6, 3, 1]. */
  countdownHours: z
    .array(hours)
    .max(50)
    .refine((xs) => new Set(xs).size === xs.length, { message: 'countdown hours must be unique' })
    .refine((xs) => xs.every((x, i) => i === 0 || x < (xs[i - 1] ?? Infinity)), {
      message: 'countdown hours must be sorted from largest to smallest',
    }),
  /** The "overdue: the notification must now give reasons for the delay" reminder at the deadline. */
  atDeadline: z.boolean().default(true),
  /** Cadence while overdue; at least hourly so an outage cannot turn it into a flood. */
  overdueEveryHours: z.number().min(1).max(24 * 7),
});

export type ReminderSchedule = z.infer<typeof reminderScheduleSchema>;
export type ReminderScheduleInput = z.input<typeof reminderScheduleSchema>;

export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = Object.freeze({
  countdownHours: Object.freeze([48, 24, 12, 6, 3, 1]) as number[],
  atDeadline: true,
  overdueEveryHours: 12,
});

/** Throws a ZodError naming the bad field; use `reminderScheduleSchema.safeParse` for form errors. */
export function parseReminderSchedule(input: unknown): ReminderSchedule {
  return reminderScheduleSchema.parse(input);
}

interface ReminderBase {
  /** Unique within one breach's plan: the database key. */
  key: string;
  dueAt: DateTime;
}
export interface CountdownReminder extends ReminderBase {
  kind: 'countdown';
  hoursBefore: number;
}
export interface DeadlineReminder extends ReminderBase {
  kind: 'deadline';
}
export interface OverdueReminder extends ReminderBase {
  kind: 'overdue';
  /** 1 for the first overdue reminder (deadline + interval), 2 for the next... */
  index: number;
  hoursOverdue: number;
}
export interface CatchUpReminder extends ReminderBase {
  kind: 'catch_up';
  /** Keys of the reminders already in the past when the plan was made, never stored as rows. */
  skippedKeys: string[];
}
export type PlannedReminder = CountdownReminder | DeadlineReminder | OverdueReminder | CatchUpReminder;
export type ReminderKind = PlannedReminder['kind'];

export const CATCH_UP_KEY = 'catch-up';

export interface PlanInput {
  awareAt: DateTime;
  deadline: DateTime;
  schedule?: ReminderSchedule;
  now: DateTime;
}

/**
 * The deadline stream in due order (strictly increasing `dueAt`). Countdown reminders that would fall
 * at or before awareness do not apply (a processor's 24 h deadline has no "48 h left"). Reminders
 * already past at `now` are replaced by one catch-up due now, which says where the clock stands; a
 * reminder due exactly now is folded into it too, so two messages never go out at once. Missed overdue
 * reminders are not listed in `skippedKeys`: they never existed (see the chain above).
 */
export function planReminders({ awareAt, deadline: rawDeadline, schedule = DEFAULT_REMINDER_SCHEDULE, now }: PlanInput): PlannedReminder[] {
  const deadline = rawDeadline.toUTC();
  const fixed: PlannedReminder[] = [];
  for (const hoursBefore of schedule.countdownHours) {
    const dueAt = deadline.minus({ hours: hoursBefore });
    if (dueAt <= awareAt) continue;
    fixed.push({ kind: 'countdown', key: `countdown-${hoursBefore}h`, dueAt, hoursBefore });
  }
  if (schedule.atDeadline) fixed.push({ kind: 'deadline', key: 'deadline', dueAt: deadline });
  fixed.sort((a, b) => a.dueAt.toMillis() - b.dueAt.toMillis());

  const anyMissed = fixed.some((r) => r.dueAt < now) || deadline.plus({ hours: schedule.overdueEveryHours }) < now;
  const folded = anyMissed ? fixed.filter((r) => r.dueAt <= now) : [];
  const ahead = fixed.filter((r) => !folded.includes(r));
  // The first overdue reminder still ahead; when catching up, one due exactly now is also folded.
  const firstOverdue = nextOverdueReminder({ deadline, schedule, after: anyMissed ? now : now.minus({ milliseconds: 1 }) });

  const plan: PlannedReminder[] = [];
  if (anyMissed) {
    plan.push({ kind: 'catch_up', key: CATCH_UP_KEY, dueAt: now.toUTC(), skippedKeys: folded.map((r) => r.key) });
  }
  return [...plan, ...ahead, firstOverdue];
}

/** The first overdue reminder due strictly after `after`; overdue-1 at deadline + interval. */
export function nextOverdueReminder({
  deadline,
  schedule = DEFAULT_REMINDER_SCHEDULE,
  after,
}: {
  deadline: DateTime;
  schedule?: ReminderSchedule;
  after: DateTime;
}): OverdueReminder {
  const step = nextRecurringReminder({ stream: 'overdue', start: deadline, everyHours: schedule.overdueEveryHours, after });
  return { kind: 'overdue', key: step.key, dueAt: step.dueAt, index: step.index, hoursOverdue: step.index * schedule.overdueEveryHours };
}

export interface RecurringReminder {
  key: string;
  dueAt: DateTime;
  index: number;
}

/**
 * Occurrence n (n >= 1) of a reminder every `everyHours` elapsed hours from `start`: the first one due
 * strictly after `after`. Elapsed hours, like the deadline: a daily reminder drifts an hour in local
 * time across a DST change, which nobody minds, and the index (so the key) follows from the time alone.
 */
export function nextRecurringReminder({
  stream,
  start,
  everyHours,
  after,
}: {
  stream: string;
  start: DateTime;
  everyHours: number;
  after: DateTime;
}): RecurringReminder {
  if (!(everyHours > 0) || !Number.isFinite(everyHours)) throw new RangeError(`interval must be positive, got ${everyHours}`);
  const stepMs = everyHours * 3_600_000;
  const elapsed = after.toMillis() - start.toMillis();
  let index = Math.max(1, Math.floor(elapsed / stepMs) + 1);
  // Float division can land one step short or long; settle on the first occurrence after `after`.
  while (index > 1 && start.toMillis() + (index - 1) * stepMs > after.toMillis()) index -= 1;
  while (start.toMillis() + index * stepMs <= after.toMillis()) index += 1;
  return { key: `${stream}-${index}`, dueAt: start.plus({ milliseconds: index * stepMs }).toUTC(), index };
}

/** Data subjects must be told (Art. 34): remind daily from the decision until it is recorded. */
export const SUBJECT_REMINDER_EVERY_HOURS = 24;

export function nextSubjectReminder({
  decidedAt,
  after,
  everyHours = SUBJECT_REMINDER_EVERY_HOURS,
}: {
  decidedAt: DateTime;
  after: DateTime;
  everyHours?: number;
}): RecurringReminder {
  return nextRecurringReminder({ stream: 'subjects', start: decidedAt, everyHours, after });
}

/**
 * A phased notification (Art. 33(4)) owes the rest "without further undue delay". Daily, like the
 * subject reminder: often enough that the supplement is not forgotten once the 72 h pressure is gone,
 * rare enough not to nag a team still investigating. Configurable for organisations that agree a
 * different pace with Datatilsynet.
 */
export const PHASED_FOLLOW_UP_EVERY_HOURS = 24;

export function nextPhasedFollowUp({
  notifiedAt,
  after,
  everyHours = PHASED_FOLLOW_UP_EVERY_HOURS,
}: {
  notifiedAt: DateTime;
  after: DateTime;
  everyHours?: number;
}): RecurringReminder {
  return nextRecurringReminder({ stream: 'phased', start: notifiedAt, everyHours, after });
}

/** Grace before a reminder counts as late: the scheduler polls, so a few seconds' lag is normal. */
export const LATE_AFTER_MS = 5 * 60_000;

export interface Collapsed<T> {
  /** The one reminder to post: the latest due; `late` when it is past the grace period. */
  post: T & { late: boolean; lateByMinutes: number };
  /** The earlier ones that came due while we were down: mark them skipped, post nothing. */
  skippedKeys: string[];
}

/**
 * Reminders of ONE stream that came due while every replica was down collapse into the latest (it
 * carries the freshest time left); the rest are skipped. Reminders not yet due are ignored. Null
 * when nothing is due.
 */
export function collapseMissed<T extends { key: string; dueAt: DateTime }>(
  due: readonly T[],
  now: DateTime,
  lateAfterMs: number = LATE_AFTER_MS,
): Collapsed<T> | null {
  const past = due.filter((r) => r.dueAt <= now);
  // Latest first; ties broken by key so every replica picks the same one.
  const sorted = [...past].sort((a, b) => b.dueAt.toMillis() - a.dueAt.toMillis() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const [latest, ...rest] = sorted;
  if (!latest) return null;
  const lateByMs = now.toMillis() - latest.dueAt.toMillis();
  return {
    post: { ...latest, late: lateByMs > lateAfterMs, lateByMinutes: Math.floor(lateByMs / 60_000) },
    skippedKeys: rest.map((r) => r.key),
  };
}
