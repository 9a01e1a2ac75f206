import { describe, expect, it } from 'vitest';
import { checkOverride, reminderChanges, statusAfterDecision, type DecisionOutcome } from '../../src/domain/decision.js';

const notify: DecisionOutcome = { notifyAuthority: true, communicateToSubjects: 'individual' };
const quiet: DecisionOutcome = { notifyAuthority: false, communicateToSubjects: 'no' };
const authorityOnly: DecisionOutcome = { notifyAuthority: true, communicateToSubjects: 'no' };

describe('what a decision does', () => {
  it('sets the status from the decision, but never undoes a notification or a close', () => {
    expect(statusAfterDecision('controller', 'assessing', notify)).toBe('notify');
    expect(statusAfterDecision('controller', 'notify', quiet)).toBe('no_notification');
    expect(statusAfterDecision('processor', 'assessing', quiet)).toBe('notify');
    expect(statusAfterDecision('controller', 'notified', quiet)).toBe('notified');
    expect(statusAfterDecision('controller', 'closed', notify)).toBe('closed');
  });

  it('stops the countdown when no notification is needed, and brings it back when a later decision says notify', () => {
    expect(reminderChanges('controller', 'assessing', null, quiet)).toEqual({ authorityCountdown: 'stop', subjectsDaily: null });
    expect(reminderChanges('controller', 'no_notification', quiet, authorityOnly)).toEqual({ authorityCountdown: 'resume', subjectsDaily: null });
    expect(reminderChanges('joint_controller', 'notify', authorityOnly, authorityOnly)).toEqual({ authorityCountdown: null, subjectsDaily: null });
  });

  it('never stops a processor’s countdown to tell the controller, nor touches one already notified', () => {
    expect(reminderChanges('processor', 'assessing', null, quiet).authorityCountdown).toBeNull();
    expect(reminderChanges('controller', 'notified', authorityOnly, quiet).authorityCountdown).toBeNull();
  });

  it('starts the daily subject reminder once, and stops it when a later decision reverses it', () => {
    expect(reminderChanges('controller', 'assessing', null, notify).subjectsDaily).toBe('start');
    expect(reminderChanges('controller', 'notify', notify, { ...notify, communicateToSubjects: 'public' }).subjectsDaily).toBeNull();
    expect(reminderChanges('controller', 'notify', notify, authorityOnly).subjectsDaily).toBe('stop');
    expect(reminderChanges('controller', 'closed', notify, quiet)).toEqual({ authorityCountdown: null, subjectsDaily: null });
  });
});

describe('an override', () => {
  const why = 'The recipient is our own auditor under a written NDA.';
  it('needs a written justification of some length', () => {
    const r = checkOverride({ notifyAuthority: false, communicateToSubjects: 'no', justification: '  too short  ' }, notify);
    expect(r).toEqual({ ok: false, errors: { justification: expect.stringMatching(/at least 20 characters/) } });
  });

  it('must differ from the proposal, and cannot tell the people without notifying the authority', () => {
    expect(checkOverride({ ...notify, justification: why }, notify)).toMatchObject({ ok: false, errors: { notifyAuthority: expect.stringMatching(/Accept/) } });
    expect(checkOverride({ notifyAuthority: false, communicateToSubjects: 'public', justification: why }, notify)).toMatchObject({
      ok: false,
      errors: { notifyAuthority: expect.stringMatching(/Art\. 33/) },
    });
  });

  it('is accepted with the justification trimmed', () => {
    expect(checkOverride({ ...quiet, justification: `  ${why}\n` }, notify)).toEqual({ ok: true, value: { ...quiet, justification: why } });
  });
});
