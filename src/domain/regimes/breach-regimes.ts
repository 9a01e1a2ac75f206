import type { DateTime } from 'luxon';
import type { Role } from '../deadline.js';
import { planReminders, type PlannedReminder, type ReminderSchedule } from '../reminder-plan.js';
import { clocksFor, type RecordedStage, type StageClock, type StageRequest } from './clocks.js';
import { GDPR_DK } from './gdpr-dk/index.js';
import { REGIMES } from './index.js';
import type { DeclareAnswers, RegimeProfile, RegimeSettings } from './types.js';

/*
 * The regimes of one declared breach: which apply (fixed at declaration), the clocks of those the
 * GDPR flow does not already run, and a reminder stream per stage. Pure, like the rest of the domain.
 *
 * The GDPR with Datatilsynet keeps its own records and reminders (the notification, the decision,
 * the `authority_countdown` stream); the other regimes' stages are recorded one by one and each
 * stage with a fixed due time has its own reminder stream, `<regime>:<stage>`.
 */

/** The regime the notification flow runs (notifications, decisions, the authority countdown). */
export const GDPR_REGIME_ID = GDPR_DK.id;

/** The Declare modal's question, when the settings leave a regime to an answer (NIS2: is it significant?). */
export interface DeclareQuestion {
  /** The regimes that ask it. */
  regimeIds: string[];
  question: string;
}

/** The question the Declare modal asks for these settings, or null (the default settings ask nothing). */
export function declareQuestion(settings: RegimeSettings): DeclareQuestion | null {
  const asking = REGIMES.choices({ settings, answers: {} }).flatMap((c) => (c.verdict.applies === 'ask' ? [{ id: c.regime.id, question: c.verdict.question }] : []));
  const first = asking[0];
  return first ? { regimeIds: asking.map((a) => a.id), question: first.question } : null;
}

/**
 * The regime ids that apply to a breach declared with these settings and answers, in registry order.
 * An open question (answer null: "not known yet") counts as applying: a missed 24-hour NIS2 early
 * warning is worse than a needless one, and the team can still decide it does not apply. The GDPR
 * regime is always kept: breachbot's notification flow runs for every breach, as it always has.
 */
export function regimesAtDeclaration(settings: RegimeSettings, answers: DeclareAnswers): string[] {
  const ids = REGIMES.choices({ settings, answers })
    .filter((c) => c.verdict.applies === true || c.verdict.applies === 'ask')
    .map((c) => c.regime.id);
  return ids.includes(GDPR_REGIME_ID) ? ids : [GDPR_REGIME_ID, ...ids];
}

/** The profiles of the stored ids other than the GDPR's; an id no longer registered is left out. */
export function otherRegimes(ids: readonly string[]): RegimeProfile[] {
  return ids.filter((id) => id !== GDPR_REGIME_ID).flatMap((id) => REGIMES.get(id) ?? []);
}

export interface BreachClockInput {
  regimes: readonly string[];
  awareAt: DateTime;
  role: Role;
  processorHours: number | null;
  recorded: readonly RecordedStage[];
  /** The GDPR decision, for regimes of the GDPR family (the ICO): `risk` and `high_risk`, null while undecided. */
  conditions?: Readonly<Record<string, boolean | null>>;
  /** The authorities' requests for on-request stages (NIS2's intermediate report), decisions.ts. */
  requests?: readonly StageRequest[];
  now: DateTime;
}

/** Every clock of the breach's regimes other than the GDPR's (the card shows those as before). */
export function otherRegimeClocks(b: BreachClockInput): StageClock[] {
  const regimes = otherRegimes(b.regimes);
  if (regimes.length === 0) return [];
  return clocksFor({
    regimes,
    awareAt: b.awareAt,
    role: b.role,
    processorHours: b.processorHours,
    recorded: b.recorded,
    conditions: b.conditions ?? {},
    requests: b.requests ?? [],
    now: b.now,
  });
}

/** A stage that can be recorded: it applies, and is not recorded yet. */
export function recordable(clock: StageClock): boolean {
  return clock.status !== 'not_applicable' && clock.recordedAt === null;
}

/** A regime stage's reminder stream: `nis2-dk:early_warning`. */
export type RegimeStream = `${string}:${string}`;

export const regimeStream = (regime: string, stage: string): RegimeStream => `${regime}:${stage}`;

/** A regime stage's stream, not one of the GDPR streams (`authority_countdown`, …). */
export const isRegimeStream = <S extends string>(stream: S): stream is Extract<S, RegimeStream> => parseRegimeStream(stream) !== null;

export function parseRegimeStream(stream: string): { regime: string; stage: string } | null {
  const m = /^([a-z0-9-]+):([a-z0-9_]+)$/.exec(stream);
  return m ? { regime: m[1]!, stage: m[2]! } : null;
}

/** Reminder keys are unique per breach: each stream's keys carry the stream, `nis2-dk:early_warning/deadline`. */
export const regimeReminderKey = (stream: RegimeStream, key: string) => `${stream}/${key}`;

/** Whether a stage's clock still wants reminders: it has a fixed due time and is neither recorded nor moot. */
export function wantsReminders(clock: StageClock): boolean {
  return recordable(clock) && clock.dueAt !== null && !clock.provisional;
}

export interface StreamPlan {
  stream: RegimeStream;
  planned: PlannedReminder[];
}

/**
 * The reminders of each stage that wants them, on the same countdown / deadline / overdue schedule
 * as the GDPR deadline (reminder-plan.ts): countdowns before awareness are dropped, missed ones fold
 * into one catch-up. A stage counted from another (the final report) is planned only once its due
 * time is fixed, that is when the stage it counts from is recorded: `only` picks those stages then.
 */
export function regimeReminderPlans(
  clocks: readonly StageClock[],
  opts: { awareAt: DateTime; schedule: ReminderSchedule; now: DateTime; only?: (clock: StageClock) => boolean },
): StreamPlan[] {
  return clocks
    .filter((c) => wantsReminders(c) && (opts.only?.(c) ?? true))
    .map((c) => {
      const stream = regimeStream(c.regime, c.stage);
      const planned = planReminders({ awareAt: opts.awareAt, deadline: c.dueAt!, schedule: opts.schedule, now: opts.now });
      return { stream, planned: planned.map((p) => ({ ...p, key: regimeReminderKey(stream, p.key) })) };
    });
}

/** Whether a regime stream still runs: the breach is open and its stage still wants reminders. */
export function isRegimeStreamActive(clocks: readonly StageClock[], stream: string, closedAt: DateTime | null): boolean {
  if (closedAt) return false;
  const s = parseRegimeStream(stream);
  const clock = s && clocks.find((c) => c.regime === s.regime && c.stage === s.stage);
  return Boolean(clock && wantsReminders(clock));
}

/** The stage a clock counts from, when it counts from another stage (NIS2's final report: the incident notification). */
export function countsFrom(clock: StageClock, role: Role): string | null {
  const stage = REGIMES.get(clock.regime)?.ruleSets.find((r) => r.version === clock.ruleSet)?.stages.find((s) => s.id === clock.stage);
  const deadline = stage?.byRole[role];
  return deadline?.from === 'stage' ? deadline.stage : null;
}
