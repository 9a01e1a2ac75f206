import type { App } from '@slack/bolt';
import { checkClose } from '../../../flows/close.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { closeModal } from '../../views/close-modal.js';
import { slackErrorCode } from '../../web-api-error.js';
import type { CardActions } from './card-press.js';

/**
 * "Close breach" on the card: checked on the server (who, and whether the decision is recorded)
 * before the closing-note modal opens; a refusal is an ephemeral explanation and changes nothing.
 */
export function register(_app: App, deps: BotDeps, card: CardActions): void {
  card.on(ACTIONS.closeBreach, async ({ ack, breachId, body, client, respond }) => {
    await ack();
    // A few indexed reads (users.info only for someone neither DPO nor lead): inside the trigger's 3 s.
    const allowed = await checkClose({ ...deps, client }, breachId, body.user.id);
    if (!allowed.ok) return replyOnlyTo(client, respond, body, allowed.message, deps.logger);
    await client.views.open({ trigger_id: body.trigger_id, view: closeModal(allowed.breach) }).catch(async (err) => {
      deps.logger.warn(`could not open the close form: ${slackErrorCode(err)}`);
      await replyOnlyTo(client, respond, body, `:warning: I could not open the close form (${slackErrorCode(err)}). Please press *Close breach* again.`, deps.logger);
    });
  });
}
