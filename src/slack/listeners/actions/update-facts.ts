import type { App, BlockButtonAction } from '@slack/bolt';
import { readRecordedFacts } from '../../../domain/breach/recorded-facts.js';
import { isUuid } from '../../../store/assessments.js';
import { getBreach } from '../../../store/breaches.js';
import { getLanguageSettings } from '../../../store/settings.js';
import type { BotDeps } from '../../deps.js';
import { NOTICE_ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { factsModal } from '../../views/facts-modal.js';
import { slackErrorCode } from '../../web-api-error.js';

/** "Update facts" on the card: anyone in the channel; one indexed read, then the modal, inside the trigger's 3 s. */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(NOTICE_ACTIONS.updateFacts, async ({ ack, action, body, client, respond }) => {
    await ack();
    const [breach, languages] = await Promise.all([
      isUuid(action.value ?? '') ? getBreach(deps.db, action.value!) : undefined,
      getLanguageSettings(deps.db),
    ]);
    if (!breach) return replyOnlyTo(client, respond, body, 'That breach no longer exists.', deps.logger);
    if (breach.closedAt) return replyOnlyTo(client, respond, body, `${breach.reference} is closed: its facts are part of the record.`, deps.logger);
    await client.views.open({ trigger_id: body.trigger_id, view: factsModal(breach, readRecordedFacts(breach.facts, languages.writing), languages) }).catch(async (err) => {
      deps.logger.warn(`could not open the facts form: ${slackErrorCode(err)}`);
      await replyOnlyTo(client, respond, body, `:warning: I could not open the facts form (${slackErrorCode(err)}). Please press *Update facts* again.`, deps.logger);
    });
  });
}
