import type { AssessmentResult } from './assessment/index.js';
import type { Communication } from './assessment/result.js';
import type { StoredAssessment } from './assessment/stored.js';
import type { Role } from './deadline.js';

/*
 * The DPO's (or breach lead's) decision on an assessment (flow 3), as pure rules: what a decision
 * is, what it does to the breach's status and reminder streams, and which overrides make sense.
 */

/** What was decided: notify Datatilsynet (Art. 33), and whether and how to tell the people (Art. 34). */
export interface DecisionOutcome {
  notifyAuthority: boolean;
  communicateToSubjects: Communication;
}

export type DecisionKind = 'accepted' | 'overridden';

/**
 * One recorded decision on a breach; the latest is the one in force. src/store/decisions.ts reads it
 * from the `decisions` table and checks at compile time that the two keep the same fields.
 */
export interface Decision {
  id: string;
  breachId: string;
  /** The assessment decided on (the column allows none; every decision recorded today has one). */
  assessmentId: string | null;
  /** accepted | overridden (DecisionKind) */
  kind: string;
  notifyAuthority: boolean;
  communicateToSubjects: Communication;
  justification: string | null;
  decidedBy: string;
  decidedAt: Date;
}

/** The card's view of the risk decision: the latest assessment and the decision in force. */
export interface RiskSummary {
  latest: Pick<StoredAssessment, 'id' | 'version' | 'result' | 'createdBy' | 'createdAt'>;
  decision: (Decision & { version: number }) | null;
}

/** The decision an assessment proposes, i.e. what accepting it records. */
export function proposedOutcome(result: AssessmentResult): DecisionOutcome {
  return { notifyAuthority: result.notifyAuthority, communicateToSubjects: result.communicateToSubjects };
}

export function sameOutcome(a: DecisionOutcome, b: DecisionOutcome): boolean {
  return a.notifyAuthority === b.notifyAuthority && a.communicateToSubjects === b.communicateToSubjects;
}

/** A processor tells the controller of every breach (Art. 33(2)): it always has a notification to make. */
export function mustNotify(role: Role, o: DecisionOutcome): boolean {
  return role === 'processor' || o.notifyAuthority;
}

/**
 * The breach status after a decision: `notify` or `no_notification`. A breach already notified
 * or closed keeps its status: a later decision cannot undo a notification that was made.
 */
export function statusAfterDecision(role: Role, status: string, o: DecisionOutcome): string {
  if (status === 'notified' || status === 'closed') return status;
  return mustNotify(role, o) ? 'notify' : 'no_notification';
}

export interface ReminderChanges {
  /** stop: no notification is needed; resume: a later decision says notify after all. */
  authorityCountdown: 'stop' | 'resume' | null;
  /** start: the people must now be told; stop: a later decision says they need not be. */
  subjectsDaily: 'start' | 'stop' | null;
}

/**
 * What a decision does to the reminder streams (product.md flow 4), given the breach's status and
 * the decision before it. A processor's countdown to tell the controller never stops on a decision:
 * only a recorded notification stops it, and once notified a decision cannot bring it back. The
 * daily subject reminder starts once, when a decision first requires telling the people, so a
 * second decision that agrees does not start a second chain.
 */
export function reminderChanges(
  role: Role,
  status: string,
  before: DecisionOutcome | null,
  after: DecisionOutcome,
): ReminderChanges {
  if (status === 'closed') return { authorityCountdown: null, subjectsDaily: null };
  let authorityCountdown: ReminderChanges['authorityCountdown'] = null;
  if (role !== 'processor' && status !== 'notified') {
    if (!after.notifyAuthority) authorityCountdown = 'stop';
    else if (before && !before.notifyAuthority) authorityCountdown = 'resume';
  }
  const toldBefore = before !== null && before.communicateToSubjects !== 'no';
  const toldAfter = after.communicateToSubjects !== 'no';
  const subjectsDaily = toldAfter && !toldBefore ? 'start' : !toldAfter && toldBefore ? 'stop' : null;
  return { authorityCountdown, subjectsDaily };
}

export const JUSTIFICATION_MIN = 20;
export const JUSTIFICATION_MAX = 3000;

export interface OverrideInput {
  notifyAuthority: boolean | null;
  communicateToSubjects: Communication | null;
  justification: string | null;
}

export type OverrideField = keyof OverrideInput;

export type OverrideCheck =
  | { ok: true; value: DecisionOutcome & { justification: string } }
  | { ok: false; errors: Partial<Record<OverrideField, string>> };

/** An override is a different decision with a written reason a DPO could show Datatilsynet. */
export function checkOverride(input: OverrideInput, proposal: DecisionOutcome): OverrideCheck {
  const errors: Partial<Record<OverrideField, string>> = {};
  const justification = (input.justification ?? '').trim();
  if (input.notifyAuthority === null) errors.notifyAuthority = 'Choose whether to notify Datatilsynet.';
  if (input.communicateToSubjects === null) errors.communicateToSubjects = 'Choose whether to tell the people affected.';
  if (justification.length < JUSTIFICATION_MIN) {
    errors.justification = `Write why the assessment is wrong here, in at least ${JUSTIFICATION_MIN} characters: it goes into the register (Art. 33(5)).`;
  } else if (justification.length > JUSTIFICATION_MAX) {
    errors.justification = `Keep the justification under ${JUSTIFICATION_MAX} characters.`;
  }
  if (input.notifyAuthority === false && input.communicateToSubjects && input.communicateToSubjects !== 'no') {
    // Art. 34 applies only to a high risk, and any risk already requires notifying under Art. 33.
    errors.notifyAuthority = 'If the people affected must be told, the risk is high, so Datatilsynet must be notified too (Art. 33(1)).';
  }
  if (input.notifyAuthority === null || input.communicateToSubjects === null || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  const value = { notifyAuthority: input.notifyAuthority, communicateToSubjects: input.communicateToSubjects, justification };
  if (sameOutcome(value, proposal)) {
    return { ok: false, errors: { notifyAuthority: 'That is what the assessment proposes: change the decision, or press Accept instead.' } };
  }
  return { ok: true, value };
}
