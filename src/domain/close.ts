import type { ReminderState } from './reminder-status.js';

/*
 * When a breach may be closed (product.md flow 7): only once its legal record is complete. The
 * notification this role owes is recorded, or the DPO recorded that none is needed (with the
 * reasons of the assessment or an override's justification); and when the decision says the people
 * affected must be told, that is recorded too, or a § 22 restriction is. Pure, over the same
 * snapshot the reminder rules use, so "closable" and "reminders stop" never disagree.
 */

export const CLOSE_NOTE_MAX = 3000;

/** What is missing before the breach can be closed, in words for the person pressing Close; null when nothing is. */
export function closeBlocker(s: ReminderState): string | null {
  const waived = s.role !== 'processor' && s.dpoDecision?.outcome === 'no_notification';
  if (!s.notifiedAt && !waived) {
    if (!s.dpoDecision) return 'record the notification, or a decision that none is needed, first';
    return s.role === 'processor'
      ? 'record the notification to the controller first: the decision says the controller must be told'
      : 'record the notification to Datatilsynet first: the decision says Datatilsynet must be notified';
  }
  if (s.subjectsMustBeTold && !s.subjectsCommunicatedAt && !s.subjectsRestrictionRecordedAt) {
    return 'record the communication to the people affected (or a § 22 restriction) first: the decision says they must be told';
  }
  return null;
}

/** The closing note: required, so the register says why the breach was closed. */
export function checkCloseNote(note: string | null): { ok: true; value: string } | { ok: false; error: string } {
  const text = note?.trim() ?? '';
  if (!text) return { ok: false, error: 'Write a closing note: what was done and why the breach can be closed' };
  if (text.length > CLOSE_NOTE_MAX) return { ok: false, error: `Keep the note to ${CLOSE_NOTE_MAX} characters` };
  return { ok: true, value: text };
}
