/**
 * NoticeFacts: everything a notice draft may draw on, as the team has recorded it so far.
 *
 * Convention, used everywhere in the drafts:
 * - `undefined` or `null` (or a blank string) means "not recorded yet": the draft shows a placeholder
 *   where the notice needs it and counts it as a gap. It is never filled with a guess.
 * - An explicit empty list or `false` is a recorded answer ("none", "no") and is written as such.
 *
 * Times: every instant is an ISO 8601 string with an offset (what luxon's `toISO()` gives; the
 * database holds UTC). Strings keep the facts serialisable and comparable across modules; the
 * drafts format them in the zone the caller passes (default Europe/Copenhagen), because a notice is
 * plain text and cannot use Slack's per-reader `<!date>` tokens.
 */

import type { IncidentCategory } from '../breach/incident-category.js';

export type IsoInstant = string;

export type BreachRole = 'controller' | 'processor' | 'joint_controller';
export type BreachType = 'confidentiality' | 'integrity' | 'availability';

/** Same vocabulary as the assessment contract (assessment.md), so answers can be passed through. */
export type SubjectGroup =
  | 'customers' | 'employees' | 'patients' | 'children' | 'students'
  | 'job_applicants' | 'users' | 'citizens' | 'vulnerable' | 'other';

export type DataType =
  | 'basic_identity' | 'contact' | 'national_id' | 'official_document' | 'financial' | 'income'
  | 'payment_card' | 'credentials' | 'location' | 'behavioural' | 'communications'
  | 'employment' | 'education' | 'health' | 'genetic' | 'biometric' | 'racial_ethnic'
  | 'political' | 'religious' | 'philosophical' | 'trade_union' | 'sex_life'
  | 'sexual_orientation' | 'criminal';

/**
 * Structural copy of assessment.md's AssessmentResult, so this module does not depend on the
 * assessment module being present. Pass the effective result (accepted, or as overridden by the DPO).
 */
export interface AssessmentLike {
  severity: {
    dpc: number;
    ei: number;
    cb: number;
    score: number;
    level: 'low' | 'medium' | 'high' | 'very_high';
  };
  risk: 'unlikely' | 'risk' | 'high';
  notifyAuthority: boolean;
  notifyController: boolean;
  communicateToSubjects: 'no' | 'individual' | 'public';
  exemption: null | 'unintelligible' | 'measures_taken' | 'disproportionate_effort';
  /**
   * The decisive findings behind `risk`, each in both languages ({ en, da }: the engine writes every
   * finding in Danish too, assessment/reasons.ts), so each draft states them in its own language.
   * Only findings: never the engine's notes to the DPO (what to do, whom to tell, its arithmetic),
   * which are not statements to the authority.
   */
  reasons: Array<Readonly<Record<'en' | 'da', string>>>;
}

/**
 * How the decision in force came about. Accepted: the assessment's outcome is ours. Overridden:
 * the DPO decided otherwise, and the justification is the reason we give.
 */
export interface DecisionFacts {
  kind: 'accepted' | 'overridden';
  justification?: string | null;
}

