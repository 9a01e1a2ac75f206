import type { App } from '@slack/bolt';
import { factsFormStart } from '../../../flows/facts.js';
import { grantedBreach } from '../../access/context.js';
import { getLanguageSettings } from '../../../store/settings.js';
import type { BotDeps } from '../../deps.js';
import { NOTICE_ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { factsModal } from '../../views/facts-modal.js';
import { slackErrorCode } from '../../web-api-error.js';
import type { CardActions } from './card-press.js';

/** "Update facts" on the card: the breach's people (access/guard.ts, which read the breach); then the modal, inside the trigger's 3 s. */
export function register(_app: App, deps: BotDeps, card: CardActions): void {
  card.on(NOTICE_ACTIONS.updateFacts, async ({ ack, body, client, context }) => {
    await ack();
    const breach = grantedBreach(context);
    if (breach.closedAt) return replyOnlyTo(deps, client, body, `${breach.reference} is closed: its facts are part of the record.`);
    const languages = await getLanguageSettings(deps.db);
    await client.views.open({ trigger_id: body.trigger_id, view: factsModal(breach, await factsFormStart(deps.db, breach, languages.writing), languages) }).catch(async (err) => {
      deps.logger.warn(`could not open the facts form: ${slackErrorCode(err)}`);
      await replyOnlyTo(deps, client, body, `:warning: I could not open the facts form (${slackErrorCode(err)}). Please press *Update facts* again.`);
    });
  });
}
