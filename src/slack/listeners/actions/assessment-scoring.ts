import type { App, BlockButtonAction } from '@slack/bolt';
import { granted } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { ASSESSMENT } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { slackErrorCode } from '../../../web-api-error.js';
import { scoringModal } from '../../views/assessment-scoring.js';

/**
 * "Show the scoring" on an assessment result: the ENISA arithmetic in a modal. It shows breach
 * details, so the access guard has checked it as a read of the breach (src/slack/access/surfaces.ts):
 * the button's value is an assessment id anyone could put in a forged request.
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ASSESSMENT.scoring, async ({ ack, body, client, context }) => {
    await ack();
    const { assessment, breach } = granted(context);
    if (!assessment || !breach) return;
    await client.views.open({ trigger_id: body.trigger_id, view: scoringModal(breach.reference, assessment) }).catch(async (err) => {
      deps.logger.warn(`could not open the scoring: ${slackErrorCode(err)}`);
      await replyOnlyTo(deps, client, body, `:warning: I could not open the scoring (${slackErrorCode(err)}). Please press *Show the scoring* again.`);
    });
  });
}
