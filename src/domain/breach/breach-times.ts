import { DateTime } from 'luxon';
import { CLOCK_SKEW_ALLOWANCE } from '../deadline.js';

/*
 * The times around a breach besides awareness (EDPB template, timeline): when it was detected and
 * when it ended, checked against when it started and against now. One set of rules for the Declare
 * and Update facts modals, each message written for the field it is shown at.
 */

export interface BreachTimes {
  startedAt: DateTime | null;
  detectedAt: DateTime | null;
  endedAt: DateTime | null;
}

export type TimeField = 'detectedAt' | 'endedAt';

export function checkBreachTimes(t: BreachTimes, now: DateTime): Partial<Record<TimeField, string>> {
  const errors: Partial<Record<TimeField, string>> = {};
  const latest = now.plus(CLOCK_SKEW_ALLOWANCE);
  const startedText = t.startedAt ? ` (it started ${t.startedAt.toUTC().toFormat("d LLL yyyy HH:mm 'UTC'")})` : '';
  if (t.detectedAt) {
    if (!t.detectedAt.isValid) errors.detectedAt = 'That is not a valid date and time.';
    else if (t.detectedAt > latest) errors.detectedAt = 'When it was detected cannot be in the future.';
    else if (t.startedAt && t.detectedAt < t.startedAt) errors.detectedAt = `It cannot have been detected before it started${startedText}.`;
  }
  if (t.endedAt) {
    if (!t.endedAt.isValid) errors.endedAt = 'That is not a valid date and time.';
    else if (t.endedAt > latest) errors.endedAt = 'When it ended cannot be in the future: if it is still going on, leave this empty.';
    else if (t.startedAt && t.endedAt < t.startedAt) errors.endedAt = `It cannot have ended before it started${startedText}.`;
  }
  return errors;
}

/** Unix seconds from a datetime picker, as UTC; null when empty. */
export const fromPicker = (seconds: number | null): DateTime | null =>
  seconds === null ? null : DateTime.fromSeconds(seconds, { zone: 'utc' });
