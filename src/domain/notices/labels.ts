/** Labels for the enumerated facts, in both languages (free text is always passed through as typed). */

import type {
  BreachRole, BreachType, CommunicationChannel, DataType, NoCommunicationReason, PartyRole,
  SubjectGroup, AssessmentLike,
} from './facts.js';
import { TERMS, type Bilingual } from './terms.js';

export const ROLE_LABELS: Record<BreachRole, Bilingual> = {
  controller: { en: 'controller', da: 'dataansvarlig' },
  processor: { en: 'processor', da: 'databehandler' },
  joint_controller: { en: 'joint controller', da: 'fælles dataansvarlig' },
};

export const PARTY_ROLE_LABELS: Record<PartyRole, Bilingual> = {
  ...ROLE_LABELS,
  sub_processor: { en: 'sub-processor', da: 'underdatabehandler' },
};

export const BREACH_TYPE_LABELS: Record<BreachType, Bilingual> = {
  confidentiality: {
    en: 'confidentiality (unauthorised or accidental disclosure of, or access to, personal data)',
    da: 'fortrolighed (uautoriseret eller hændelig videregivelse af eller adgang til personoplysninger)',
  },
  integrity: {
    en: 'integrity (unauthorised or accidental alteration of personal data)',
    da: 'integritet (uautoriseret eller hændelig ændring af personoplysninger)',
  },
  availability: {
    en: 'availability (accidental or unauthorised loss of access to, or destruction of, personal data)',
    da: 'tilgængelighed (hændeligt eller uautoriseret tab af adgang til eller tilintetgørelse af personoplysninger)',
  },
};

export const SUBJECT_GROUP_LABELS: Record<SubjectGroup, Bilingual> = {
  customers: { en: 'customers', da: 'kunder' },
  employees: { en: 'employees', da: 'medarbejdere' },
  patients: { en: 'patients', da: 'patienter' },
  children: { en: 'children', da: 'børn' },
  students: { en: 'students', da: 'elever og studerende' },
  job_applicants: { en: 'job applicants', da: 'jobansøgere' },
  users: { en: 'users', da: 'brugere' },
  citizens: { en: 'citizens', da: 'borgere' },
  vulnerable: { en: 'vulnerable people', da: 'sårbare personer' },
  other: { en: 'other data subjects', da: 'andre registrerede' },
};

export const DATA_TYPE_LABELS: Record<DataType, Bilingual> = {
  basic_identity: { en: 'name and other identity details', da: 'navn og andre identitetsoplysninger' },
  contact: { en: 'contact details', da: 'kontaktoplysninger' },
  national_id: { en: 'CPR number (national identification number)', da: 'CPR-nummer' },
  official_document: { en: 'copies of official documents', da: 'kopier af officielle dokumenter' },
  financial: { en: 'financial information', da: 'økonomiske oplysninger' },
  income: { en: 'income and salary information', da: 'oplysninger om indkomst og løn' },
  payment_card: { en: 'payment card details', da: 'betalingskortoplysninger' },
  credentials: { en: 'usernames and passwords', da: 'brugernavne og adgangskoder' },
  location: { en: 'location data', da: 'lokaliseringsdata' },
  behavioural: { en: 'information about habits and behaviour', da: 'oplysninger om vaner og adfærd' },
  communications: { en: 'communications and their metadata', da: 'kommunikation og metadata om den' },
  employment: { en: 'employment information', da: 'ansættelsesoplysninger' },
  education: { en: 'education information', da: 'uddannelsesoplysninger' },
  health: { en: 'health information', da: 'helbredsoplysninger' },
  genetic: { en: 'genetic data', da: 'genetiske data' },
  biometric: { en: 'biometric data', da: 'biometriske data' },
  // The Regulation's Danish wording (art. 9, stk. 1).
  racial_ethnic: { en: 'racial or ethnic origin', da: 'racemæssig eller etnisk oprindelse' },
  political: { en: 'political opinions', da: 'politisk overbevisning' },
  religious: { en: 'religious beliefs', da: 'religiøs overbevisning' },
  philosophical: { en: 'philosophical beliefs', da: 'filosofisk overbevisning' },
  trade_union: { en: 'trade union membership', da: 'fagforeningsmæssigt tilhørsforhold' },
  sex_life: { en: 'information about sex life', da: 'oplysninger om seksuelle forhold' },
  sexual_orientation: { en: 'sexual orientation', da: 'seksuel orientering' },
  criminal: { en: 'information about criminal offences', da: 'oplysninger om strafbare forhold' },
};

