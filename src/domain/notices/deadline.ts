/**
 * When is the notification due, and is it late? Decides whether the authority notice needs its
 * "reasons for the delay" section (Art. 33(1)).
 */

import type { DateTime } from 'luxon';
import type { NoticeFacts } from './facts.js';
import { parseInstant } from './format.js';
import { isRecorded } from './placeholders.js';
import { AUTHORITY_HOURS } from '../regimes/gdpr-dk/index.js';

/** Defined once, in the GDPR-DK regime profile (src/domain/regimes/gdpr-dk). */
export const AUTHORITY_DEADLINE_HOURS = AUTHORITY_HOURS;

/**
 * The recorded deadline; failing that, for a controller, awareness + 72 elapsed hours (the legal
 * rule, not a guess). A processor's deadline comes from its contract, so it is never derived here.
 */
export function effectiveDeadline(facts: NoticeFacts, zone: string): DateTime | null {
  if (isRecorded(facts.deadline)) return parseInstant(facts.deadline, zone);
  if (facts.role === 'processor' || !isRecorded(facts.awareAt)) return null;
  return parseInstant(facts.awareAt, zone)?.plus({ hours: AUTHORITY_DEADLINE_HOURS }) ?? null;
}

/**
 * The moment the deadline is judged against: for a follow-up, when the earlier notification went in
 * (a follow-up to an on-time notification is not late); otherwise this notification's recorded
 * submission time, or now if it has not been submitted (it can only go in now or later).
 */
function notifiedAt(facts: NoticeFacts, now: DateTime, zone: string): DateTime {
  const state = facts.notification;
  const recorded = state?.type === 'follow_up' ? state.earlierSubmittedAt : state?.submittedAt;
  return (isRecorded(recorded) ? parseInstant(recorded, zone) : null) ?? now;
}

/** True when the notification is, or will be, made after the deadline; false when on time or unknown. */
export function isNotificationLate(facts: NoticeFacts, now: DateTime, zone: string): boolean {
  const deadline = effectiveDeadline(facts, zone);
  if (!deadline) return false;
  return notifiedAt(facts, now, zone) > deadline;
}
