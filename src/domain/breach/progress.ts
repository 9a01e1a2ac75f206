import type { DateTime } from 'luxon';
import type { Communication } from '../assessment/result.js';
import { timeLeft, type Role, type TimeLeft } from '../deadline.js';

/*
 * Where a breach stands and what comes next (issue 17), as one pure function of its recorded state,
 * so the card, its buttons, the reminders, the App Home and `/breach list` never disagree. The
 * order of the work follows product.md: assess → the DPO decides → notify Datatilsynet (Art. 33) →
 * supplement a phased notification (Art. 33(4)) → tell the people affected (Art. 34) → close.
 * Texts carry no Slack markup and no names: the Slack layer adds mentions and buttons.
 */

/**
 * The card's actions, by what they do (the Slack layer maps them to action ids). `draft_anyway`:
 * a notice to Datatilsynet asked for although the recorded decision is that none is needed.
 */
export const CARD_ACTIONS = ['assess', 'update_facts', 'draft', 'record', 'timeline', 'close', 'draft_anyway'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

export type Phase = 'assess' | 'decide' | 'notify' | 'supplement' | 'tell_subjects' | 'close' | 'closed';

export type Completeness = 'complete' | 'initial' | 'supplement';

export interface ProgressInput {
  role: Role;
  deadlineAt: DateTime;
  now: DateTime;
  closedAt: DateTime | null;
  /** The latest assessment's version; 0 before the first. */
  assessedVersion: number;
  /** The decision in force and the assessment version it was made on. */
  decision: {
    version: number;
    notifyAuthority: boolean;
    communicateToSubjects: Communication;
    decidedBy: string;
    decidedAt: DateTime;
  } | null;
  /** A notice draft exists whose facts are still current. */
  drafted: boolean;
  /** The notifications this role owes (Datatilsynet, or the controller for a processor), oldest first. */
  notifications: Array<{ submittedAt: DateTime; completeness: Completeness | null }>;
  subjectsToldAt: DateTime | null;
  /** A databeskyttelsesloven § 22 restriction: the people affected are not told for now. */
  restrictedAt: DateTime | null;
}

/** What the card shows in place of the deadline once it no longer applies. */
export type DeadlineState =
  | { kind: 'countdown'; deadlineAt: DateTime; left: TimeLeft }
  | { kind: 'notified'; at: DateTime; completeness: Completeness | null; lastAt: DateTime; lateBy: TimeLeft | null }
  | { kind: 'not_required'; decidedBy: string; decidedAt: DateTime };

export interface Progress {
  phase: Phase;
  /** Where the breach stands in a few words, for the card's Status and the lists ("Awaiting the decision"). */
  status: string;
  /** The next step in words ("Overdue by 13 hours: notify Datatilsynet now and give the reasons for the delay."). */
  nextStep: string;
  /** The one action that does the next step, or null when it is done elsewhere (the DPO's Accept on the result). */
  primary: CardAction | null;
  /** The other actions that still apply, in CARD_ACTIONS order. */
  secondary: CardAction[];
  deadline: DeadlineState;
  /** The notification owed is late: the deadline passed and nothing is recorded. */
  overdue: boolean;
}

const owedTo = (role: Role) => (role === 'processor' ? 'tell the controller' : 'notify Datatilsynet');
const toldWho = (role: Role) => (role === 'processor' ? 'The controller is told' : 'Datatilsynet is notified');

/** "13 hours", "2 days 5 hours", "45 minutes": a lateness said in words people use. */
export function spellDuration(left: TimeLeft): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const days = Math.floor(left.totalMinutes / (24 * 60));
  const hours = Math.floor((left.totalMinutes % (24 * 60)) / 60);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return unit(hours, 'hour');
  return left.totalMinutes > 0 ? unit(left.totalMinutes, 'minute') : 'under a minute';
}

export function breachProgress(s: ProgressInput): Progress {
  const deadline = deadlineState(s);
  const phase = phaseOf(s);
  const overdue = deadline.kind === 'countdown' && deadline.left.overdue;
  const primary = primaryFor(phase, s);
  const applies = applicable(s, phase);
  return {
    phase,
    status: statusText(phase, s.role),
    nextStep: nextStepText(phase, s, deadline),
    primary,
    secondary: CARD_ACTIONS.filter((a) => a !== primary && applies.has(a)),
    deadline,
    overdue,
  };
}

/** The authority's notification is owed: a processor always tells the controller; a controller unless decided otherwise. */
function notificationWaived(s: ProgressInput): boolean {
  return s.role !== 'processor' && s.decision !== null && !s.decision.notifyAuthority;
}

function subjectsOwed(s: ProgressInput): boolean {
  return s.role !== 'processor' && s.decision !== null && s.decision.communicateToSubjects !== 'no' && !s.subjectsToldAt && !s.restrictedAt;
}

function deadlineState(s: ProgressInput): DeadlineState {
  const first = s.notifications[0];
  const last = s.notifications.at(-1);
  if (first && last) {
    const late = timeLeft(s.deadlineAt, first.submittedAt);
    return { kind: 'notified', at: first.submittedAt, completeness: last.completeness, lastAt: last.submittedAt, lateBy: late.overdue ? late : null };
  }
  if (notificationWaived(s)) return { kind: 'not_required', decidedBy: s.decision!.decidedBy, decidedAt: s.decision!.decidedAt };
  return { kind: 'countdown', deadlineAt: s.deadlineAt, left: timeLeft(s.deadlineAt, s.now) };
}

