import type { App } from '@slack/bolt';
import type { DraftRound } from '../../../domain/notices/draft-set.js';
import { draftNotices } from '../../../flows/notices.js';
import { grantedBreach } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { decisionContext } from './assessment-decision.js';
import type { CardActions, CardPressHandler } from './card-press.js';

/**
 * "Draft notices" on the card, and "Draft a Datatilsynet notice anyway" in its ⋯ menu: the breach's
 * people may draft (access/guard.ts; the drafts change nothing that is recorded). Acked at once;
 * drafting and posting run after, and only a problem or "no change" is said to the person who pressed.
 */
export function register(_app: App, deps: BotDeps, card: CardActions): void {
  const drafting = (round: DraftRound): CardPressHandler => async ({ ack, body, client, context }) => {
    await ack();
    const breachId = grantedBreach(context).id;
    deps.background.run(async () => {
      const reply = await draftNotices(decisionContext(deps, client), breachId, body.user.id, round);
      if (reply) await replyOnlyTo(deps, client, body, reply);
    });
  };
  card.on(ACTIONS.draftNotices, drafting('needed'));
  // In the card's ⋯ menu once the decision is that Datatilsynet need not be notified (issue 17).
  card.on(ACTIONS.draftAuthorityAnyway, drafting('authority_on_request'));
}
