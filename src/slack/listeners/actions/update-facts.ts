import type { App } from '@slack/bolt';
import { factsFormStart } from '../../../flows/facts.js';
import { isUuid } from '../../../store/assessments.js';
import { getBreach } from '../../../store/breaches.js';
import type { BotDeps } from '../../deps.js';
import { NOTICE_ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { factsModal } from '../../views/facts-modal.js';
import { slackErrorCode } from '../../web-api-error.js';
import type { CardActions } from './card-press.js';

/** "Update facts" on the card: anyone in the channel; one indexed read, then the modal, inside the trigger's 3 s. */
export function register(_app: App, deps: BotDeps, card: CardActions): void {
  card.on(NOTICE_ACTIONS.updateFacts, async ({ ack, breachId, body, client, respond }) => {
    await ack();
    const breach = isUuid(breachId) ? await getBreach(deps.db, breachId) : undefined;
    if (!breach) return replyOnlyTo(client, respond, body, 'That breach no longer exists.', deps.logger);
    if (breach.closedAt) return replyOnlyTo(client, respond, body, `${breach.reference} is closed: its facts are part of the record.`, deps.logger);
    await client.views.open({ trigger_id: body.trigger_id, view: factsModal(breach, await factsFormStart(deps.db, breach)) }).catch(async (err) => {
      deps.logger.warn(`could not open the facts form: ${slackErrorCode(err)}`);
      await replyOnlyTo(client, respond, body, `:warning: I could not open the facts form (${slackErrorCode(err)}). Please press *Update facts* again.`, deps.logger);
    });
  });
}
