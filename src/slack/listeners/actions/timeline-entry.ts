import type { App } from '@slack/bolt';
import { checkTimelineEntry } from '../../../flows/timeline.js';
import { grantedBreach } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { timelineEntryModal } from '../../views/timeline-entry-modal.js';
import { slackErrorCode } from '../../../web-api-error.js';
import type { CardActions } from './card-press.js';

/** "Add timeline entry" on the card: the breach's people (access/guard.ts), while the breach is open. */
export function register(_app: App, deps: BotDeps, card: CardActions): void {
  card.on(ACTIONS.addTimelineEntry, async ({ ack, body, client, context }) => {
    await ack();
    const allowed = await checkTimelineEntry({ ...deps, client }, grantedBreach(context).id);
    if (!allowed.ok) return replyOnlyTo(deps, client, body, allowed.message);
    const view = timelineEntryModal(allowed.breach, Math.floor(deps.clock.now().toSeconds()));
    await client.views.open({ trigger_id: body.trigger_id, view }).catch(async (err) => {
      deps.logger.warn(`could not open the timeline entry form: ${slackErrorCode(err)}`);
      await replyOnlyTo(deps, client, body, `:warning: I could not open the form (${slackErrorCode(err)}). Please press *Add timeline entry* again.`);
    });
  });
}
