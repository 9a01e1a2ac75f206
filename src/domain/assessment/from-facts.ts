// Answers the breach's recorded facts already give, so the questionnaire starts from them and
// nobody is asked twice (issue 11): the kind of incident recorded in the Declare or Update facts
// modal says, for some kinds, that a copy of the data left the organisation's control.
import type { IncidentCategory } from '../breach/incident-category.js';
import type { AssessmentAnswers } from './answers.js';

/**
 * Kinds of incident in which a copy of the data is, by what happened, in someone else's hands: the
 * lost or stolen device or paper itself (EDPB Guidelines 01/2021, cases 10 to 12), a mis-sent
 * e-mail or letter (cases 13 to 16), data published by mistake. The others (malware, hacking,
 * a system failure) say nothing either way: only the investigation can.
 */
const COPY_OUT_OF_CONTROL: ReadonlySet<IncidentCategory> = new Set<IncidentCategory>([
  'lost_or_stolen',
  'mis_sent',
  'published_by_mistake',
]);

/**
 * The answers to start the questionnaire from: `answers` (the previous assessment's, or none yet)
 * with what the recorded kind of incident tells. An answer already given is kept: the person may
 * have corrected it.
 */
export function prefillFromIncident(
  answers: Partial<AssessmentAnswers>,
  category: IncidentCategory | undefined,
): Partial<AssessmentAnswers> {
  if (answers.copyOutOfControl !== undefined || category === undefined || !COPY_OUT_OF_CONTROL.has(category)) return answers;
  return { ...answers, copyOutOfControl: true };
}
