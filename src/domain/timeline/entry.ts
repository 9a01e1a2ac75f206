import { DateTime } from 'luxon';
import { CLOCK_SKEW_ALLOWANCE } from '../deadline.js';

/*
 * A timeline entry someone adds from the card: what happened and when. Pure validation with the
 * problems at their fields, as the modal shows them.
 */

export const ENTRY_TEXT_MAX = 3000;

export interface TimelineEntryInput {
  what: string | null;
  /** Unix seconds, from the date-time picker. */
  occurredAt: number | null;
}

export interface TimelineEntry {
  text: string;
  occurredAt: DateTime;
}

export type TimelineEntryCheck =
  | { ok: true; value: TimelineEntry }
  | { ok: false; errors: Partial<Record<keyof TimelineEntryInput, string>> };

export function validateTimelineEntry(input: TimelineEntryInput, now: DateTime): TimelineEntryCheck {
  const errors: Partial<Record<keyof TimelineEntryInput, string>> = {};
  const text = input.what?.trim() ?? '';
  if (!text) errors.what = 'Say what happened';
  else if (text.length > ENTRY_TEXT_MAX) errors.what = `Keep an entry to ${ENTRY_TEXT_MAX} characters; add a second one for more`;
  const occurredAt = input.occurredAt === null ? null : DateTime.fromSeconds(input.occurredAt, { zone: 'utc' });
  if (!occurredAt?.isValid) errors.occurredAt = 'Say when it happened';
  else if (occurredAt > now.plus(CLOCK_SKEW_ALLOWANCE)) errors.occurredAt = 'When it happened cannot be in the future';
  if (errors.what || errors.occurredAt || !occurredAt) return { ok: false, errors };
  return { ok: true, value: { text, occurredAt } };
}
