/*
 * A reporting regime as data: who must tell whom, by when, under which rules. One incident can fall
 * under several (a ransomware attack on a Danish hospital is a GDPR breach for Datatilsynet and a
 * NIS2 significant incident for the CSIRT); each regime's clocks run side by side (issue 16).
 *
 * A change in the law is a new RuleSet with the date it takes effect, never an edit of an old one:
 * a breach keeps the rules in force when we became aware of it (`ruleSetFor`), so its deadlines do
 * not move under it when a law changes later.
 *
 * Pure data and pure functions: no Slack, no database, no clock. Sources: docs/regimes.md.
 */

import type { Role } from '../deadline.js';
import type { Language } from '../language.js';
import type { RegimeDraftBuilder } from './drafts.js';

/** English always (the Slack surfaces are in English); Danish where the regime's authority reads it. */
export type Words = { en: string; da?: string };

export interface Authority {
  name: Words;
  /** Only what is confirmed from a source listed in docs/regimes.md; nothing guessed. */
  contact: { address?: string; phone?: string; email?: string; website?: string };
  /** Where and how a report is filed. */
  filing: Words;
  /** The authority's form, section by section, as far as it is confirmed (`note` says how far). */
  form?: { name: string; sections: readonly string[]; note: string };
}

/** Who is told: the regulator, the controller we process for, the people affected, our service recipients. */
export type Recipient = 'authority' | 'controller' | 'data_subjects' | 'service_recipients';

/** What a period runs from: our awareness, the recording of an earlier stage, or an authority's request. */
export type Trigger = { from: 'awareness' } | { from: 'stage'; stage: string } | { from: 'request' };

/**
 * How long a stage has once its trigger has happened.
 * - `hours`: elapsed hours (72 h is 72 × 3,600 s, across weekends and DST changes as they fall).
 * - `months`: calendar months in the regime's zone (31 Jan + 1 month = 28 or 29 Feb, same local time).
 * - `contract_hours`: the processor contract's hours (the breach's `processorHours`), else `default`.
 * - `undue_delay`: "without undue delay" with no fixed bound: no due time, never late by the clock.
 * - `as_requested`: the due time the authority gave with its request, if it gave one.
 */
export type Period =
  | { kind: 'hours'; hours: number }
  | { kind: 'months'; months: number }
  | { kind: 'contract_hours'; default: number }
  | { kind: 'undue_delay' }
  | { kind: 'as_requested' };

export type Deadline = Trigger & { within: Period };

/**
 * A stage runs only when a decision says so. `condition` names an entry in the clock input's
 * `conditions` (true, false, or null while undecided); `whileUndecided` says what happens before the
 * decision: `runs` (the clock runs, as the authority clock does until the DPO decides no notification
 * is needed) or `waits` (not applicable until the decision says so).
 */
export interface StageCondition {
  condition: string;
  whileUndecided: 'runs' | 'waits';
  /** Why the stage does not apply when the condition is false, for the card. */
  ifFalse: string;
}

export interface Stage {
  /** Unique within the regime, stable across rule-set versions: recorded stages refer to it. */
  id: string;
  name: Words;
  /** The provision that sets this stage, e.g. "Art. 33(1) GDPR". */
  basis: string;
  to: Recipient;
  /** Who must tell: the deadline for each of our roles. A role that is absent has no such duty. */
  byRole: Partial<Record<Role, Deadline>>;
  onlyIf?: StageCondition;
}

export interface RuleSet {
  /** An id for the version, e.g. "2018-05-25". */
  version: string;
  /** ISO date (YYYY-MM-DD): in force from the start of that day in the regime's zone. */
  effectiveFrom: string;
  /** The law this version states. */
  basis: string;
  /** When the regime's reporting duty is triggered at all, in words for people. */
  threshold: Words;
  stages: readonly Stage[];
}

/** One column of the register export: a stage's due time, the time it was recorded, or its status. */
export interface RegisterColumn {
  header: string;
  stage: string;
  show: 'due' | 'recorded' | 'status';
}

/** The organisation's settings that decide which regimes may apply (App Home, admin). */
export interface RegimeSettings {
  /** ISO 3166-1 alpha-2 codes of the countries where the organisation is established: ['DK']. */
  establishedIn: readonly string[];
  /** Countries whose NIS2 law makes the organisation an essential or important entity. */
  nis2EntityIn: readonly string[];
}

/** What the Declare modal asks; null while not answered. */
export interface DeclareAnswers {
  /** Personal data is involved (a personal data breach, GDPR Art. 4(12)). */
  personalData?: boolean | null;
  /** A NIS2 significant incident (Directive (EU) 2022/2555 Art. 23(3)). */
  significantIncident?: boolean | null;
}

export interface RegimeContext {
  settings: RegimeSettings;
  answers: DeclareAnswers;
}

/** `ask`: the settings make it possible, an answer decides it; the modal asks `question`. */
export type Applicability =
  | { applies: true; reason: string }
  | { applies: false; reason: string }
  | { applies: 'ask'; reason: string; question: string };

export interface RegimeProfile {
  /** The folder name: 'gdpr-dk'. */
  id: string;
  name: Words;
  /** IANA zone of the jurisdiction: calendar months are reckoned in it. */
  zone: string;
  authority: Authority;
  /** The languages the authority takes reports in, its own first. */
  languages: readonly Language[];
  applies(context: RegimeContext): Applicability;
  /** Oldest first; each one in force from its `effectiveFrom` until the next one's. */
  ruleSets: readonly RuleSet[];
  registerColumns: readonly RegisterColumn[];
  /** National details not confirmed from a primary source: shown with the regime, never guessed at. */
  unconfirmed: readonly string[];
  /**
   * The same points in the authority's other languages, in `unconfirmed`'s order: a draft in Danish
   * lists them in Danish (drafts.ts). Required for each language other than English when `drafts` is set.
   */
  unconfirmedIn?: Readonly<Partial<Record<Language, readonly string[]>>>;
  /**
   * The stages breachbot drafts for this regime, by stage id, each built in any of `languages`
   * (drafts.ts `draftStages`, `draftStage`). A regime without drafts has its clocks only.
   */
  drafts?: Readonly<Record<string, RegimeDraftBuilder>>;
}

/**
 * Art. 33(2) GDPR (and UK GDPR) gives a processor "without undue delay" to tell its controller; the
 * processor contract sets the hours. breachbot's default when the contract sets none: 24 hours.
 */
export const DEFAULT_PROCESSOR_HOURS = 24;

/** The same deadline for every role: a duty of the organisation, whatever its GDPR role (NIS2). */
export function everyRole(deadline: Deadline): Record<Role, Deadline> {
  return { controller: deadline, processor: deadline, joint_controller: deadline };
}
