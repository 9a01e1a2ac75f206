import type { App, BlockAction, UsersSelectAction } from '@slack/bolt';
import { refreshCard } from '../../../flows/card.js';
import { nameLead } from '../../../flows/lead.js';
import { granted } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { slackErrorCode } from '../../../web-api-error.js';

/**
 * The card's "Breach lead" picker (issue 17): the same rules as `/breach lead` (flows/lead.ts).
 * Someone who may not name a lead, or picks a bot, is told why, and the card is refreshed so the
 * picker shows the real lead again.
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockAction<UsersSelectAction>>(ACTIONS.cardLead, async ({ ack, action, body, client, context }) => {
    await ack();
    // The access guard found the breach of the card's channel and checked that this person may name a lead.
    const breach = granted(context).breach;
    if (!breach) return replyOnlyTo(deps, client, body, 'That breach no longer exists.');
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
      await replyOnlyTo(deps, client, body, refused);
      await refreshCard(deps, breach.id);
    }
  });
}
