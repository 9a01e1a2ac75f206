import { DateTime, Duration } from 'luxon';
import { AUTHORITY_HOURS } from './regimes/gdpr-dk/index.js';
import { DEFAULT_PROCESSOR_HOURS } from './regimes/types.js';

/** Our role in the processing that was breached (Art. 4(7), 4(8), 26 GDPR). */
export const ROLES = ['controller', 'processor', 'joint_controller'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Art. 33(1): the controller notifies the authority within 72 hours of becoming aware. Defined once,
 * in the GDPR-DK regime profile (src/domain/regimes/gdpr-dk); read here until the card and the
 * reminders take every clock from the regimes (issue 16).
 */
export const CONTROLLER_DEADLINE_HOURS = AUTHORITY_HOURS;
/** Art. 33(2) says "without undue delay"; the contract sets the hours. 24 h when it does not. */
export { DEFAULT_PROCESSOR_HOURS };
/** Contract hours above a week are almost certainly a typo (days typed as hours, say). */
export const MAX_PROCESSOR_HOURS = 168;
/** Awareness a little in the future is clock skew between the user's device and us, not an error. */
export const CLOCK_SKEW_ALLOWANCE = Duration.fromObject({ minutes: 2 });

export interface DeadlineInput {
  awareAt: DateTime;
  role: Role;
  /** The processor contract's hours to tell the controller; ignored for other roles. */
  processorHours?: number | null | undefined;
}

/** Whole hours, 1 to 168: a contract says "24 hours", never "24.5". */
export function isValidProcessorHours(hours: number): boolean {
  return Number.isInteger(hours) && hours >= 1 && hours <= MAX_PROCESSOR_HOURS;
}

/** Hours from awareness to the deadline. Joint controllers each carry the controller's 72 h. */
export function deadlineHours(role: Role, processorHours?: number | null): number {
  if (role !== 'processor') return CONTROLLER_DEADLINE_HOURS;
  const hours = processorHours ?? DEFAULT_PROCESSOR_HOURS;
  if (!isValidProcessorHours(hours)) {
    throw new RangeError(`processor hours must be a whole number from 1 to ${MAX_PROCESSOR_HOURS}, got ${hours}`);
  }
  return hours;
}

/**
 * The deadline, in UTC. Elapsed hours, not wall-clock: `plus({ hours })` on a UTC DateTime, so
 * weekends and DST changes count as they fall (aware Fri 23 Oct 2026 10:00 Copenhagen, the night
 * with 25 hours, deadline Mon 09:00 local).
 */
export function deadlineFor({ awareAt, role, processorHours }: DeadlineInput): DateTime {
  assertValid(awareAt, 'awareAt');
  return awareAt.toUTC().plus({ hours: deadlineHours(role, processorHours) });
}

/** Time left until the deadline, or how far past it we are. */
export interface TimeLeft {
  /** Strictly after the deadline. At the deadline itself we are not yet late. */
  overdue: boolean;
  /** Whole minutes left (rounded up) or overdue (rounded down): never claims more lateness than real. */
  totalMinutes: number;
  /** `totalMinutes` split: whole hours (may exceed 24) and the 0 to 59 minutes beyond them. */
  hours: number;
  minutes: number;
}

export function timeLeft(deadline: DateTime, now: DateTime): TimeLeft {
  assertValid(deadline, 'deadline');
  assertValid(now, 'now');
  const ms = deadline.toMillis() - now.toMillis();
  // Rounding up the time left means a reminder posted a few seconds after "48 h before" still says
  // 2 d, not 1 d 23 h 59 min. Overdue time rounds down for the same reason in the other direction.
  const totalMinutes = ms > 0 ? Math.ceil(ms / 60_000) : Math.floor(Math.abs(ms) / 60_000); // abs: no -0
  return {
    overdue: ms < 0,
    totalMinutes,
    hours: Math.floor(totalMinutes / 60),
    minutes: totalMinutes % 60,
  };
}

export type { Language } from './language.js';
import type { Language } from './language.js';

/**
 * Plain text for people. English is short for Slack ("2 d 5 h", "45 min", "overdue by 3 h 10 min");
 * Danish is written out for notices ("2 dage og 5 timer", "overskredet med 3 timer og 10 minutter").
 * From one day up the minutes are dropped: nobody plans a day ahead to the minute.
 */
export function formatDuration(left: TimeLeft, language: Language = 'en'): string {
  const days = Math.floor(left.totalMinutes / (24 * 60));
  const hours = Math.floor((left.totalMinutes % (24 * 60)) / 60);
  const minutes = left.totalMinutes % 60;
  const parts = language === 'en' ? englishParts(days, hours, minutes) : danishParts(days, hours, minutes);
  const amount = language === 'en' ? parts.join(' ') : joinDanish(parts);
  if (!left.overdue) return amount;
  const underAMinute = left.totalMinutes === 0;
  if (language === 'en') return underAMinute ? 'overdue by under 1 min' : `overdue by ${amount}`;
  return underAMinute ? 'overskredet med under 1 minut' : `overskredet med ${amount}`;
}

function englishParts(days: number, hours: number, minutes: number): string[] {
  if (days > 0) return [`${days} d`, ...(hours > 0 ? [`${hours} h`] : [])];
  if (hours > 0) return [`${hours} h`, ...(minutes > 0 ? [`${minutes} min`] : [])];
  return [`${minutes} min`];
}

function danishParts(days: number, hours: number, minutes: number): string[] {
  const unit = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const d = unit(days, 'dag', 'dage');
  const h = unit(hours, 'time', 'timer');
  const m = unit(minutes, 'minut', 'minutter');
  if (days > 0) return [d, ...(hours > 0 ? [h] : [])];
  if (hours > 0) return [h, ...(minutes > 0 ? [m] : [])];
  return [m];
}

function joinDanish(parts: string[]): string {
  return parts.length === 2 ? `${parts[0]} og ${parts[1]}` : parts.join('');
}

export type AwarenessError = 'invalid' | 'in_future' | 'started_after_awareness' | 'started_in_future';

export type AwarenessCheck = { ok: true } | { ok: false; error: AwarenessError; message: string };

/**
 * Awareness may be in the past (a breach found on Friday and declared on Monday), never in the
 * future beyond the skew allowance: a future awareness would push the deadline out.
 */
export function checkAwareness(awareAt: DateTime, now: DateTime, skew: Duration = CLOCK_SKEW_ALLOWANCE): AwarenessCheck {
  if (!awareAt.isValid) return { ok: false, error: 'invalid', message: 'That is not a valid date and time.' };
  if (awareAt > now.plus(skew)) {
    return { ok: false, error: 'in_future', message: 'When we became aware cannot be in the future.' };
  }
  return { ok: true };
}

/** The optional "when it started": not in the future, and not after we became aware of it. */
export function checkStartedAt(
  startedAt: DateTime,
  awareAt: DateTime,
  now: DateTime,
  skew: Duration = CLOCK_SKEW_ALLOWANCE,
): AwarenessCheck {
  if (!startedAt.isValid) return { ok: false, error: 'invalid', message: 'That is not a valid date and time.' };
  if (startedAt > now.plus(skew)) {
    return { ok: false, error: 'started_in_future', message: 'When it started cannot be in the future.' };
  }
  if (startedAt > awareAt) {
    return { ok: false, error: 'started_after_awareness', message: 'It cannot have started after we became aware of it.' };
  }
  return { ok: true };
}

function assertValid(dt: DateTime, name: string): void {
  if (!dt.isValid) throw new RangeError(`${name} is not a valid DateTime: ${dt.invalidExplanation ?? dt.invalidReason ?? ''}`);
}