export interface ContactPerson {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** The person reporting: a contact, with the function the EDPB template asks for. */
export interface Reporter extends ContactPerson {
  function?: string | null;
}

export interface OrganisationFacts {
  /** Our organisation: the controller, or the processor when our role is processor. */
  name?: string | null;
  cvr?: string | null;
  address?: string | null;
  dpo?: ContactPerson | null;
  /** The sector we work in, as the reporting form asks it. */
  sector?: string | null;
}

export type PartyRole = 'controller' | 'processor' | 'joint_controller' | 'sub_processor';

export interface OtherParty {
  name: string;
  role: PartyRole;
  contact?: string | null;
}

export interface CauseFacts {
  origin?: 'internal' | 'external' | null;
  malicious?: boolean | null;
  description?: string | null;
}

export interface SubjectFacts {
  groups?: SubjectGroup[] | null;
  /** Free text, e.g. "residents of the return centres". */
  description?: string | null;
  count?: number | null;
  countIsApproximate?: boolean | null;
}

export interface DataFacts {
  types?: DataType[] | null;
  /** Free text detail of the data, e.g. "entry and exit scans of access cards". */
  description?: string | null;
  /** What is not involved (subject notice only; optional, never a gap). */
  notInvolved?: string | null;
  recordsCount?: number | null;
  recordsCountIsApproximate?: boolean | null;
}

/**
 * How the data were protected, as the questionnaire answered it: encrypted or hashed to current
 * standards with the key safe (intact), encrypted with a key or method that is not safe
 * (compromised), or not at all (none). `covers`: the kinds of data an intact protection covers
 * when it covers only some of them; null = all.
 */
export interface DataProtectionFacts {
  state: 'intact' | 'compromised' | 'none';
  covers?: DataType[] | null;
}

/** Who may have seen the data, and how sure we are (assessment.md's `disclosure` vocabulary). */
export interface ExposureFacts {
  who?: string | null;
  /**
   * Who got, or could get, the data as the risk questionnaire answered it (assessment.md
   * `recipients`): stated where the team wrote no `who` of its own (from-breach.ts).
   */
  recipients?: 'trusted' | 'known' | 'unknown' | 'public' | null;
  status?: 'confirmed' | 'likely' | 'unlikely' | 'ruled_out' | null;
}

export interface NotificationState {
  type?: 'new' | 'follow_up' | null;
  /** The authority's (or our) reference of the earlier notification, for a follow-up. */
  earlierReference?: string | null;
  /** When the earlier notification was submitted: decides whether a follow-up is late. */
  earlierSubmittedAt?: IsoInstant | null;
  completeness?: 'complete' | 'initial' | null;
  /** When this notification was (or is recorded as going to be) submitted. */
  submittedAt?: IsoInstant | null;
  /** Datatilsynet item 12, for an initial notification: an ISO date/time, or free text. */
  supplementExpectedBy?: string | null;
}

export type CommunicationChannel =
  | 'email' | 'sms' | 'letter' | 'digital_post' | 'direct_message' | 'phone' | 'website' | 'media';

export type NoCommunicationReason =
  | 'not_high_risk'      // Art. 34(1) not met
  | 'unintelligible'     // Art. 34(3)(a)
  | 'measures_taken'     // Art. 34(3)(b)
  | 'restriction_s22'    // databeskyttelsesloven § 22, decided and recorded by the DPO
  | 'other';

export type CommunicationFacts =
  | {
      status: 'done';
      at?: IsoInstant | null;
      channels?: CommunicationChannel[] | null;
      count?: number | null;
      /** A public communication (Art. 34(3)(c)) rather than one to each person. */
      isPublic?: boolean | null;
    }
  | {
      status: 'planned';
      at?: IsoInstant | null;
      channels?: CommunicationChannel[] | null;
      isPublic?: boolean | null;
    }
  | {
      status: 'not_communicated';
      reason?: NoCommunicationReason | null;
      note?: string | null;
    };

export interface SubjectText {
  /** What happened, as told to them ("your information"). */
  whatHappened?: string | null;
  /** The cause in plain words. */
  cause?: string | null;
  /** What it could mean for them. */
  consequences?: string | null;
  /** What we have done, as told to them. */
  measures?: string | null;
  /** An optional apology. */
  apology?: string | null;
}

export interface SubjectAdvice {
  /** Concrete steps the team wants people to take, in the notice's language. */
  steps?: string[] | null;
  /** When there are no steps: why people need not do anything (as the seed notice says). */
  noActionReason?: string | null;
}

export interface OtherAuthoritiesFacts {
  police?: boolean | null;
  policeReference?: string | null;
  /** Other authorities informed; [] = none. */
  others?: string[] | null;
}

export interface CountryCountFacts {
  /** An ISO 3166-1 code of an EU/EEA country, or a name as recorded. */
  country: string;
  /** The number of people there; null = not known yet. */
  count?: number | null;
}

export interface CrossBorderFacts {
  involved?: boolean | null;
  countries?: CountryCountFacts[] | null;
}

export interface NoticeFacts {
  organisation?: OrganisationFacts | null;
  /** The person reporting. */
  reporter?: Reporter | null;
  /** Our breach reference, e.g. BR-2026-0042. */
  reference?: string | null;
  title?: string | null;
  /** What happened, in the team's words. */
  description?: string | null;
  awareAt?: IsoInstant | null;
  /** 'unknown' is a recorded answer ("not yet known"), unlike null. */
  startedAt?: IsoInstant | 'unknown' | null;
  endedAt?: IsoInstant | null;
  /** When the breach was detected, apart from when we became aware of it. */
  detectedAt?: IsoInstant | null;
  ongoing?: boolean | null;
  /** The EDPB template's incident category. */
  incidentCategory?: IncidentCategory | null;
  /** Whether the data were encrypted or otherwise unintelligible to whoever got them. */
  dataUnintelligible?: boolean | null;
  /**
   * The risk assessment's answer to the same question (assessment.md `protection`), stated where the
   * team recorded no `dataUnintelligible` (from-breach.ts): only for a breach of confidentiality,
   * where the questionnaire asks it.
   */
  dataProtection?: DataProtectionFacts | null;
  /** How it was discovered. */
  discovery?: string | null;
  role?: BreachRole | null;
  /** Processors, joint controllers, and (for our processor role) the controller; [] = none. */
  otherParties?: OtherParty[] | null;
  systems?: string[] | null;
  breachTypes?: BreachType[] | null;
  cause?: CauseFacts | null;
  subjects?: SubjectFacts | null;
  data?: DataFacts | null;
  exposure?: ExposureFacts | null;
  measuresBefore?: string[] | null;
  measuresTaken?: string[] | null;
  measuresProposed?: string[] | null;
  /** Measures to mitigate the possible adverse effects. */
  mitigation?: string[] | null;
  /** Consequences already seen (Datatilsynet item 5). */
  actualConsequences?: string | null;
  /** Likely consequences (Art. 33(3)(c), Datatilsynet item 6). */
  likelyConsequences?: string | null;
  /** The assessment in force: as accepted, or with the DPO's outcome when overridden. */
  assessment?: AssessmentLike | null;
  /** The recorded decision on the assessment; null while nobody has decided. */
  decision?: DecisionFacts | null;
  /** The deadline from the clock module. If absent, a controller's is derived as awareAt + 72 h. */
  deadline?: IsoInstant | null;
  notification?: NotificationState | null;
  delayReason?: string | null;
  communication?: CommunicationFacts | null;
  subjectAdvice?: SubjectAdvice | null;
  /** Why a public notice instead of contacting people one by one (public variant). */
  publicNoticeReason?: string | null;
  /** The notice to the people affected, in words written to them (never the internal wording). */
  subjectText?: SubjectText | null;
  otherAuthorities?: OtherAuthoritiesFacts | null;
  crossBorder?: CrossBorderFacts | null;
}
