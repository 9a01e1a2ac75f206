import type { DateTime } from 'luxon';
import type { Role } from './deadline.js';
import type { RegimeStream } from './regimes/breach-regimes.js';

/*
 * When reminders run and what they list, as pure functions over a plain snapshot of a breach, so the
 * scheduler decides from one read and the rules are tested without a database.
 */

export type DpoDecision =
  | { outcome: 'notify'; decidedAt: DateTime }
  | { outcome: 'no_notification'; decidedAt: DateTime; reason: string };

export interface ReminderState {
  role: Role;
  /** Latest risk assessment submitted, or null. */
  assessedAt: DateTime | null;
  /** The DPO's (or breach lead's) accept or override of the assessment. */
  dpoDecision: DpoDecision | null;
  /** Latest regulator notice draft posted, or null. */
  draftedAt: DateTime | null;
  /**
   * The notification this role owes was recorded: to Datatilsynet for a controller or joint
   * controller, to the controller for a processor. An initial (phased) notification counts.
   */
  notifiedAt: DateTime | null;
  /** An initial notification was recorded and its supplement not yet (Art. 33(4)). */
  phasedSupplementPending: boolean;
  /** The decision says the data subjects must be told (Art. 34). */
  subjectsMustBeTold: boolean;
  subjectsCommunicatedAt: DateTime | null;
  /** A § 22 restriction (databeskyttelsesloven) decided and recorded by the DPO. */
  subjectsRestrictionRecordedAt?: DateTime | null;
  closedAt: DateTime | null;
}

export const REMINDER_STREAMS = ['authority_countdown', 'subjects_daily', 'phased_follow_up'] as const;
/** `authority_countdown` counts down to the role's notification: for a processor, telling the controller. */
export type ReminderStream = (typeof REMINDER_STREAMS)[number];
/** A GDPR stream above, or a stage of another regime (`nis2-dk:early_warning`, regimes/breach-regimes.ts). */
export type AnyReminderStream = ReminderStream | RegimeStream;

export type StopReason =
  | 'closed'
  | 'notified'
  | 'no_notification_needed'
  | 'not_required'
  | 'communicated'
  | 'restricted'
  | 'supplement_recorded';

export type StreamStatus = { active: true } | { active: false; reason: StopReason };

const ACTIVE: StreamStatus = { active: true };
const stopped = (reason: StopReason): StreamStatus => ({ active: false, reason });

export function reminderStreams(state: ReminderState): Record<ReminderStream, StreamStatus> {
  return {
    authority_countdown: authorityCountdown(state),
    subjects_daily: subjectsDaily(state),
    phased_follow_up: phasedFollowUp(state),
  };
}

export function isStreamActive(state: ReminderState, stream: ReminderStream): boolean {
  return reminderStreams(state)[stream].active;
}

function authorityCountdown(s: ReminderState): StreamStatus {
  if (s.closedAt) return stopped('closed');
  if (s.notifiedAt) return stopped('notified');
  // A processor decides nothing for the controller (assessment.md): it must tell the controller
  // whatever its DPO thinks of the risk, so only a recorded notification (or closing) stops it.
  if (s.role !== 'processor' && s.dpoDecision?.outcome === 'no_notification') return stopped('no_notification_needed');
  return ACTIVE;
}

function subjectsDaily(s: ReminderState): StreamStatus {
  if (s.closedAt) return stopped('closed');
  if (!s.subjectsMustBeTold) return stopped('not_required');
  if (s.subjectsCommunicatedAt) return stopped('communicated');
  if (s.subjectsRestrictionRecordedAt) return stopped('restricted');
  return ACTIVE;
}

function phasedFollowUp(s: ReminderState): StreamStatus {
  if (s.closedAt) return stopped('closed');
  if (!s.notifiedAt) return stopped('not_required');
  if (!s.phasedSupplementPending) return stopped('supplement_recorded');
  return ACTIVE;
}

export const CHECKLIST_ITEMS = ['assessment', 'dpo_decision', 'draft', 'notification', 'subjects'] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEMS)[number];

export interface ChecklistItem {
  id: ChecklistItemId;
  /**
   * `not_needed`: owed no longer (no notification decided, or a § 22 restriction recorded); `at` is
   * when the item was done, or when it stopped being owed (restriction), else null.
   */
  status: 'done' | 'missing' | 'not_needed';
  at: DateTime | null;
}

/**
 * What the reminder text lists as done and missing, in the order the work happens. The subjects
 * item appears only when the decision says they must be told.
 */
export function reminderChecklist(s: ReminderState): ChecklistItem[] {
  const waived = s.role !== 'processor' && s.dpoDecision?.outcome === 'no_notification';
  const item = (id: ChecklistItemId, at: DateTime | null, notNeeded = false): ChecklistItem => ({
    id,
    status: at ? 'done' : notNeeded ? 'not_needed' : 'missing',
    at,
  });
  const items = [
    item('assessment', s.assessedAt),
    item('dpo_decision', s.dpoDecision?.decidedAt ?? null),
    item('draft', s.draftedAt, waived),
    item('notification', s.notifiedAt, waived),
  ];
  if (s.subjectsMustBeTold) {
    // A recorded § 22 restriction means nobody is to be told for now: not owed, rather than done.
    const restrictedAt = s.subjectsCommunicatedAt ? null : (s.subjectsRestrictionRecordedAt ?? null);
    items.push(restrictedAt ? { id: 'subjects', status: 'not_needed', at: restrictedAt } : item('subjects', s.subjectsCommunicatedAt));
  }
  return items;
}
