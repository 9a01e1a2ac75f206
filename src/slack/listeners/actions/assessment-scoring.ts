import type { App, BlockButtonAction } from '@slack/bolt';
import { getAssessment, isUuid } from '../../../store/assessments.js';
import { getBreach } from '../../../store/breaches.js';
import type { BotDeps } from '../../deps.js';
import { ASSESSMENT } from '../../ids.js';
import { canSeeBreach } from '../../membership.js';
import { replyOnlyTo } from '../../reply-only.js';
import { slackErrorCode } from '../../web-api-error.js';
import { scoringModal } from '../../views/assessment-scoring.js';

/**
 * "Show the scoring" on an assessment result: the ENISA arithmetic in a modal. Breach details are
 * for the members of its private channel only (product.md "Access"), checked on the server: the
 * button's value is an assessment id anyone could put in a forged request.
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ASSESSMENT.scoring, async ({ ack, action, body, client, respond }) => {
    await ack();
    const id = action.value ?? '';
    const assessment = isUuid(id) ? await getAssessment(deps.db, id) : undefined;
    const breach = assessment && (await getBreach(deps.db, assessment.breachId));
    // A missing assessment and a refused one read the same, so the answer reveals nothing.
    if (!assessment || !breach || !(await canSeeBreach(client, breach.channelId, body.user.id))) {
      await replyOnlyTo(client, respond, body, 'Only members of the breach’s channel can see how its assessment was scored.', deps.logger);
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: scoringModal(breach.reference, assessment) }).catch(async (err) => {
      deps.logger.warn(`could not open the scoring: ${slackErrorCode(err)}`);
      await replyOnlyTo(client, respond, body, `:warning: I could not open the scoring (${slackErrorCode(err)}). Please press *Show the scoring* again.`, deps.logger);
    });
  });
}
