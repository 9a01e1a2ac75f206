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
  // ENISA lists income under financial data (base 3) but scores financial data down when they give
  // no means to transact (its Annex A: a bank-customer letter 1, a day's transactions without
  // details 2). A salary or income figure reveals economic standing and enables no transaction.
  income: 2,
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
 * as "very serious", so the people must be told however small the likelihood. `income` (salary,
 * pensions) is not among them: it embarrasses, it does not open accounts. `financial` stays here
 * because it covers account numbers and, in answers stored before the split, income too.
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

/**
 * What people depend on a record for, when its loss or alteration can stop them getting it:
 * care (health records of patients and of anyone outside the workforce: a hospital, a pharmacy, a
 * care home), or benefits and legal rights (vulnerable people, citizens using a public service,
 * criminal-law records). Health data only about employees or job applicants are HR records.
 * WP250 Annex B example 8 (a hospital's records) and the seed case (return-centre residents
 * wrongly recorded absent, losing benefits) are of this kind.
 */
export type Dependence = 'care' | 'rights';

const WORKFORCE: ReadonlySet<SubjectGroup> = new Set<SubjectGroup>(['employees', 'job_applicants']);
const RIGHTS_GROUPS: ReadonlySet<SubjectGroup> = new Set<SubjectGroup>(['vulnerable', 'citizens']);

export function dependence(dataTypes: readonly DataType[], groups: readonly SubjectGroup[]): Dependence | null {
  const onlyWorkforce = groups.length > 0 && groups.every((g) => WORKFORCE.has(g));
  if (groups.includes('patients') || (dataTypes.includes('health') && !onlyWorkforce)) return 'care';
  if (groups.some((g) => RIGHTS_GROUPS.has(g)) || dataTypes.includes('criminal')) return 'rights';
  return null;
}
