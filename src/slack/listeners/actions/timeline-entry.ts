import type { App } from '@slack/bolt';
import { checkTimelineEntry } from '../../../flows/timeline.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { timelineEntryModal } from '../../views/timeline-entry-modal.js';
import { slackErrorCode } from '../../web-api-error.js';
import type { CardActions } from './card-press.js';

/** "Add timeline entry" on the card: any member of the breach's channel, while the breach is open. */
export function register(_app: App, deps: BotDeps, card: CardActions): void {
  card.on(ACTIONS.addTimelineEntry, async ({ ack, breachId, body, client, respond }) => {
    await ack();
    const allowed = await checkTimelineEntry({ ...deps, client }, breachId, body.user.id);
    if (!allowed.ok) return replyOnlyTo(client, respond, body, allowed.message, deps.logger);
    const view = timelineEntryModal(allowed.breach, Math.floor(deps.clock.now().toSeconds()));
    await client.views.open({ trigger_id: body.trigger_id, view }).catch(async (err) => {
      deps.logger.warn(`could not open the timeline entry form: ${slackErrorCode(err)}`);
      await replyOnlyTo(client, respond, body, `:warning: I could not open the form (${slackErrorCode(err)}). Please press *Add timeline entry* again.`, deps.logger);
    });
  });
}
