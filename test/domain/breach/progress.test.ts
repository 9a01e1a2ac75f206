import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { breachProgress, spellDuration, type ProgressInput } from '../../../src/domain/breach/progress.js';
import { timeLeft } from '../../../src/domain/deadline.js';

const aware = DateTime.fromISO('2026-10-21T09:20:00Z', { zone: 'utc' });
const deadline = aware.plus({ hours: 72 });
const at = (h: number) => aware.plus({ hours: h });

const base: ProgressInput = {
  role: 'controller',
  deadlineAt: deadline,
  now: at(2),
  closedAt: null,
  assessedVersion: 0,
  decision: null,
  drafted: false,
  notifications: [],
  subjectsToldAt: null,
  restrictedAt: null,
};
const decided = (notifyAuthority: boolean, communicateToSubjects: 'no' | 'individual' | 'public' = 'no', version = 1) => ({
  version,
  notifyAuthority,
  communicateToSubjects,
  decidedBy: 'UDINA',
  decidedAt: at(5),
});
const complete = [{ submittedAt: at(70), completeness: 'complete' as const }];

/** Every state the card can be in, with what it must show. */
const STATES: Array<{
  name: string;
  input: Partial<ProgressInput>;
  phase: string;
  /** The Status the card and the lists show. */
  status: string;
  primary: string | null;
  secondary: string[];
  deadline: string;
  next: RegExp;
  notNext?: RegExp;
}> = [
  {
    name: 'declared, not assessed',
    input: {},
    phase: 'assess', status: 'Assessing risk', primary: 'assess', secondary: ['update_facts', 'draft', 'record', 'timeline', 'close'], deadline: 'countdown',
    next: /^Assess the risk to the people affected/,
  },
  {
    name: 'declared, not assessed, overdue',
    input: { now: deadline.plus({ hours: 13 }) },
    phase: 'assess', status: 'Assessing risk', primary: 'assess', secondary: ['update_facts', 'draft', 'record', 'timeline', 'close'], deadline: 'countdown',
    next: /^Overdue by 13 hours: Assess the risk/,
  },
  {
    name: 'processor, not assessed',
    input: { role: 'processor' },
    phase: 'assess', status: 'Assessing risk', primary: 'assess', secondary: ['update_facts', 'draft', 'record', 'timeline', 'close'], deadline: 'countdown',
    next: /tell the controller without undue delay \(Art\. 33\(2\)\)/,
  },
  {
    name: 'assessed, awaiting the decision',
    input: { assessedVersion: 1 },
    phase: 'decide', status: 'Awaiting the decision', primary: null, secondary: ['assess', 'update_facts', 'draft', 'record', 'timeline', 'close'], deadline: 'countdown',
    next: /accept or override the proposed decision \(assessment v1\)/,
  },
  {
    name: 'reassessed after a decision: the new version awaits its decision',
    input: { assessedVersion: 2, decision: decided(true) },
    phase: 'decide', status: 'Awaiting the decision', primary: null, secondary: ['assess', 'update_facts', 'draft', 'record', 'timeline', 'close'], deadline: 'countdown',
    next: /assessment v2/,
  },
  {
    name: 'decided to notify, nothing drafted',
    input: { assessedVersion: 1, decision: decided(true) },
    phase: 'notify', status: 'Notify the authority', primary: 'draft', secondary: ['assess', 'update_facts', 'record', 'timeline', 'close'], deadline: 'countdown',
    next: /^Draft the notice, notify Datatilsynet \(their online form\) before the deadline, then record the notification\.$/,
    notNext: /document the decision/,
  },
  {
    name: 'decided to notify, drafted',
    input: { assessedVersion: 1, decision: decided(true), drafted: true },
    phase: 'notify', status: 'Notify the authority', primary: 'record', secondary: ['assess', 'update_facts', 'draft', 'timeline', 'close'], deadline: 'countdown',
    next: /^Notify Datatilsynet \(their online form\) before the deadline, then record the notification\.$/,
  },
  {
    name: 'decided to notify and tell the people, drafted',
    input: { assessedVersion: 1, decision: decided(true, 'individual'), drafted: true },
    phase: 'notify', status: 'Notify the authority', primary: 'record', secondary: ['assess', 'update_facts', 'draft', 'timeline', 'close'], deadline: 'countdown',
    next: /Then tell the people affected \(Art\. 34\)\.$/,
  },
  {
    name: 'decided to notify, 13 hours overdue',
    input: { assessedVersion: 1, decision: decided(true), drafted: true, now: deadline.plus({ hours: 13, minutes: 20 }) },
    phase: 'notify', status: 'Notify the authority', primary: 'record', secondary: ['assess', 'update_facts', 'draft', 'timeline', 'close'], deadline: 'countdown',
    next: /^Overdue by 13 hours: notify Datatilsynet now and give the reasons for the delay \(Art\. 33\(1\)\)\.$/,
    notNext: /before the deadline/,
  },
  {
    name: 'processor, decided, overdue',
    input: { role: 'processor', assessedVersion: 1, decision: decided(true), now: deadline.plus({ days: 2, hours: 1 }) },
    phase: 'notify', status: 'Tell the controller', primary: 'draft', secondary: ['assess', 'update_facts', 'record', 'timeline', 'close'], deadline: 'countdown',
    next: /^Overdue by 2 days 1 hour: tell the controller now and give the reasons for the delay\.$/,
  },
  {
    name: 'decided: no notification needed',
    input: { assessedVersion: 1, decision: decided(false) },
    phase: 'close', status: 'Ready to close', primary: 'close', secondary: ['assess', 'update_facts', 'timeline', 'draft_anyway'], deadline: 'not_required',
    next: /^No notification is needed: .* The people affected need not be told .* Close the breach/,
    notNext: /document the decision|Notify Datatilsynet before/,
  },
  {
    name: 'decided: no notification needed, past the deadline',
    input: { assessedVersion: 1, decision: decided(false), now: deadline.plus({ hours: 5 }) },
    phase: 'close', status: 'Ready to close', primary: 'close', secondary: ['assess', 'update_facts', 'timeline', 'draft_anyway'], deadline: 'not_required',
    next: /^No notification is needed/,
    notNext: /Overdue/,
  },
  {
    name: 'decided: no notification needed, but the people affected must be told (an override)',
    input: { assessedVersion: 1, decision: decided(false, 'individual') },
    phase: 'tell_subjects', status: 'Tell the people affected', primary: 'record', secondary: ['assess', 'update_facts', 'draft', 'timeline', 'close', 'draft_anyway'], deadline: 'not_required',
    next: /^No notification to Datatilsynet is needed\. The people affected must still be told individually/,
  },
  {
    name: 'notified, initial (phased)',
    input: { assessedVersion: 1, decision: decided(true), drafted: true, notifications: [{ submittedAt: at(60), completeness: 'initial' }] },
    phase: 'supplement', status: 'Supplement owed', primary: 'record', secondary: ['assess', 'update_facts', 'draft', 'timeline', 'close'], deadline: 'notified',
    next: /^The notification was initial \(Art\. 33\(4\)\): send the rest of the information and record the supplement\.$/,
  },
  {
    name: 'notified complete, the people need not be told',
    input: { assessedVersion: 1, decision: decided(true, 'no'), notifications: complete },
    phase: 'close', status: 'Ready to close', primary: 'close', secondary: ['assess', 'update_facts', 'timeline'], deadline: 'notified',
    next: /^Datatilsynet is notified \(complete\)\. The people affected need not be told \(the decision says so\)\./,
  },
  {
    name: 'notified complete, the people must still be told',
    input: { assessedVersion: 1, decision: decided(true, 'individual'), notifications: complete },
    phase: 'tell_subjects', status: 'Tell the people affected', primary: 'record', secondary: ['assess', 'update_facts', 'draft', 'timeline', 'close'], deadline: 'notified',
    next: /^Datatilsynet is notified \(complete\)\. The people affected must still be told individually/,
  },
  {
    name: 'notified complete, a public communication is due',
    input: { assessedVersion: 1, decision: decided(true, 'public'), notifications: complete },
    phase: 'tell_subjects', status: 'Tell the people affected', primary: 'record', secondary: ['assess', 'update_facts', 'draft', 'timeline', 'close'], deadline: 'notified',
    next: /by a public communication \(Art\. 34\(3\)\(c\)\)/,
  },
  {
    name: 'notified complete and the people told',
    input: { assessedVersion: 1, decision: decided(true, 'individual'), notifications: complete, subjectsToldAt: at(75) },
    phase: 'close', status: 'Ready to close', primary: 'close', secondary: ['assess', 'update_facts', 'timeline'], deadline: 'notified',
    next: /The people affected are told\. Close the breach/,
  },
  {
    name: 'notified complete, a § 22 restriction recorded',
    input: { assessedVersion: 1, decision: decided(true, 'individual'), notifications: complete, restrictedAt: at(75) },
    phase: 'close', status: 'Ready to close', primary: 'close', secondary: ['assess', 'update_facts', 'timeline'], deadline: 'notified',
    next: /not told for now \(§ 22 restriction\)/,
  },
  {
    name: 'notified before any assessment',
    input: { notifications: complete },
    phase: 'assess', status: 'Assessing risk', primary: 'assess', secondary: ['update_facts', 'draft', 'record', 'timeline', 'close'], deadline: 'notified',
    next: /^Datatilsynet is notified\. Assess the risk, so the DPO can decide whether the people affected must be told/,
  },
  {
    name: 'processor, controller told',
    input: { role: 'processor', assessedVersion: 1, decision: decided(true, 'no'), notifications: complete },
    phase: 'close', status: 'Ready to close', primary: 'close', secondary: ['assess', 'update_facts', 'timeline'], deadline: 'notified',
    next: /^The controller is told \(complete\)\. Close the breach/,
  },
  {
    name: 'closed',
    input: { assessedVersion: 1, decision: decided(false), closedAt: at(80) },
    phase: 'closed', status: 'Closed', primary: null, secondary: [], deadline: 'not_required',
    next: /^None: the breach is closed\.$/,
  },
];

