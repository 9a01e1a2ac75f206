/**
 * The Danish/English term table of notices.md §3. Drafts take their legal wording from here so both
 * languages use the same, officially worded terms everywhere.
 */

import type { Language } from '../language.js';

/** The draft's language is the one domain type (language.ts), re-exported for the notice modules. */
export type { Language };

/** One text in both languages; every fixed text in the drafts has this shape. */
export type Bilingual = Readonly<Record<Language, string>>;

export const TERMS = {
  personalDataBreach: { en: 'personal data breach', da: 'brud på persondatasikkerheden' },
  notificationToAuthority: {
    en: 'notification to the authority',
    da: 'anmeldelse af brud på persondatasikkerheden til Datatilsynet',
  },
  communicationToSubjects: {
    en: 'communication to the data subjects',
    da: 'underretning af de registrerede',
  },
  controller: { en: 'controller', da: 'dataansvarlig' },
  processor: { en: 'processor', da: 'databehandler' },
  dataSubject: { en: 'data subject', da: 'den registrerede' },
  dataSubjects: { en: 'data subjects', da: 'de registrerede' },
  dpo: { en: 'data protection officer', da: 'databeskyttelsesrådgiver' },
  withoutUndueDelay: { en: 'without undue delay', da: 'uden unødig forsinkelse' },
  // Art. 33(1) in the Regulation's own words: "without undue delay and, where feasible, not later
  // than 72 hours after having become aware of it" / "uden unødig forsinkelse og om muligt senest
  // 72 timer, efter at den dataansvarlige er blevet bekendt med det" (notices.md §3: the comma goes
  // before the conjunction "efter at"). Always after withoutUndueDelay.
  within72Hours: {
    en: 'where feasible, not later than 72 hours after becoming aware',
    da: 'om muligt senest 72 timer, efter at den dataansvarlige er blevet bekendt med bruddet',
  },
  /** The same, addressed to the controller a processor writes to. */
  within72HoursOfYou: {
    en: 'where feasible, not later than 72 hours after becoming aware',
    da: 'om muligt senest 72 timer, efter at I er blevet bekendt med bruddet',
  },
  inPhases: { en: 'in phases', da: 'trinvist' },
  reasonsForDelay: { en: 'reasons for the delay', da: 'begrundelse for forsinkelsen' },
  highRisk: {
    en: 'high risk to the rights and freedoms of natural persons',
    da: 'høj risiko for fysiske personers rettigheder og frihedsrettigheder',
  },
  likelyConsequences: { en: 'likely consequences', da: 'sandsynlige konsekvenser' },
  mitigationMeasures: {
    en: 'measures to mitigate its possible adverse effects',
    da: 'foranstaltninger for at begrænse bruddets mulige skadevirkninger',
  },
  gdpr: { en: 'GDPR', da: 'databeskyttelsesforordningen' },
  dataProtectionAct: { en: 'Danish Data Protection Act', da: 'databeskyttelsesloven' },
} as const satisfies Record<string, Bilingual>;

export type TermKey = keyof typeof TERMS;

export function term(key: TermKey, lang: Language): string {
  return TERMS[key][lang];
}

/** Headings and sentence starts reuse lower-case terms. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