function phaseOf(s: ProgressInput): Phase {
  if (s.closedAt) return 'closed';
  if (s.assessedVersion === 0) return 'assess';
  if (!s.decision || s.decision.version < s.assessedVersion) return 'decide';
  const last = s.notifications.at(-1);
  if (!last && !notificationWaived(s)) return 'notify';
  if (last?.completeness === 'initial') return 'supplement';
  if (subjectsOwed(s)) return 'tell_subjects';
  return 'close';
}

function primaryFor(phase: Phase, s: ProgressInput): CardAction | null {
  switch (phase) {
    case 'assess':
      return 'assess';
    case 'decide':
    case 'closed':
      return null;
    case 'notify':
      return s.drafted ? 'record' : 'draft';
    case 'supplement':
    case 'tell_subjects':
      return 'record';
    case 'close':
      return 'close';
  }
}

/**
 * Actions that still mean something: none once closed; drafting and recording only while something
 * is still to send; a notice to Datatilsynet on request only once the decision says none is needed
 * (it is then never the next step, and the draft says at its top that it was asked for).
 */
function applicable(s: ProgressInput, phase: Phase): Set<CardAction> {
  if (phase === 'closed') return new Set();
  const out = new Set<CardAction>(['assess', 'update_facts', 'timeline', 'close']);
  if (notificationWaived(s)) out.add('draft_anyway');
  const last = s.notifications.at(-1);
  const notificationOpen = notificationWaived(s) ? false : !last || last.completeness === 'initial';
  // Before a decision, the people affected may still have to be told: drafting and recording stay open.
  const subjectsOpen = s.decision === null ? s.role !== 'processor' : subjectsOwed(s);
  if (notificationOpen || subjectsOpen) {
    out.add('draft');
    out.add('record');
  }
  return out;
}

/** The Status in a few words; what happened to the deadline is said next to it (DeadlineState). */
function statusText(phase: Phase, role: Role): string {
  switch (phase) {
    case 'closed':
      return 'Closed';
    case 'assess':
      return 'Assessing risk';
    case 'decide':
      return 'Awaiting the decision';
    case 'notify':
      return role === 'processor' ? 'Tell the controller' : 'Notify the authority';
    case 'supplement':
      return 'Supplement owed';
    case 'tell_subjects':
      return 'Tell the people affected';
    case 'close':
      return 'Ready to close';
  }
}

function nextStepText(phase: Phase, s: ProgressInput, d: DeadlineState): string {
  const role = s.role;
  const late = d.kind === 'countdown' && d.left.overdue ? `Overdue by ${spellDuration(d.left)}: ` : '';
  switch (phase) {
    case 'closed':
      return 'None: the breach is closed.';
    case 'assess':
      if (d.kind === 'notified') {
        return `${toldWho(role)}. Assess the risk, so the DPO can decide whether the people affected must be told (Art. 34).`;
      }
      if (role === 'processor') {
        return `${late}Assess what happened and ${owedTo(role)} without undue delay (Art. 33(2)); the DPO confirms the assessment.`;
      }
      return `${late}Assess the risk to the people affected, so the DPO can decide whether to notify Datatilsynet (Art. 33) and them (Art. 34).`;
    case 'decide':
      return `${late}The DPO or the breach lead: accept or override the proposed decision (assessment v${s.assessedVersion}) on the result message.`;
    case 'notify': {
      const then = subjectsOwed(s) ? ' Then tell the people affected (Art. 34).' : '';
      if (late) {
        return role === 'processor'
          ? `${late}tell the controller now and give the reasons for the delay.${then}`
          : `${late}notify Datatilsynet now and give the reasons for the delay (Art. 33(1)).${then}`;
      }
      const how = role === 'processor' ? 'Tell the controller' : 'Notify Datatilsynet (their online form)';
      return s.drafted
        ? `${how} before the deadline, then record the notification.${then}`
        : `Draft the notice, ${how.charAt(0).toLowerCase()}${how.slice(1)} before the deadline, then record the notification.${then}`;
    }
    case 'supplement':
      return `The notification was initial (Art. 33(4)): send the rest of the information${subjectsOwed(s) ? ', tell the people affected (Art. 34),' : ''} and record the supplement.`;
    case 'tell_subjects': {
      const before = d.kind === 'notified' ? `${toldWho(role)} (complete). ` : 'No notification to Datatilsynet is needed. ';
      const how = s.decision?.communicateToSubjects === 'public' ? 'by a public communication (Art. 34(3)(c))' : 'individually, without undue delay (Art. 34)';
      return `${before}The people affected must still be told ${how}: tell them, then record the communication (or a § 22 restriction).`;
    }
    case 'close': {
      const parts: string[] = [];
      if (d.kind === 'not_required') parts.push('No notification is needed: the decision and its reasons are in the register (Art. 33(5)).');
      else parts.push(`${toldWho(role)} (complete).`);
      if (role !== 'processor') {
        if (s.subjectsToldAt) parts.push('The people affected are told.');
        else if (s.restrictedAt) parts.push('The people affected are not told for now (§ 22 restriction).');
        else parts.push('The people affected need not be told (the decision says so).');
      }
      parts.push('Close the breach once the remedial work is done and recorded in the timeline.');
      return parts.join(' ');
    }
  }
}
