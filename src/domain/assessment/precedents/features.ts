// The facts a published breach example and a breach are compared on: the ones that decide the
// outcome under the rules (rules.ts), each on a small ordered scale so "how far apart" has a meaning.
import type { AssessmentAnswers, DataType } from '../answers.js';
import { CONTEXT_RAISING_GROUPS, FRAUD_ENABLING, isSpecialOrCriminal } from '../data-categories.js';
import { readFacts, restoredInGoodTime } from '../facts.js';

/** Ordered from least to most harmful; each list is a scale. */
export const DATA_CLASSES = ['simple', 'behavioural', 'income', 'fraud', 'special'] as const;
export const SCALES = ['one', 'few', 'hundreds', 'thousands', 'very_many'] as const;
export const REACHES = ['ruled_out', 'trusted', 'known', 'unknown', 'public'] as const;
export const PROTECTIONS = ['intact', 'partial', 'none'] as const;
export const LOSSES = ['brief', 'long', 'permanent'] as const;
export const EFFECTS = ['none', 'minor', 'significant', 'severe'] as const;

export type DataClass = (typeof DATA_CLASSES)[number];
export type Scale = (typeof SCALES)[number];
export type Reach = (typeof REACHES)[number];
export type ProtectionLevel = (typeof PROTECTIONS)[number];
export type Loss = (typeof LOSSES)[number];
export type Effect = (typeof EFFECTS)[number];

/**
 * A breach as the comparison sees it. `null` = not stated (a published example that does not say,
 * or a fact that does not apply): such a feature is neither counted as alike nor listed as a difference.
 */
export interface Features {
  processor: boolean;
  /** Data seen or taken (confidentiality). */
  disclosed: boolean;
  /** Data lost, unavailable or altered (availability or integrity). */
  lost: boolean;
  data: DataClass | null;
  /** The kinds of data, for the wording of a difference. */
  dataTypes: readonly DataType[] | null;
  vulnerable: boolean | null;
  scale: Scale | null;
  reach: Reach | null;
  protection: ProtectionLevel | null;
  loss: Loss | null;
  effect: Effect | null;
  malicious: boolean | null;
  /** A recipient bound to secrecy confirmed deleting or returning the data. */
  deletedByTrusted: boolean | null;
  /**
   * Beside a loss, a copy of the data is out of the organisation's control (a stolen device, data
   * exfiltrated) rather than only locked or lost where they were: whether a restore settles it.
   */
  copyOut: boolean | null;
}

/** The most harmful class among kinds of data: Art. 9/10, fraud-enabling, income, behavioural, simple. */
export function dataClass(types: readonly DataType[], opens: readonly DataType[] = []): DataClass {
  const all = types.includes('credentials') ? [...types, ...opens] : types;
  if (all.some(isSpecialOrCriminal)) return 'special';
  if (all.some((t) => FRAUD_ENABLING.has(t))) return 'fraud';
  if (all.includes('income')) return 'income';
  if (all.some((t) => t === 'location' || t === 'behavioural' || t === 'communications')) return 'behavioural';
  return 'simple';
}

export function scaleOf(count: number): Scale {
  if (count <= 1) return 'one';
  if (count < 100) return 'few';
  if (count < 1_000) return 'hundreds';
  if (count < 100_000) return 'thousands';
  return 'very_many';
}

/** The features of a breach from its answers, unknowns read as the assessment reads them. */
export function featuresOf(a: AssessmentAnswers): Features {
  const f = readFacts(a);
  const lost = f.integrity || f.availability;
  const reach: Reach | null = !f.confidentiality
    ? null
    : f.disclosure === 'ruled_out'
      ? 'ruled_out'
      : (f.recipients ?? 'unknown');
  return {
    processor: a.role === 'processor',
    disclosed: f.confidentiality,
    lost,
    data: dataClass(a.dataTypes, a.credentialsGiveAccessTo),
    dataTypes: a.dataTypes,
    vulnerable: a.subjectGroups.some((g) => CONTEXT_RAISING_GROUPS.has(g)),
    // An unknown number is not compared: the reasons already say it was assessed as the worse case.
    scale: a.subjectsCount === null ? null : scaleOf(a.subjectsCount),
    reach,
    protection: !f.confidentiality ? null : !f.intelligible ? 'intact' : f.partialProtection ? 'partial' : 'none',
    loss: !lost ? null : lossOf(a, restoredInGoodTime(f)),
    effect: lost ? a.impactOnPeople : null,
    malicious: a.malicious,
    deletedByTrusted: f.confidentiality ? a.recipientDeletedOrReturned && f.recipients === 'trusted' : null,
    copyOut: f.confidentiality && lost ? f.copyOutOfControl : null,
  };
}

function lossOf(a: AssessmentAnswers, inGoodTime: boolean): Loss {
  const forGood = a.unavailability === 'permanent' || a.alteration === 'unrecoverable';
  if (forGood) return 'permanent';
  return inGoodTime ? 'brief' : 'long';
}
