import type { App } from '@slack/bolt';
import { checkClose } from '../../../flows/close.js';
import { grantedBreach } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { closeModal } from '../../views/close-modal.js';
import { slackErrorCode } from '../../../web-api-error.js';
import type { CardActions } from './card-press.js';

/**
 * "Close breach" on the card: the access guard checks who; here, whether the decision is recorded,
 * before the closing-note modal opens. A refusal is an ephemeral explanation and changes nothing.
 */
export function register(_app: App, deps: BotDeps, card: CardActions): void {
  card.on(ACTIONS.closeBreach, async ({ ack, body, client, context }) => {
    await ack();
    // A few indexed reads: inside the trigger's 3 s.
    const allowed = await checkClose({ ...deps, client }, grantedBreach(context).id);
    if (!allowed.ok) return replyOnlyTo(deps, client, body, allowed.message);
    await client.views.open({ trigger_id: body.trigger_id, view: closeModal(allowed.breach) }).catch(async (err) => {
      deps.logger.warn(`could not open the close form: ${slackErrorCode(err)}`);
      await replyOnlyTo(deps, client, body, `:warning: I could not open the close form (${slackErrorCode(err)}). Please press *Close breach* again.`);
    });
  });
}
