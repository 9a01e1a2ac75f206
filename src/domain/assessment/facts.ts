// The answers read as facts, with unknowns replaced by the worse case.
// assessment.md: "Unknown answers count against the controller: an unknown number of people or
// an unknown disclosure is assessed as the worse case, and the reasons say so."
import type { AssessmentAnswers, DataType, Disclosure, Recipients } from './answers.js';
import { type Dependence, FRAUD_ENABLING, dependence, isSpecialOrCriminal } from './data-categories.js';

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

/**
 * Records people depend on (care, benefits, legal rights) are back "in good time" only within a
 * day: WP250 Annex B example 8 (a hospital's records unavailable for 30 hours) is notifiable and
 * a high risk, while example 3 (a power cut of minutes) is not.
 */
export const DAY_HOURS = 24;

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
  /** The kinds of data an intact protection makes unintelligible ([] unless protection is intact). */
  readonly protectedTypes: readonly DataType[];
  /**
   * The kinds of data whose confidentiality is at stake, intelligible to whoever got them: every
   * kind not covered by intact protection ([] when confidentiality is not in question).
   */
  readonly disclosedTypes: readonly DataType[];
  /** Intact protection covers some of the data, not all: the rest are assessed as unprotected. */
  readonly partialProtection: boolean;
  /** Confidentiality in question and some data intelligible (not all covered by intact protection). */
  readonly intelligible: boolean;
  /**
   * Special-category and criminal data among the intelligible data themselves. Credentials that
   * open such data are caught by `fraud` (account takeover) and weigh in the DPC as what they open.
   */
  readonly special: readonly DataType[];
  /**
   * Health data were not among the data answered, but the people are patients and intelligible data
   * about them were disclosed: being a patient of a health service is itself health data (GDPR
   * Recital 35; CJEU C-184/20, data that indirectly reveal a special category are special-category
   * data; WP250 Annex B example 10, a psychotherapist's mailing list), so `special` holds "health".
   * Not when the people can hardly be identified (ENISA EI negligible): then nobody is revealed; and
   * not when health data were answered: then the answers, protection included, say what was revealed.
   */
  readonly healthRevealedByGroup: boolean;
  /** Intelligible data whose disclosure can enable identity theft or fraud, credentials included. */
  readonly fraud: readonly DataType[];
  /** What people depend on the records for (care, benefits or legal rights), if anything. */
  readonly dependence: Dependence | null;
  /** Credentials were answered without saying what they open. */
  readonly credentialsReachUnknown: boolean;
  /**
   * A copy of the data is out of the organisation's control (a lost or stolen device or paper, a
   * file sent or taken), as answered or, when unknown, as the worse case; false when confidentiality
   * is not in question, and when the question was not asked (answers stored before it existed).
   */
  readonly copyOutOfControl: boolean;
  /** Whether a copy left the organisation's control was unknown and is assessed as the worse case. */
  readonly copyOutOfControlAssumed: boolean;
  /**
   * The disclosure could put someone in physical danger (a protected address, a hiding place), as
   * answered or, when unknown, as the worse case; false when confidentiality is not in question or
   * the question was not asked (answers stored before it existed).
   */
  readonly physicalDanger: boolean;
  /** Whether the disclosure could put someone in physical danger was unknown: assessed as the worse case. */
  readonly physicalDangerAssumed: boolean;
  /** Done on purpose (theft, hacking, insider misuse), as answered or, when unknown, as the worse case. */
  readonly malicious: boolean;
  readonly maliciousAssumed: boolean;
  /** The same data were already public, as answered; unknown counts as not public (the worse case). */
  readonly publicBefore: boolean;
  readonly publicBeforeAssumed: boolean;
}

