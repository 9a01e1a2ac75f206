import type { App } from '@slack/bolt';
import { draftNotices } from '../../../flows/notices.js';
import { grantedBreach } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { decisionContext } from './assessment-decision.js';
import type { CardActions } from './card-press.js';

/**
 * "Draft notices" on the card: the breach's people may draft (access/guard.ts; the drafts change
 * nothing that is recorded). Acked at once; drafting and posting run after, and only a problem or
 * "no change" is said to the person who pressed.
 */
export function register(_app: App, deps: BotDeps, card: CardActions): void {
  card.on(ACTIONS.draftNotices, async ({ ack, body, client, context }) => {
    await ack();
    const breachId = grantedBreach(context).id;
    deps.background.run(async () => {
      const reply = await draftNotices(decisionContext(deps, client), breachId, body.user.id);
      if (reply) await replyOnlyTo(deps, client, body, reply);
    });
  });
}
