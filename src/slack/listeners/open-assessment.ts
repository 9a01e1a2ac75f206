import type { webApi } from '@slack/bolt';
import type { Db } from '../../db/client.js';
import type { AssessmentAnswers } from '../../domain/assessment/index.js';
import { prefillFromIncident } from '../../domain/assessment/from-facts.js';
import { readRecordedFacts } from '../../domain/breach/recorded-facts.js';
import { DEFAULT_LANGUAGES } from '../../domain/language.js';
import type { Role } from '../../domain/deadline.js';
import { latestAssessment } from '../../store/assessments.js';
import { assessmentModal } from '../views/assessment-modal.js';
import type { Breach } from '../../domain/breach/entity.js';

/**
 * Opens the risk questionnaire at step 1. Called right after ack(): the trigger expires three
 * seconds after Slack sent it, so only one indexed read comes before views.open, for the previous version's answers. Reassessing starts from them; a first
 * assessment starts from the role given when the breach was declared. Either way, what the recorded
 * kind of incident tells (a lost or stolen device: a copy of the data is out of our hands) fills
 * what is not answered yet.
 */
export async function openAssessmentModal(client: webApi.WebClient, triggerId: string, db: Db, breach: Breach): Promise<void> {
  const previous = await latestAssessment(db, breach.id);
  // The incident category is not a text, so the writing language does not matter for reading it.
  const { incidentCategory } = readRecordedFacts(breach.facts, DEFAULT_LANGUAGES.writing);
  const answers = prefillFromIncident(previous ? storedAsDraft(previous.answers) : { role: breach.role as Role }, incidentCategory);
  await client.views.open({
    trigger_id: triggerId,
    view: assessmentModal({ breachId: breach.id, reference: breach.reference, step: 1, answers }),
  });
}

/**
 * Answers stored before the question about what the protection covers have no such answer, which
 * means "every kind of data": say so explicitly, so the question shows every kind ticked.
 */
function storedAsDraft(stored: AssessmentAnswers): Partial<AssessmentAnswers> {
  return stored.protection === 'intact' && stored.protectedDataTypes === undefined ? { ...stored, protectedDataTypes: null } : stored;
}

/** Why a breach cannot be assessed now, or null when it can. */
export function notAssessable(breach: Breach | undefined): string | null {
  if (!breach) return 'That breach no longer exists.';
  if (breach.closedAt) return `${breach.reference} is closed: its assessment is part of the record and can no longer change.`;
  return null;
}
