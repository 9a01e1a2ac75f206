import { GDPR_DK } from './gdpr-dk/index.js';
import { NIS2_DK } from './nis2-dk/index.js';
import { UK_GDPR } from './uk-gdpr/index.js';
import type { Applicability, RegimeContext, RegimeProfile, RegimeSettings } from './types.js';
import { regimeProblems } from './validate.js';

/*
 * The registry: which reporting regimes exist and which apply to an incident. A new regime is a new
 * folder beside these three (its profile and its tests) and one line in BUILT_IN_REGIMES; nothing
 * else in the domain names a regime.
 */

export const BUILT_IN_REGIMES: readonly RegimeProfile[] = [GDPR_DK, NIS2_DK, UK_GDPR];

/** Until an admin says otherwise: an organisation in Denmark, not a NIS2 entity (breachbot's behaviour before regimes). */
export const DEFAULT_REGIME_SETTINGS: RegimeSettings = Object.freeze({
  establishedIn: Object.freeze(['DK']),
  nis2EntityIn: Object.freeze([] as string[]),
});

export interface RegimeChoice {
  regime: RegimeProfile;
  verdict: Applicability;
}

export interface RegimeRegistry {
  readonly all: readonly RegimeProfile[];
  get(id: string): RegimeProfile | undefined;
  /** Every regime with its verdict, in registry order: the Declare modal preselects `true` and asks on `ask`. */
  choices(context: RegimeContext): RegimeChoice[];
  /** The regimes that apply: those whose verdict is `true`. */
  applicable(context: RegimeContext): RegimeProfile[];
}

/** A registry of the given profiles; throws, naming every problem, if one is unusable or an id repeats. */
export function createRegistry(profiles: readonly RegimeProfile[]): RegimeRegistry {
  const problems = profiles.flatMap(regimeProblems);
  const ids = profiles.map((p) => p.id);
  for (const id of new Set(ids)) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`${id}: registered twice`);
  if (problems.length > 0) throw new Error(`unusable regime profiles:\n${problems.join('\n')}`);

  const all = Object.freeze([...profiles]);
  const choices = (context: RegimeContext) => all.map((regime) => ({ regime, verdict: regime.applies(context) }));
  return {
    all,
    get: (id) => all.find((p) => p.id === id),
    choices,
    applicable: (context) => choices(context).filter((c) => c.verdict.applies === true).map((c) => c.regime),
  };
}

export const REGIMES: RegimeRegistry = createRegistry(BUILT_IN_REGIMES);

export { GDPR_DK, NIS2_DK, UK_GDPR };
export { clocksFor, ruleSetFor, type ClockInput, type ClockStatus, type RecordedStage, type StageClock, type StageRequest } from './clocks.js';
export { registerCells } from './register.js';
export {
  draftStage, draftStages, unconfirmedIn, type RegimeDraft, type RegimeDraftBuilder, type RegimeDraftInput,
} from './drafts.js';
export { NIS2_FIELDS, readNis2Facts, type Nis2Facts } from './nis2-dk/notices.js';
export { regimeProblems } from './validate.js';
export * from './types.js';
