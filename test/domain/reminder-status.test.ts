import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isStreamActive, reminderChecklist, reminderStreams, type ReminderState } from '../../src/domain/reminder-status.js';

const t = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

const fresh: ReminderState = {
  role: 'controller',
  assessedAt: null,
  dpoDecision: null,
  draftedAt: null,
  notifiedAt: null,
  phasedSupplementPending: false,
  subjectsMustBeTold: false,
  subjectsCommunicatedAt: null,
  closedAt: null,
};
const state = (patch: Partial<ReminderState>): ReminderState => ({ ...fresh, ...patch });

describe('reminderStreams', () => {
  it('runs only the countdown for a fresh breach', () => {
    expect(reminderStreams(fresh)).toEqual({
      authority_countdown: { active: true },
      subjects_daily: { active: false, reason: 'not_required' },
      phased_follow_up: { active: false, reason: 'not_required' },
    });
  });

  it('stops the countdown when the notification is recorded', () => {
    expect(reminderStreams(state({ notifiedAt: t('2026-10-25T10:00') })).authority_countdown).toEqual({ active: false, reason: 'notified' });
  });

  it('stops the countdown when the DPO records that no notification is needed', () => {
    const s = state({ dpoDecision: { outcome: 'no_notification', decidedAt: t('2026-10-24T10:00'), reason: 'encrypted laptop, key safe' } });
    expect(reminderStreams(s).authority_countdown).toEqual({ active: false, reason: 'no_notification_needed' });
    expect(isStreamActive(state({ dpoDecision: { outcome: 'notify', decidedAt: t('2026-10-24T10:00') } }), 'authority_countdown')).toBe(true);
  });

  it('keeps a processor’s countdown to tell the controller whatever its DPO decided', () => {
    const s = state({ role: 'processor', dpoDecision: { outcome: 'no_notification', decidedAt: t('2026-10-24T10:00'), reason: 'low risk' } });
    expect(isStreamActive(s, 'authority_countdown')).toBe(true);
    expect(isStreamActive({ ...s, notifiedAt: t('2026-10-24T12:00') }, 'authority_countdown')).toBe(false);
  });

  it('runs the daily subject reminder until the communication or a § 22 restriction is recorded', () => {
    const must = state({ subjectsMustBeTold: true, notifiedAt: t('2026-10-25T10:00') });
    expect(reminderStreams(must).subjects_daily).toEqual({ active: true });
    expect(reminderStreams({ ...must, subjectsCommunicatedAt: t('2026-10-26T10:00') }).subjects_daily).toEqual({ active: false, reason: 'communicated' });
    expect(reminderStreams({ ...must, subjectsRestrictionRecordedAt: t('2026-10-26T10:00') }).subjects_daily).toEqual({ active: false, reason: 'restricted' });
  });

  it('follows up a phased notification until the supplement is recorded', () => {
    const phased = state({ notifiedAt: t('2026-10-25T10:00'), phasedSupplementPending: true });
    expect(reminderStreams(phased).phased_follow_up).toEqual({ active: true });
    expect(reminderStreams({ ...phased, phasedSupplementPending: false }).phased_follow_up).toEqual({ active: false, reason: 'supplement_recorded' });
  });

  it('stops everything when the breach is closed', () => {
    const s = state({ closedAt: t('2026-10-30T10:00'), subjectsMustBeTold: true, notifiedAt: t('2026-10-25T10:00'), phasedSupplementPending: true });
    expect(Object.values(reminderStreams(s))).toEqual([
      { active: false, reason: 'closed' },
      { active: false, reason: 'closed' },
      { active: false, reason: 'closed' },
    ]);
  });
});

describe('reminderChecklist', () => {
  it('lists everything missing for a fresh breach', () => {
    expect(reminderChecklist(fresh).map((i) => `${i.id}:${i.status}`)).toEqual([
      'assessment:missing',
      'dpo_decision:missing',
      'draft:missing',
      'notification:missing',
    ]);
  });

  it('marks what is done, with when', () => {
    const s = state({
      assessedAt: t('2026-10-23T12:00'),
      dpoDecision: { outcome: 'notify', decidedAt: t('2026-10-23T13:00') },
      draftedAt: t('2026-10-23T14:00'),
      subjectsMustBeTold: true,
    });
    expect(reminderChecklist(s)).toEqual([
      { id: 'assessment', status: 'done', at: t('2026-10-23T12:00') },
      { id: 'dpo_decision', status: 'done', at: t('2026-10-23T13:00') },
      { id: 'draft', status: 'done', at: t('2026-10-23T14:00') },
      { id: 'notification', status: 'missing', at: null },
      { id: 'subjects', status: 'missing', at: null },
    ]);
  });

  it('shows the draft and notification as not needed after a no-notification decision', () => {
    const s = state({ assessedAt: t('2026-10-23T12:00'), dpoDecision: { outcome: 'no_notification', decidedAt: t('2026-10-23T13:00'), reason: 'r' } });
    expect(reminderChecklist(s).map((i) => `${i.id}:${i.status}`)).toEqual([
      'assessment:done',
      'dpo_decision:done',
      'draft:not_needed',
      'notification:not_needed',
    ]);
  });

  it('shows a § 22 restriction as not needed rather than done', () => {
    const s = state({ subjectsMustBeTold: true, subjectsRestrictionRecordedAt: t('2026-10-24T09:00') });
    expect(reminderChecklist(s).at(-1)).toEqual({ id: 'subjects', status: 'not_needed', at: t('2026-10-24T09:00') });
  });
});
