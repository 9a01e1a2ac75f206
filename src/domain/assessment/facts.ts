// The answers read as facts, with unknowns replaced by the worse case.
// assessment.md: "Unknown answers count against the controller: an unknown number of people or
// an unknown disclosure is assessed as the worse case, and the reasons say so."
import type { AssessmentAnswers, DataType, Disclosure, Recipients } from './answers.js';
import { FRAUD_ENABLING, isSpecialOrCriminal } from './data-categories.js';

/**
 * From this many people a disclosure cannot be treated as "unlikely to result in a risk":
 * WP250 (Annex B, example 10) makes notification obligatory when "a large number of
 * individuals are affected".
 */
export const LARGE_SCALE = 1_000;

/**
 * From this many people a disclosure's ENISA outcome is raised one step: at this scale even
 * consequences of moderate severity will reach some people in a serious form (WP250 IV.B:
 * "the higher the number of individuals affected, the greater the impact").
 */
export const VERY_LARGE_SCALE = 10_000;

/**
 * Availability restored within this many hours counts as "restored in good time" (EDPB
 * Guidelines 01/2021 case 01: a backup restored within hours, no effect on people). Case 02
 * (five days to restore) is well beyond it.
 */
export const GOOD_TIME_HOURS = 48;

export interface Facts {
  readonly answers: AssessmentAnswers;
  readonly confidentiality: boolean;
  readonly integrity: boolean;
  readonly availability: boolean;
  /** The disclosure as assessed; null when confidentiality is not in question. */
  readonly disclosure: Disclosure | null;
  /** The disclosure was unknown and is assessed as the worse case. */
  readonly disclosureAssumed: boolean;
  /** The recipients as assessed; null when confidentiality is not in question. */
  readonly recipients: Recipients | null;
  readonly recipientsAssumed: boolean;
  /** The number of people was unknown and is assessed as the worse case (a large number). */
  readonly subjectsUnknown: boolean;
  readonly largeScale: boolean;
  readonly veryLargeScale: boolean;
  /** Confidentiality in question and the data intelligible (protection not intact). */
  readonly intelligible: boolean;
  /**
   * Special-category and criminal data among the data themselves. Credentials that open such
   * data are caught by `fraud` (account takeover) and weigh in the DPC as what they open.
   */
  readonly special: readonly DataType[];
  /** Data whose disclosure can enable identity theft or fraud, credentials included. */
  readonly fraud: readonly DataType[];
  /** Credentials were answered without saying what they open. */
  readonly credentialsReachUnknown: boolean;
}

export function readFacts(a: AssessmentAnswers): Facts {
  const confidentiality = a.breachTypes.includes('confidentiality');
  const hasCredentials = a.dataTypes.includes('credentials');
  const direct = unique(a.dataTypes);
  const unknownCount = a.subjectsCount === null;
  const count = a.subjectsCount ?? Number.POSITIVE_INFINITY;
  return {
    answers: a,
    confidentiality,
    integrity: a.breachTypes.includes('integrity'),
    availability: a.breachTypes.includes('availability'),
    // Unknown disclosure: assessed as "likely" rather than "unlikely" (worse case).
    disclosure: confidentiality ? (a.disclosure ?? 'likely') : null,
    disclosureAssumed: confidentiality && a.disclosure === null,
    recipients: confidentiality ? (a.recipients ?? 'unknown') : null,
    recipientsAssumed: confidentiality && a.recipients === null,
    subjectsUnknown: unknownCount,
    largeScale: count >= LARGE_SCALE,
    veryLargeScale: count >= VERY_LARGE_SCALE,
    intelligible: confidentiality && a.protection !== 'intact',
    special: direct.filter(isSpecialOrCriminal),
    fraud: direct.filter((t) => FRAUD_ENABLING.has(t)),
    credentialsReachUnknown: hasCredentials && a.credentialsGiveAccessTo.length === 0,
  };
}

/** The disclosure is confirmed, likely, or unknown (assessed as likely). */
export function dataLikelyDisclosed(f: Facts): boolean {
  return f.disclosure === 'confirmed' || f.disclosure === 'likely';
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
