import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkCloseNote, closeBlocker } from '../../src/domain/close.js';
import type { ReminderState } from '../../src/domain/reminder-status.js';

const at = DateTime.fromISO('2026-10-23T08:00:00Z', { zone: 'utc' });
const open: ReminderState = {
  role: 'controller',
  assessedAt: null,
  dpoDecision: null,
  draftedAt: null,
  notifiedAt: null,
  phasedSupplementPending: false,
  subjectsMustBeTold: false,
  subjectsCommunicatedAt: null,
  subjectsRestrictionRecordedAt: null,
  closedAt: null,
};
const noNotification = { outcome: 'no_notification', decidedAt: at, reason: 'the assessment found no risk' } as const;
const notify = { outcome: 'notify', decidedAt: at } as const;

describe('when a breach may be closed', () => {
  it('needs a recorded notification or a decision that none is needed', () => {
    expect(closeBlocker(open)).toBe('record the notification, or a decision that none is needed, first');
    expect(closeBlocker({ ...open, dpoDecision: noNotification })).toBeNull();
    expect(closeBlocker({ ...open, notifiedAt: at })).toBeNull();
  });

  it('a decision to notify is not enough without the notification', () => {
    expect(closeBlocker({ ...open, dpoDecision: notify })).toMatch(/^record the notification to Datatilsynet first/);
    expect(closeBlocker({ ...open, dpoDecision: notify, notifiedAt: at })).toBeNull();
  });

  it('a processor must have told the controller, whatever its DPO decided', () => {
    const processor = { ...open, role: 'processor' as const };
    expect(closeBlocker({ ...processor, dpoDecision: noNotification })).toMatch(/^record the notification to the controller first/);
    expect(closeBlocker({ ...processor, notifiedAt: at })).toBeNull();
  });

  it('when the people affected must be told: their communication, or a § 22 restriction', () => {
    const told = { ...open, dpoDecision: notify, notifiedAt: at, subjectsMustBeTold: true };
    expect(closeBlocker(told)).toMatch(/^record the communication to the people affected \(or a § 22 restriction\) first/);
    expect(closeBlocker({ ...told, subjectsCommunicatedAt: at })).toBeNull();
    expect(closeBlocker({ ...told, subjectsRestrictionRecordedAt: at })).toBeNull();
  });

  it('the closing note is required and bounded', () => {
    expect(checkCloseNote('  ')).toEqual({ ok: false, error: expect.stringMatching(/^Write a closing note/) });
    expect(checkCloseNote(null).ok).toBe(false);
    expect(checkCloseNote('x'.repeat(3001)).ok).toBe(false);
    expect(checkCloseNote('  Done.  ')).toEqual({ ok: true, value: 'Done.' });
  });
});
