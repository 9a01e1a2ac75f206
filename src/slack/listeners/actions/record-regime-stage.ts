import type { App, BlockButtonAction } from '@slack/bolt';
import { checkStageRecording, stageModalInput } from '../../../flows/regimes.js';
import { grantedBreach } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { REGIME_STAGE } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { regimeStageModal } from '../../views/regime-stage-modal.js';
import { slackErrorCode } from '../../../web-api-error.js';

/**
 * "Record a … report" on the card or a regime reminder (issue 16): the access guard lets in those who
 * may record the notification (the DPO users and the breach lead); here, whether a stage is left to
 * record. A refusal is an ephemeral explanation and changes nothing.
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(REGIME_STAGE.record, async ({ ack, body, client, context }) => {
    await ack();
    const ctx = { db: deps.db, clock: deps.clock, config: deps.config };
    const allowed = await checkStageRecording(ctx, grantedBreach(context).id);
    if (!allowed.ok) return replyOnlyTo(deps, client, body, allowed.message);
    const view = regimeStageModal(await stageModalInput(ctx, allowed.breach));
    await client.views.open({ trigger_id: body.trigger_id, view }).catch(async (err) => {
      deps.logger.warn(`could not open the report form: ${slackErrorCode(err)}`);
      await replyOnlyTo(deps, client, body, `:warning: I could not open the form (${slackErrorCode(err)}). Please press *Record a report* again.`);
    });
  });
}
