// The questionnaire's answers: exactly the contract in spec/assessment.md.
// The value lists are `as const` tuples so the zod schema and the question catalogue
// are built from the same source as the types and cannot drift apart.

export const ROLES = ['controller', 'processor', 'joint_controller'] as const;
export type Role = (typeof ROLES)[number];

export const BREACH_TYPES = ['confidentiality', 'integrity', 'availability'] as const;
export type BreachType = (typeof BREACH_TYPES)[number];

export const SUBJECT_GROUPS = [
  'customers',
  'employees',
  'patients',
  'children',
  'students',
  'job_applicants',
  'users',
  'citizens',
  'vulnerable',
  'other',
] as const;
export type SubjectGroup = (typeof SUBJECT_GROUPS)[number];

export const DATA_TYPES = [
  'basic_identity',
  'contact',
  'national_id',
  'official_document',
  'financial',
  // Split from `financial` (issue 11): salary and income reveal economic standing but enable no
  // fraud. `financial` keeps its old meaning so stored answers recompute the same.
  'income',
  'payment_card',
  'credentials',
  'location',
  'behavioural',
  'communications',
  'employment',
  'education',
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
  'criminal',
] as const;
export type DataType = (typeof DATA_TYPES)[number];

export const IDENTIFIABILITY = ['negligible', 'limited', 'significant', 'maximum'] as const;
export type Identifiability = (typeof IDENTIFIABILITY)[number];

export const DISCLOSURES = ['confirmed', 'likely', 'unlikely', 'ruled_out'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

export const RECIPIENTS = ['trusted', 'known', 'unknown', 'public'] as const;
export type Recipients = (typeof RECIPIENTS)[number];

export const PROTECTIONS = ['intact', 'compromised', 'none'] as const;
export type Protection = (typeof PROTECTIONS)[number];

export const ALTERATIONS = ['none', 'recoverable', 'unrecoverable'] as const;
export type Alteration = (typeof ALTERATIONS)[number];

export const UNAVAILABILITIES = ['none', 'temporary', 'permanent'] as const;
export type Unavailability = (typeof UNAVAILABILITIES)[number];

export const IMPACTS = ['none', 'minor', 'significant', 'severe'] as const;
export type ImpactOnPeople = (typeof IMPACTS)[number];

export interface AssessmentAnswers {
  role: Role;
  breachTypes: BreachType[]; // at least one

  // who and what
  subjectsCount: number | null; // approximate number of people affected; null = unknown
  recordsCount: number | null; // approximate number of records; null = unknown
  subjectGroups: SubjectGroup[];
  dataTypes: DataType[]; // at least one
  credentialsGiveAccessTo: DataType[]; // when dataTypes has "credentials": what they open ([] otherwise)
  identifiability: Identifiability; // ENISA ease of identification
  /**
   * The same data were already public (true), were not (false), or it is not known (null: assessed
   * as the worse case, not public, so nothing is lowered for it). Answers stored before "not known"
   * existed hold a boolean and mean what they meant.
   */
  publiclyAvailableBefore: boolean | null;

  // confidentiality (null / defaults when breachTypes lacks it)
  disclosure: Disclosure | null;
  recipients: Recipients | null;
  recipientDeletedOrReturned: boolean; // a recipient bound to secrecy confirmed deletion or return
  protection: Protection; // intact = encryption/hashing to current standards, key or salt not compromised
  /**
   * Which of `dataTypes` the intact protection covers (hashes protect the passwords, not the names
   * beside them); null or absent = all of them, the meaning before this answer existed.
   */
  protectedDataTypes?: DataType[] | null;
  /**
   * A copy of the data is out of the organisation's control: the lost or stolen device or paper
   * itself, or a file sent or taken (true); the data stayed in its systems or premises, as with
   * ransomware that only encrypted them (false); not known (null: assessed as the worse case, out
   * of control). Asked when confidentiality is lost together with integrity or availability: a
   * backup that restores the data says nothing about a copy in someone else's hands. Absent in
   * answers stored before the question existed, and wherever it is not asked: read as false, the
   * meaning those answers had.
   */
  copyOutOfControl?: boolean | null;
  /**
   * The disclosure could put someone in physical danger: a protected (secret) address, a hiding
   * place, someone being searched for, sent to or seen by the person they are protected from
   * (true); it could not (false); not known (null: assessed as the worse case, it could). Asked when
   * confidentiality is lost. Absent in answers stored before the question existed, and wherever it
   * is not asked: read as false, the meaning those answers had.
   */
  physicalDanger?: boolean | null;

  // integrity and availability
  alteration: Alteration;
  unavailability: Unavailability;
  restoredWithinHours: number | null; // time until the data were available again; null = not yet or unknown
  impactOnPeople: ImpactOnPeople; // what the loss or alteration did to people

  /**
   * Theft, hacking, insider misuse, social engineering (true); an accident or error (false); not
   * known yet (null: assessed as the worse case, on purpose; early in a breach the cause is often
   * unclear, and a team made to pick yes or no would guess).
   */
  malicious: boolean | null;

  // Art. 34(3)
  measuresRemoveHighRisk: boolean; // measures since taken make the high risk no longer likely
  individualContactDisproportionate: boolean;
}

/** Every field of the answers, in questionnaire order. */
export type AnswerField = keyof AssessmentAnswers;