describe('breachProgress: every state the card can be in', () => {
  it.each(STATES)('$name', (c) => {
    const p = breachProgress({ ...base, ...c.input });
    expect(p.phase).toBe(c.phase);
    expect(p.status).toBe(c.status);
    expect(p.primary).toBe(c.primary);
    expect(p.secondary).toEqual(c.secondary);
    expect(p.deadline.kind).toBe(c.deadline);
    expect(p.nextStep).toMatch(c.next);
    if (c.notNext) expect(p.nextStep).not.toMatch(c.notNext);
    // The primary action is never offered twice, and nothing is offered once closed.
    expect(p.secondary).not.toContain(p.primary);
  });

  it('says what happened instead of the deadline: when notified, how complete, and how late', () => {
    const p = breachProgress({ ...base, assessedVersion: 1, decision: decided(true), notifications: [{ submittedAt: deadline.plus({ hours: 4, minutes: 50 }), completeness: 'complete' }] });
    expect(p.deadline).toMatchObject({ kind: 'notified', completeness: 'complete' });
    expect(p.deadline.kind === 'notified' && p.deadline.lateBy?.totalMinutes).toBe(290);
    expect(p.overdue).toBe(false);
  });

  it('names who decided that no notification is needed', () => {
    const p = breachProgress({ ...base, assessedVersion: 1, decision: decided(false) });
    expect(p.deadline).toMatchObject({ kind: 'not_required', decidedBy: 'UDINA' });
  });

  it('is overdue only while the notification is still owed', () => {
    const late = deadline.plus({ hours: 1 });
    expect(breachProgress({ ...base, now: late }).overdue).toBe(true);
    expect(breachProgress({ ...base, now: late, assessedVersion: 1, decision: decided(false) }).overdue).toBe(false);
    expect(breachProgress({ ...base, now: late, notifications: complete }).overdue).toBe(false);
  });
});

describe('spellDuration', () => {
  it.each([
    [13 * 60, '13 hours'],
    [13 * 60 + 59, '13 hours'],
    [60, '1 hour'],
    [45, '45 minutes'],
    [1, '1 minute'],
    [0, 'under a minute'],
    [24 * 60, '1 day'],
    [49 * 60, '2 days 1 hour'],
  ])('%i minutes → %s', (minutes, words) => {
    const t = timeLeft(deadline, deadline.plus({ minutes }));
    expect(spellDuration(t)).toBe(words);
  });
});
