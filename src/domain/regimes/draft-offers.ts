import type { Language } from '../language.js';
import { recordable } from './breach-regimes.js';
import type { StageClock } from './clocks.js';
import { draftStages } from './drafts.js';
import type { RegimeProfile } from './types.js';

/*
 * Which regime drafts the Slack side offers (issue 16): per regime, the first stage that has a
 * draft, applies to the incident and is not recorded yet, in the order of the regime's stages. Once
 * NIS2's early warning is recorded, the offer moves on to the incident notification.
 */

/** A stage whose draft can be offered: it has a draft, it applies, and it is not recorded. */
export function isDraftable(regime: RegimeProfile, stage: string, clocks: readonly StageClock[]): boolean {
  if (!draftStages(regime).includes(stage)) return false;
  const clock = clocks.find((c) => c.regime === regime.id && c.stage === stage);
  return clock !== undefined && recordable(clock);
}

/** The regime's next stage to draft, or null when none is left. */
export function nextDraftStage(regime: RegimeProfile, clocks: readonly StageClock[]): StageClock | null {
  const stage = draftStages(regime).find((id) => isDraftable(regime, id, clocks));
  return stage ? (clocks.find((c) => c.regime === regime.id && c.stage === stage) ?? null) : null;
}

/**
 * The languages a regime's draft is written in: the organisation's drafting languages the authority
 * takes, in the profile's order; English when none of them is one the authority takes (and the
 * authority's own first language when it takes no English).
 */
export function regimeDraftLanguages(regime: RegimeProfile, drafting: readonly Language[]): Language[] {
  const both = regime.languages.filter((l) => drafting.includes(l));
  if (both.length > 0) return both;
  return regime.languages.includes('en') ? ['en'] : regime.languages.slice(0, 1);
}
