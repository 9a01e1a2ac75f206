// ENISA (2013), "Recommendations for a methodology of the assessment of severity of personal
// data breaches": SE = DPC × EI + CB.
import type { DataType, Identifiability } from './answers.js';
import {
  CONTEXT_RAISING_GROUPS,
  PROFILE_DATA_TYPES,
  baseScore,
} from './data-categories.js';
import { type Facts, disclosureJudgedPossible } from './facts.js';
import type { Language } from '../language.js';
import type { Severity, SeverityLevel } from './result.js';

/** ENISA ease of identification. */
export const EI_SCORES: Readonly<Record<Identifiability, number>> = {
  negligible: 0.25,
  limited: 0.5,
  significant: 0.75,
  maximum: 1,
};

export interface DpcExplained {
  dpc: number;
  base: number;
  /** The data type that set the base score. */
  baseType: DataType;
  raisedForContext: boolean;
  raisedForProfile: boolean;
  loweredForPublic: boolean;
}

export interface CbPart {
  /** The circumstance in words, for the reasons in each language. */
  what: Readonly<Record<Language, string>>;
  points: number;
}

export interface SeverityExplained extends Severity {
  dpcExplained: DpcExplained;
  /** EI was set to negligible because intact protection made the data unintelligible. */
  eiNeutralised: boolean;
  cbParts: readonly CbPart[];
}

/**
 * The severity of the breach over `types`: by default every kind of data, except that a breach
 * which only disclosed data leaves out the kinds its intact protection made unintelligible. The
 * disclosure side of a breach that also lost data passes the disclosed kinds only.
 */
export function computeSeverity(f: Facts, types: readonly DataType[] = severityTypes(f)): SeverityExplained {
  const dpcExplained = dataProcessingContext(f, types);
  const a = f.answers;
  // Intact protection makes the confidentiality part unintelligible (ENISA EI "negligible");
  // with availability or integrity also lost, the data as held are still identifiable.
  const eiNeutralised = f.confidentiality && !f.intelligible && !f.integrity && !f.availability;
  const ei = eiNeutralised ? EI_SCORES.negligible : EI_SCORES[a.identifiability];
  const cbParts = circumstances(f);
  const cb = cbParts.reduce((sum, p) => sum + p.points, 0);
  const score = dpcExplained.dpc * ei + cb;
  return {
    dpc: dpcExplained.dpc,
    ei,
    cb,
    score,
    level: severityLevel(score),
    dpcExplained,
    eiNeutralised,
    cbParts,
  };
}

export function severityLevel(score: number): SeverityLevel {
  if (score < 2) return 'low';
  if (score < 3) return 'medium';
  if (score < 4) return 'high';
  return 'very_high';
}

function severityTypes(f: Facts): readonly DataType[] {
  const disclosureOnly = !f.integrity && !f.availability;
  return disclosureOnly && f.intelligible ? f.disclosedTypes : f.answers.dataTypes;
}

function dataProcessingContext(f: Facts, types: readonly DataType[]): DpcExplained {
  const a = f.answers;
  let base = 0;
  let baseType: DataType = types[0] ?? 'basic_identity';
  for (const t of types) {
    const s = baseScore(t, a.credentialsGiveAccessTo);
    if (s > base) {
      base = s;
      baseType = t;
    }
  }
  base = Math.max(base, 1);
  // ENISA moves the score by whole steps for context, within 1..4.
  const raisedForContext = a.subjectGroups.some((g) => CONTEXT_RAISING_GROUPS.has(g));
  const raisedForProfile = new Set(types).size >= PROFILE_DATA_TYPES;
  const loweredForPublic = f.publicBefore;
  const moved = base + (raisedForContext ? 1 : 0) + (raisedForProfile ? 1 : 0) - (loweredForPublic ? 1 : 0);
  return {
    dpc: Math.min(4, Math.max(1, moved)),
    base,
    baseType,
    raisedForContext,
    raisedForProfile,
    loweredForPublic,
  };
}

function circumstances(f: Facts): CbPart[] {
  const a = f.answers;
  const parts: CbPart[] = [];
  // Confidentiality counts only when intelligible data were (or may have been) disclosed; ENISA
  // gives 0 for data exposed "without evidence of illegal processing", but a copy in unknown hands
  // counts as possibly disclosed (facts.ts, disclosureJudgedPossible).
  if (f.intelligible && disclosureJudgedPossible(f)) {
    const wide = f.recipients === 'unknown' || f.recipients === 'public';
    parts.push(
      wide
        ? {
            what: f.recipients === 'public'
              ? { en: 'made public', da: 'offentliggjort' }
              : { en: 'unknown recipients', da: 'ukendte modtagere' },
            points: 0.5,
          }
        : { what: { en: 'known recipients', da: 'kendte modtagere' }, points: 0.25 },
    );
  }
  if (f.integrity && a.alteration !== 'none') {
    parts.push(
      a.alteration === 'unrecoverable'
        ? { what: { en: 'altered beyond recovery', da: 'ændret uopretteligt' }, points: 0.5 }
        : { what: { en: 'altered, recoverable', da: 'ændret, kan genskabes' }, points: 0.25 },
    );
  }
  if (f.availability && a.unavailability !== 'none') {
    parts.push(
      a.unavailability === 'permanent'
        ? { what: { en: 'lost permanently', da: 'tabt for altid' }, points: 0.5 }
        : { what: { en: 'unavailable for a time', da: 'utilgængelige i en periode' }, points: 0.25 },
    );
  }
  if (f.malicious) parts.push({ what: { en: 'malicious intent', da: 'ondsindet hensigt' }, points: 0.5 });
  return parts;
}
