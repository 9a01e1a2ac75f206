import { DateTime } from 'luxon';
import type { RegimeProfile } from './types.js';

/*
 * What makes a regime profile usable, checked when it is registered, so a new folder with a typo
 * fails its first test instead of showing a wrong clock to someone at 3 a.m.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The problems with a profile, in words; empty when it is usable. */
export function regimeProblems(regime: RegimeProfile): string[] {
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${regime.id}: ${text}`);

  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(regime.id)) say('the id must be lower-case words joined by "-" (its folder name)');
  if (!DateTime.now().setZone(regime.zone).isValid) say(`unknown time zone "${regime.zone}"`);
  if (regime.languages.length === 0) say('no language to report in');
  if (regime.ruleSets.length === 0) say('no rule set');

  const versions = new Set<string>();
  let previousStart: string | null = null;
  for (const ruleSet of regime.ruleSets) {
    const where = `rule set ${ruleSet.version}`;
    if (versions.has(ruleSet.version)) say(`${where} is listed twice`);
    versions.add(ruleSet.version);
    if (!ISO_DATE.test(ruleSet.effectiveFrom) || !DateTime.fromISO(ruleSet.effectiveFrom).isValid) {
      say(`${where}: effectiveFrom "${ruleSet.effectiveFrom}" is not a date (YYYY-MM-DD)`);
    } else if (previousStart !== null && ruleSet.effectiveFrom <= previousStart) {
      say(`${where}: takes effect ${ruleSet.effectiveFrom}, not after the version before it (${previousStart}); list them oldest first`);
    }
    previousStart = ruleSet.effectiveFrom;

    const seen = new Set<string>();
    for (const stage of ruleSet.stages) {
      if (seen.has(stage.id)) say(`${where}: stage "${stage.id}" is listed twice`);
      for (const [role, deadline] of Object.entries(stage.byRole)) {
        const at = `${where}: stage "${stage.id}" for a ${role}`;
        if (deadline.from === 'stage' && !seen.has(deadline.stage)) {
          say(`${at} counts from "${deadline.stage}", which is not an earlier stage of the same rule set`);
        }
        if (deadline.from === 'request' && deadline.within.kind !== 'as_requested') say(`${at}: a stage on request is due as requested`);
        if (deadline.within.kind === 'as_requested' && deadline.from !== 'request') say(`${at}: "as requested" needs a request to count from`);
        const amount = deadline.within.kind === 'hours' ? deadline.within.hours : deadline.within.kind === 'months' ? deadline.within.months : 1;
        if (!Number.isInteger(amount) || amount < 1) say(`${at}: the period must be a whole number above 0`);
      }
      seen.add(stage.id);
    }
  }

  const stageIds = new Set(regime.ruleSets.flatMap((r) => r.stages.map((s) => s.id)));
  for (const column of regime.registerColumns) {
    if (!stageIds.has(column.stage)) say(`register column "${column.header}" shows unknown stage "${column.stage}"`);
  }
  for (const stage of Object.keys(regime.drafts ?? {})) {
    if (!stageIds.has(stage)) say(`a draft is given for unknown stage "${stage}"`);
  }
  if (regime.drafts) {
    for (const lang of regime.languages.filter((l) => l !== 'en')) {
      const translated = regime.unconfirmedIn?.[lang];
      if (!translated || translated.length !== regime.unconfirmed.length) {
        say(`its drafts are in ${lang}, but unconfirmedIn.${lang} does not give each of the ${regime.unconfirmed.length} unconfirmed points`);
      }
    }
  }
  return problems;
}
