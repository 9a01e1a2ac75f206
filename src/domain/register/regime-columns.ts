import { DateTime } from 'luxon';
import type { Role } from '../deadline.js';
import { GDPR_REGIME_ID } from '../regimes/breach-regimes.js';
import type { StageClock } from '../regimes/clocks.js';
import { breachRegimeClocks } from '../regimes/decisions.js';
import { REGIMES } from '../regimes/index.js';
import { registerCells } from '../regimes/register.js';
import type { RegimeProfile } from '../regimes/types.js';
import type { RegisterBreach } from './record.js';

/*
 * The register's columns of the reporting regimes other than the GDPR (issue 16): each profile's
 * `registerColumns` (header from the profile), filled by `registerCells` from the reports recorded in
 * `regime_stages`; empty for a breach the regime does not apply to. The GDPR's own columns are the
 * register's existing ones, so gdpr-dk adds none.
 */

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/**
 * The GDPR decision in force as the GDPR-family regimes' conditions (the ICO report waits on `risk`
 * like Datatilsynet's), as flows/regimes.ts reads it for the card.
 */
function gdprConditions(b: RegisterBreach): Record<string, boolean | null> {
  const d = b.decisions.at(-1);
  return d ? { risk: d.notifyAuthority, high_risk: d.communicateToSubjects !== 'no' } : { risk: null, high_risk: null };
}

/**
 * The breach's clocks as the record stands: "now" is its last recorded change (the close, else its
 * latest event), so two exports of the same data give the same cells. The columns show due and
 * recorded times, which do not depend on it.
 */
function clocksOf(b: RegisterBreach): StageClock[] {
  const last = [b.closed?.at, b.events.at(-1)?.at, b.awareAt].find((t): t is string => Boolean(t))!;
  const recorded = b.regimeStages.map((s) => ({ regime: s.regime, stage: s.stage, at: utc(s.doneAt) }));
  const { regimes, processorHours, regimeAnswers } = b;
  return breachRegimeClocks({ regimes, awareAt: utc(b.awareAt), role: b.role as Role, processorHours, regimeAnswers }, recorded, gdprConditions(b), utc(last));
}

/** The regimes that add columns: every registered one but the GDPR's, in registration order. */
const columnRegimes = (): RegimeProfile[] => REGIMES.all.filter((r) => r.id !== GDPR_REGIME_ID && r.registerColumns.length > 0);

/** The headers, in order. */
export const regimeColumnHeaders = (): string[] => columnRegimes().flatMap((r) => r.registerColumns.map((c) => c.header));

/** One breach's cells under those headers. */
export function regimeColumnCells(b: RegisterBreach): string[] {
  const clocks = clocksOf(b);
  return columnRegimes().flatMap((r) => (b.regimes.includes(r.id) ? registerCells(r, clocks).map((c) => c.value) : r.registerColumns.map(() => '')));
}
