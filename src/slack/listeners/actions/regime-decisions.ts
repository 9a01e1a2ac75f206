import type { App, BlockButtonAction } from '@slack/bolt';
import { checkRegimeDecisions } from '../../../flows/regime-decisions.js';
import { grantedBreach } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { REGIME_DECISIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { regimeDecisionsModal } from '../../views/regime-decisions-modal.js';
import { slackErrorCode } from '../../../web-api-error.js';

/**
 * "NIS2 decisions" on the card (issue 16): the access guard lets in those who may record the GDPR
 * decision (the DPO users and the breach lead); the form opens pre-filled with what is recorded.
 * A refusal is an ephemeral explanation and changes nothing.
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(REGIME_DECISIONS.open, async ({ ack, body, client, context }) => {
    await ack();
    const ctx = { db: deps.db, clock: deps.clock, config: deps.config };
    const allowed = await checkRegimeDecisions(ctx, grantedBreach(context).id);
    if (!allowed.ok) return replyOnlyTo(deps, client, body, allowed.message);
    await client.views.open({ trigger_id: body.trigger_id, view: regimeDecisionsModal(allowed.view) }).catch(async (err) => {
      deps.logger.warn(`could not open the regime decisions form: ${slackErrorCode(err)}`);
      await replyOnlyTo(deps, client, body, `:warning: I could not open the form (${slackErrorCode(err)}). Please press the button again.`);
    });
  });
}