/** Art. 9 special categories and Art. 10 criminal data: flagged in the authority notice. */
export const SPECIAL_DATA_TYPES: ReadonlySet<DataType> = new Set<DataType>([
  'health', 'genetic', 'biometric', 'racial_ethnic', 'political', 'religious', 'philosophical',
  'trade_union', 'sex_life', 'sexual_orientation', 'criminal',
]);

export const CHANNEL_LABELS: Record<CommunicationChannel, Bilingual> = {
  email: { en: 'e-mail', da: 'e-mail' },
  sms: { en: 'SMS', da: 'sms' },
  letter: { en: 'letter', da: 'brev' },
  digital_post: { en: 'Digital Post', da: 'Digital Post' },
  direct_message: { en: 'direct message', da: 'direkte besked' },
  phone: { en: 'phone', da: 'telefon' },
  website: { en: 'our website', da: 'vores hjemmeside' },
  media: { en: 'the media', da: 'medierne' },
};

export const NO_COMMUNICATION_LABELS: Record<NoCommunicationReason, Bilingual> = {
  not_high_risk: {
    en: 'the breach is not likely to result in a high risk to the rights and freedoms of natural persons (Art. 34(1) GDPR)',
    // Written after "fordi": a subordinate clause, so the adverbs come before the verb.
    da: 'bruddet sandsynligvis ikke indebærer en høj risiko for fysiske personers rettigheder og frihedsrettigheder (databeskyttelsesforordningens art. 34, stk. 1)',
  },
  unintelligible: {
    en: 'the data were protected so that they are unintelligible to anyone not authorised to access them, e.g. by encryption (Art. 34(3)(a) GDPR)',
    da: 'oplysningerne var beskyttet, så de er uforståelige for uvedkommende, f.eks. ved kryptering (databeskyttelsesforordningens art. 34, stk. 3, litra a)',
  },
  measures_taken: {
    en: 'measures taken since ensure that the high risk is no longer likely to materialise (Art. 34(3)(b) GDPR)',
    // Art. 34, stk. 3, litra b, in the Regulation's words: "sandsynligvis ikke længere er en realitet".
    da: 'efterfølgende foranstaltninger sikrer, at den høje risiko sandsynligvis ikke længere er en realitet (databeskyttelsesforordningens art. 34, stk. 3, litra b)',
  },
  restriction_s22: {
    en: 'a restriction under section 22 of the Danish Data Protection Act applies',
    da: 'underretningen er undtaget efter databeskyttelseslovens § 22',
  },
  // Not written after "because": the communication section gives our reasoning in our own words.
  other: { en: 'of our reasoning below', da: 'vores begrundelse nedenfor' },
};

export const RISK_LABELS: Record<AssessmentLike['risk'], Bilingual> = {
  unlikely: {
    en: 'unlikely to result in a risk to the rights and freedoms of natural persons',
    da: 'indebærer sandsynligvis ikke en risiko for fysiske personers rettigheder og frihedsrettigheder',
  },
  risk: {
    en: 'likely to result in a risk to the rights and freedoms of natural persons',
    da: 'indebærer sandsynligvis en risiko for fysiske personers rettigheder og frihedsrettigheder',
  },
  // The term table's wording of "high risk" (notices.md §3).
  high: {
    en: `likely to result in a ${TERMS.highRisk.en}`,
    da: `indebærer sandsynligvis en ${TERMS.highRisk.da}`,
  },
};

export const LEVEL_LABELS: Record<AssessmentLike['severity']['level'], Bilingual> = {
  low: { en: 'low', da: 'lav' },
  medium: { en: 'medium', da: 'middel' },
  high: { en: 'high', da: 'høj' },
  very_high: { en: 'very high', da: 'meget høj' },
};

export const YES_NO: Record<'yes' | 'no', Bilingual> = {
  yes: { en: 'yes', da: 'ja' },
  no: { en: 'no', da: 'nej' },
};
