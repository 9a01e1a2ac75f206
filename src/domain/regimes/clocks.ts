import { DateTime } from 'luxon';
import { isValidProcessorHours, MAX_PROCESSOR_HOURS, type Role } from '../deadline.js';
import type { Deadline, Recipient, RegimeProfile, RuleSet, Stage, Words } from './types.js';

/*
 * Every clock that applies to one incident: for each regime, each stage of the rule set in force when
 * we became aware, when it is due and whether it is met. Pure: `now` is an input, like everything else.
 *
 * Times are UTC. Hours are elapsed hours (luxon `plus({ hours })` on UTC), so weekends and DST
 * changes count as they fall, as for the 72-hour deadline since the start (src/domain/deadline.ts).
 * Months are calendar months in the regime's zone: the same local time on the same date, or the last
 * day of a shorter month (31 Jan + 1 month = 28 Feb). That is the earliest reading of "one month",
 * never later than counting to the end of that day.
 */

export type ClockStatus = 'pending' | 'met' | 'late' | 'not_applicable';

/** A stage the team has recorded as done (submitted), with when it was done. */
export interface RecordedStage {
  regime: string;
  stage: string;
  at: DateTime;
}

/** An authority's request for an on-request stage (NIS2's intermediate report), with its due time if it gave one. */
export interface StageRequest {
  regime: string;
  stage: string;
  at: DateTime;
  dueAt?: DateTime | null;
}

export interface ClockInput {
  regimes: readonly RegimeProfile[];
  awareAt: DateTime;
  role: Role;
  /** The processor contract's hours to tell the controller; ignored for other roles. */
  processorHours?: number | null;
  recorded?: readonly RecordedStage[];
  requests?: readonly StageRequest[];
  /** Decisions that stages wait for or stop on, by the name in `Stage.onlyIf`: null while undecided. */
  conditions?: Readonly<Record<string, boolean | null | undefined>>;
  now: DateTime;
}

export interface StageClock {
  regime: string;
  /** The rule-set version used; null when the regime was not yet in force on the awareness date. */
  ruleSet: string | null;
  stage: string;
  name: Words;
  to: Recipient;
  basis: string;
  /** UTC; null when the stage has no fixed due time ("without undue delay", on request with no date). */
  dueAt: DateTime | null;
  /**
   * The due time counts from the deadline of an earlier stage that is not recorded yet (the latest it
   * can then be done): it moves when that stage is recorded.
   */
  provisional: boolean;
  status: ClockStatus;
  recordedAt: DateTime | null;
  /** Why a stage does not apply, or what its due time rests on, for people. */
  note: string | null;
}

/** The rule set in force at the awareness time: the newest whose `effectiveFrom` day has begun in the regime's zone. */
export function ruleSetFor(regime: RegimeProfile, awareAt: DateTime): RuleSet | null {
  let inForce: RuleSet | null = null;
  for (const ruleSet of regime.ruleSets) {
    if (effectiveStart(regime, ruleSet) <= awareAt) inForce = ruleSet;
  }
  return inForce;
}

export function effectiveStart(regime: RegimeProfile, ruleSet: RuleSet): DateTime {
  return DateTime.fromISO(ruleSet.effectiveFrom, { zone: regime.zone }).startOf('day');
}

/** Every clock of every regime given, in the regimes' order and each regime's stage order. */
export function clocksFor(input: ClockInput): StageClock[] {
  assertValid(input.awareAt, 'awareAt');
  assertValid(input.now, 'now');
  return input.regimes.flatMap((regime) => regimeClocks(regime, input));
}

function regimeClocks(regime: RegimeProfile, input: ClockInput): StageClock[] {
  const ruleSet = ruleSetFor(regime, input.awareAt);
  if (!ruleSet) {
    const first = regime.ruleSets[0];
    const from = first ? effectiveStart(regime, first).toISODate() : null;
    const note = `Not in force when we became aware${from ? ` (in force from ${from})` : ''}.`;
    return (first?.stages ?? []).map((stage) => clock(regime, null, stage, { status: 'not_applicable', note }));
  }
  const done: StageClock[] = [];
  for (const stage of ruleSet.stages) done.push(stageClock(regime, ruleSet, stage, input, done));
  return done;
}

type Outcome = Pick<StageClock, 'status' | 'note'> & Partial<Pick<StageClock, 'dueAt' | 'provisional' | 'recordedAt'>>;

function clock(regime: RegimeProfile, ruleSet: RuleSet | null, stage: Stage, outcome: Outcome): StageClock {
  return {
    regime: regime.id,
    ruleSet: ruleSet?.version ?? null,
    stage: stage.id,
    name: stage.name,
    to: stage.to,
    basis: stage.basis,
    dueAt: outcome.dueAt ?? null,
    provisional: outcome.provisional ?? false,
    status: outcome.status,
    recordedAt: outcome.recordedAt ?? null,
    note: outcome.note,
  };
}

