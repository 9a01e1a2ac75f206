/** Notice drafting: pure functions from recorded facts to plain-Markdown drafts (notices.md). */

export { draftAuthorityNotice } from './authority-notice.js';
export { draftProcessorNotice } from './processor-notice.js';
export { draftSubjectNotice, subjectVariantFor, type SubjectDraftOptions } from './subject-notice.js';
export type { DraftOptions } from './context.js';
export type { NoticeDraft, NoticeKind, NoticeSection } from './draft.js';
export type * from './facts.js';
export { FIELD_LABELS, type FieldKey } from './fields.js';
export { PLACEHOLDER_PATTERN, UNTRANSLATED_PATTERN, placeholder, untranslatedPlaceholder, type MissingField } from './placeholders.js';
export {
  FLESCH_WARN_BELOW, LIX_WARN_ABOVE, countSyllables, fleschReadingEase, lix, measureReadability,
  type Readability,
} from './readability.js';
export { effectiveDeadline, isNotificationLate, AUTHORITY_DEADLINE_HOURS } from './deadline.js';
export { DEFAULT_ZONE } from './format.js';
export { TERMS, term, type Bilingual, type Language } from './terms.js';
export {
  AUTHORITY_SECTION_ORDER, PROCESSOR_SECTION_ORDER, PUBLIC_SUBJECT_SECTION_ORDER, REPORT_HEADINGS,
  SUBJECT_HEADINGS, SUBJECT_SECTION_ORDER,
} from './headings.js';
export { DATATILSYNET } from './reference.js';
