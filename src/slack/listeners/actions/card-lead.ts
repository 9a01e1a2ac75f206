import type { App, BlockAction, UsersSelectAction } from '@slack/bolt';
import { refreshCard } from '../../../flows/card.js';
import { nameLead } from '../../../flows/lead.js';
import { getBreachByChannel } from '../../../store/breaches.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { slackErrorCode } from '../../web-api-error.js';

/**
 * The card's "Breach lead" picker (issue 17): the same rules as `/breach lead` (flows/lead.ts).
 * Someone who may not name a lead, or picks a bot, is told why, and the card is refreshed so the
 * picker shows the real lead again.
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockAction<UsersSelectAction>>(ACTIONS.cardLead, async ({ ack, action, body, client, respond }) => {
    await ack();
    const breach = body.channel?.id ? await getBreachByChannel(deps.db, body.channel.id) : undefined;
    if (!breach) return replyOnlyTo(client, respond, body, 'That breach no longer exists.', deps.logger);
    const chosen = action.selected_user;
    let refused: string | null = null;
    if (!chosen) refused = 'Choose a person to lead the breach.';
    else {
      const info = await client.users.info({ user: chosen }).catch((err) => {
        deps.logger.warn(`could not look up the chosen lead: ${slackErrorCode(err)}`);
        return null;
      });
      if (!info?.user || info.user.deleted || info.user.is_bot) refused = 'The breach lead must be an active person in this workspace, not a bot.';
      else refused = await nameLead({ ...deps, client }, breach, body.user.id, chosen);
    }
    if (refused) {
      await replyOnlyTo(client, respond, body, refused, deps.logger);
      await refreshCard({ ...deps, client }, breach.id);
    }
  });
}
