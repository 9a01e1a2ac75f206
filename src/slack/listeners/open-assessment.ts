import type { webApi } from '@slack/bolt';
import type { Db } from '../../db/client.js';
import { assessmentStart } from '../../flows/assessment.js';
import { assessmentModal } from '../views/assessment-modal.js';
import type { Breach } from '../../domain/breach/entity.js';

/**
 * Opens the risk questionnaire at step 1, with the answers it starts from (flows/assessment.ts).
 * Called right after ack(): the trigger expires three seconds after Slack sent it, so only one
 * indexed read comes before views.open, for the previous version's answers.
 */
export async function openAssessmentModal(client: webApi.WebClient, triggerId: string, db: Db, breach: Breach): Promise<void> {
  const answers = await assessmentStart(db, breach);
  await client.views.open({
    trigger_id: triggerId,
    view: assessmentModal({ breachId: breach.id, reference: breach.reference, step: 1, answers }),
  });
}

/** Why a breach cannot be assessed now, or null when it can. */
export function notAssessable(breach: Breach | undefined): string | null {
  if (!breach) return 'That breach no longer exists.';
  if (breach.closedAt) return `${breach.reference} is closed: its assessment is part of the record and can no longer change.`;
  return null;
}