function stageClock(regime: RegimeProfile, ruleSet: RuleSet, stage: Stage, input: ClockInput, earlier: readonly StageClock[]): StageClock {
  const recordedAt = earliest((input.recorded ?? []).filter((r) => r.regime === regime.id && r.stage === stage.id).map((r) => r.at));
  const notApplicable = (note: string) => clock(regime, ruleSet, stage, { status: 'not_applicable', note, recordedAt });

  const deadline = stage.byRole[input.role];
  if (!deadline) return notApplicable(`No duty for a ${input.role.replace('_', ' ')} (${stage.basis}).`);

  if (stage.onlyIf) {
    const decided = input.conditions?.[stage.onlyIf.condition] ?? null;
    if (decided === false) return notApplicable(stage.onlyIf.ifFalse);
    if (decided === null && stage.onlyIf.whileUndecided === 'waits' && !recordedAt) return notApplicable('Waits for the decision.');
  }

  const due = dueTime(regime, stage, deadline, input, earlier);
  if (due === 'not_applicable') return notApplicable(deadline.from === 'request' ? 'Only if the authority asks for it.' : 'The stage it follows does not apply.');
  const { dueAt, provisional, note } = due;
  return clock(regime, ruleSet, stage, { dueAt, provisional, recordedAt, note, status: status(dueAt, provisional, recordedAt, input.now) });
}

interface Due {
  dueAt: DateTime | null;
  provisional: boolean;
  note: string | null;
}

function dueTime(regime: RegimeProfile, stage: Stage, deadline: Deadline, input: ClockInput, earlier: readonly StageClock[]): Due | 'not_applicable' {
  if (deadline.from === 'request') {
    const request = (input.requests ?? [])
      .filter((r) => r.regime === regime.id && r.stage === stage.id)
      .sort((a, b) => a.at.toMillis() - b.at.toMillis())[0];
    if (!request) return 'not_applicable';
    return { dueAt: request.dueAt?.toUTC() ?? null, provisional: false, note: request.dueAt ? 'By the time the authority asked for.' : 'The authority gave no time.' };
  }
  if (deadline.from === 'awareness') return { dueAt: add(regime, input.awareAt, deadline, input), provisional: false, note: null };

  const trigger = earlier.find((c) => c.stage === deadline.stage);
  if (!trigger || trigger.status === 'not_applicable') return 'not_applicable';
  if (trigger.recordedAt) return { dueAt: add(regime, trigger.recordedAt, deadline, input), provisional: false, note: null };
  return {
    dueAt: trigger.dueAt ? add(regime, trigger.dueAt, deadline, input) : null,
    provisional: true,
    note: `Counted from the ${trigger.name.en.toLowerCase()} deadline until it is recorded; then from when it was done.`,
  };
}

/** The end of the period that starts at `from`, in UTC; null for a period with no fixed end. */
function add(regime: RegimeProfile, from: DateTime, deadline: Deadline, input: ClockInput): DateTime | null {
  const period = deadline.within;
  switch (period.kind) {
    case 'hours':
      return from.toUTC().plus({ hours: period.hours });
    case 'months':
      return from.setZone(regime.zone).plus({ months: period.months }).toUTC();
    case 'contract_hours':
      return from.toUTC().plus({ hours: contractHours(input.processorHours, period.default) });
    case 'undue_delay':
    case 'as_requested':
      return null;
  }
}

function contractHours(given: number | null | undefined, fallback: number): number {
  const hours = given ?? fallback;
  if (!isValidProcessorHours(hours)) {
    throw new RangeError(`processor hours must be a whole number from 1 to ${MAX_PROCESSOR_HOURS}, got ${hours}`);
  }
  return hours;
}

/**
 * Met: recorded on or before the due time, or recorded at all when there is none. Late: recorded after
 * it, or not recorded and strictly past it (at the due time itself it is not yet late, as in
 * `timeLeft`). A provisional due time is never late: the stage it counts from is not done yet, so the
 * real due time is still more than the period away.
 */
function status(dueAt: DateTime | null, provisional: boolean, recordedAt: DateTime | null, now: DateTime): ClockStatus {
  if (recordedAt) return dueAt && !provisional && recordedAt > dueAt ? 'late' : 'met';
  if (!dueAt || provisional) return 'pending';
  return now > dueAt ? 'late' : 'pending';
}

function earliest(times: readonly DateTime[]): DateTime | null {
  return times.reduce<DateTime | null>((min, t) => (min === null || t < min ? t.toUTC() : min), null);
}

function assertValid(dt: DateTime, name: string): void {
  if (!dt.isValid) throw new RangeError(`${name} is not a valid DateTime: ${dt.invalidExplanation ?? dt.invalidReason ?? ''}`);
}
