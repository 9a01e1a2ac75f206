/**
 * Section ids and headings, in both languages. The order of the arrays is the order in the drafts:
 * the authority notice follows the EDPB common notification template (notices.md §1), the
 * data-subject notice the seed notice and notices.md §2.
 */

import { TERMS, capitalise, type Bilingual } from './terms.js';

const fromTerm = (b: Bilingual): Bilingual => ({ en: capitalise(b.en), da: capitalise(b.da) });

export const REPORT_HEADINGS = {
  notification_type: { en: 'Type of notification', da: 'Anmeldelsestype' },
  about: { en: 'About this notice', da: 'Om denne meddelelse' },
  contacts: { en: 'Controller and contact details', da: 'Dataansvarlig og kontaktoplysninger' },
  processor_contacts: { en: 'Processor and contact details', da: 'Databehandler og kontaktoplysninger' },
  timeline: { en: 'Timeline', da: 'Tidsforløb' },
  delay: fromTerm(TERMS.reasonsForDelay),
  nature: { en: 'Nature of the breach', da: 'Bruddets karakter' },
  subjects_and_data: {
    en: 'Data subjects and personal data concerned',
    da: 'Berørte registrerede og personoplysninger',
  },
  measures_before: { en: 'Measures in place before the breach', da: 'Foranstaltninger før bruddet' },
  consequences_and_risk: {
    en: 'Likely consequences and risk assessment',
    da: 'Sandsynlige konsekvenser og risikovurdering',
  },
  consequences: { en: 'Consequences', da: 'Konsekvenser' },
  measures_taken: { en: 'Measures taken and proposed', da: 'Trufne og foreslåede foranstaltninger' },
  communication: fromTerm(TERMS.communicationToSubjects),
  other_authorities: {
    en: 'Other authorities and cross-border aspects',
    da: 'Andre myndigheder og grænseoverskridende forhold',
  },
  controller_decides: { en: 'Your decisions as controller', da: 'Den dataansvarliges beslutninger' },
} as const satisfies Record<string, Bilingual>;

export type ReportSectionId = keyof typeof REPORT_HEADINGS;

/** EDPB template order; `delay` is present only when the notification is late. */
export const AUTHORITY_SECTION_ORDER = [
  'notification_type', 'contacts', 'timeline', 'delay', 'nature', 'subjects_and_data',
  'measures_before', 'consequences_and_risk', 'measures_taken', 'communication', 'other_authorities',
] as const satisfies readonly ReportSectionId[];

/** The same headings as the authority notice, minus the controller's decisions (Art. 33(2)). */
export const PROCESSOR_SECTION_ORDER = [
  'about', 'processor_contacts', 'timeline', 'delay', 'nature', 'subjects_and_data',
  'measures_before', 'consequences', 'measures_taken', 'controller_decides',
] as const satisfies readonly ReportSectionId[];

export const SUBJECT_HEADINGS = {
  who_is_affected: { en: 'Who is affected?', da: 'Hvem er berørt?' },
  what_happened: { en: 'What happened to your information?', da: 'Hvad er der sket med dine oplysninger?' },
  data_involved: { en: 'Which information about you is involved?', da: 'Hvilke oplysninger om dig er berørt?' },
  who_may_have_seen: { en: 'Who may have seen your information?', da: 'Hvem kan have set dine oplysninger?' },
  consequences: { en: 'What could it mean for you?', da: 'Hvad kan det betyde for dig?' },
  what_we_did: { en: 'What have we done?', da: 'Hvad har vi gjort?' },
  what_you_can_do: { en: 'What can you do?', da: 'Hvad kan du selv gøre?' },
  questions: { en: 'Questions', da: 'Spørgsmål' },
} as const satisfies Record<string, Bilingual>;

export type SubjectSectionId = keyof typeof SUBJECT_HEADINGS;

/** notices.md §2; the public variant starts with who may be affected. */
export const SUBJECT_SECTION_ORDER = [
  'what_happened', 'data_involved', 'who_may_have_seen', 'consequences', 'what_we_did',
  'what_you_can_do', 'questions',
] as const satisfies readonly SubjectSectionId[];

export const PUBLIC_SUBJECT_SECTION_ORDER = [
  'who_is_affected', ...SUBJECT_SECTION_ORDER,
] as const satisfies readonly SubjectSectionId[];
