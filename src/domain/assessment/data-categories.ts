// How each kind of data weighs in the assessment.
import type { DataType, SubjectGroup } from './answers.js';

/**
 * ENISA (2013) base score of the data processing context, by data type:
 * simple 1, behavioural 2, financial 3, sensitive 4. Credentials are absent on purpose:
 * ENISA scores them as whatever they open (see `credentialsBase`).
 */
export const DPC_BASE: Readonly<Record<Exclude<DataType, 'credentials'>, 1 | 2 | 3 | 4>> = {
  basic_identity: 1,
  contact: 1,
  education: 1,
  employment: 1,
  location: 2,
  behavioural: 2,
  communications: 2,
  financial: 3,
  payment_card: 3,
  national_id: 3, // a Danish CPR number enables identity fraud
  official_document: 3, // passport or driving-licence copies enable identity fraud
  health: 4,
  genetic: 4,
  biometric: 4,
  racial_ethnic: 4,
  political: 4,
  religious: 4,
  philosophical: 4,
  trade_union: 4,
  sex_life: 4,
  sexual_orientation: 4,
  criminal: 4,
};

/**
 * What credentials whose reach is unknown, or that open other credentials (a password
 * vault), are scored as: accounts whose misuse enables fraud (ENISA "financial" level).
 */
export const CREDENTIALS_UNKNOWN_BASE = 3;

/** GDPR Art. 9(1) special categories. */
export const SPECIAL_CATEGORIES: ReadonlySet<DataType> = new Set<DataType>([
  'health',
  'genetic',
  'biometric',
  'racial_ethnic',
  'political',
  'religious',
  'philosophical',
  'trade_union',
  'sex_life',
  'sexual_orientation',
]);

/** GDPR Art. 10 data: treated like a special category (EDPB Guidelines 9/2022). */
export const CRIMINAL: DataType = 'criminal';

/**
 * Data whose disclosure can lead to identity theft or fraud: consequences Datatilsynet reads
 * as "very serious", so the people must be told however small the likelihood.
 */
export const FRAUD_ENABLING: ReadonlySet<DataType> = new Set<DataType>([
  'national_id',
  'official_document',
  'financial',
  'payment_card',
  'credentials',
]);

/**
 * Groups that raise the data processing context one step (ENISA): vulnerable people, and a
 * sensitive controller context such as a hospital (patients).
 */
export const CONTEXT_RAISING_GROUPS: ReadonlySet<SubjectGroup> = new Set<SubjectGroup>([
  'vulnerable',
  'children',
  'patients',
]);

/**
 * From this many kinds of data about each person, the set forms a profile (a CV, an
 * application, a customer file): ENISA's "large volume of data about each person" raises
 * the data processing context one step.
 */
export const PROFILE_DATA_TYPES = 4;

export function isSpecialOrCriminal(t: DataType): boolean {
  return SPECIAL_CATEGORIES.has(t) || t === CRIMINAL;
}

export function baseScore(t: DataType, opens: readonly DataType[]): number {
  if (t !== 'credentials') return DPC_BASE[t];
  return credentialsBase(opens);
}

/** Credentials score as the most sensitive data they open (ENISA). */
export function credentialsBase(opens: readonly DataType[]): number {
  let best = 0;
  for (const t of opens) {
    best = Math.max(best, t === 'credentials' ? CREDENTIALS_UNKNOWN_BASE : DPC_BASE[t]);
  }
  return best === 0 ? CREDENTIALS_UNKNOWN_BASE : best;
}