export function readFacts(a: AssessmentAnswers): Facts {
  const confidentiality = a.breachTypes.includes('confidentiality');
  const hasCredentials = a.dataTypes.includes('credentials');
  const direct = unique(a.dataTypes);
  const unknownCount = a.subjectsCount === null;
  const count = a.subjectsCount ?? Number.POSITIVE_INFINITY;
  const intact = confidentiality && a.protection === 'intact';
  // Null or absent: the protection covers every kind of data (the answer's meaning before issue 11).
  const covered = intact ? (a.protectedDataTypes ?? direct) : [];
  const protectedTypes = direct.filter((t) => covered.includes(t));
  const disclosedTypes = confidentiality ? direct.filter((t) => !protectedTypes.includes(t)) : [];
  const healthRevealedByGroup =
    disclosedTypes.length > 0 &&
    a.subjectGroups.includes('patients') &&
    a.identifiability !== 'negligible' &&
    !direct.includes('health');
  const special: DataType[] = disclosedTypes.filter(isSpecialOrCriminal);
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
    protectedTypes,
    disclosedTypes,
    partialProtection: intact && protectedTypes.length > 0 && disclosedTypes.length > 0,
    intelligible: disclosedTypes.length > 0,
    special: healthRevealedByGroup ? ['health', ...special] : special,
    healthRevealedByGroup,
    fraud: disclosedTypes.filter((t) => FRAUD_ENABLING.has(t)),
    dependence: dependence(direct, a.subjectGroups),
    credentialsReachUnknown: hasCredentials && a.credentialsGiveAccessTo.length === 0,
    // Absent: not asked, read as before the question existed (the data did not leave). Null: asked
    // and not known, assessed as the worse case (assessment.md: unknowns count against the controller).
    copyOutOfControl: confidentiality && (a.copyOutOfControl === true || a.copyOutOfControl === null),
    copyOutOfControlAssumed: confidentiality && a.copyOutOfControl === null,
    // Absent: not asked, read as before the question existed. Null: asked and not known, the worse case.
    physicalDanger: confidentiality && (a.physicalDanger === true || a.physicalDanger === null),
    physicalDangerAssumed: confidentiality && a.physicalDanger === null,
    malicious: a.malicious !== false,
    maliciousAssumed: a.malicious === null,
    publicBefore: a.publiclyAvailableBefore === true,
    publicBeforeAssumed: a.publiclyAvailableBefore === null,
  };
}

/** How long the data were unavailable or wrong; infinite when lost for good or not yet restored. */
export function lossHours(f: Facts): number {
  const a = f.answers;
  if (f.availability && a.unavailability === 'permanent') return Number.POSITIVE_INFINITY;
  if (f.integrity && a.alteration === 'unrecoverable') return Number.POSITIVE_INFINITY;
  return a.restoredWithinHours ?? Number.POSITIVE_INFINITY;
}

/** The data are gone for good: lost with no copy (availability) or altered beyond recovery (integrity). */
export function lostForGood(f: Facts): boolean {
  const a = f.answers;
  return (f.availability && a.unavailability === 'permanent') || (f.integrity && a.alteration === 'unrecoverable');
}

/**
 * Data lost or altered, and back and correct in good time: within 48 hours, or, for records people
 * depend on, in less than a day.
 */
export function restoredInGoodTime(f: Facts): boolean {
  if (!f.integrity && !f.availability) return false;
  const hours = lossHours(f);
  return f.dependence === null ? hours <= GOOD_TIME_HOURS : hours < DAY_HOURS;
}

/** The disclosure is confirmed, likely, or unknown (assessed as likely). */
export function dataLikelyDisclosed(f: Facts): boolean {
  return f.disclosure === 'confirmed' || f.disclosure === 'likely';
}

/**
 * Whether the disclosure is judged as a possible one: likely or confirmed, or "probably not seen"
 * while a copy is in unknown hands or public (a lost or stolen device or paper, an open server),
 * where nobody can show it was not seen (rules.ts, confidentiality rule 4b; EDPB 01/2021 cases 11
 * and 12). When the data also stayed in the organisation's systems and no copy left them (ransomware
 * that only encrypted), the attacker's hands are not a copy's: that case is judged by rule 4a.
 */
export function disclosureJudgedPossible(f: Facts): boolean {
  if (dataLikelyDisclosed(f)) return true;
  if (f.disclosure !== 'unlikely' || !(f.recipients === 'unknown' || f.recipients === 'public')) return false;
  return f.copyOutOfControl || (!f.integrity && !f.availability);
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
