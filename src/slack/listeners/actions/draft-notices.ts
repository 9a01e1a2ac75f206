import type { App, BlockButtonAction } from '@slack/bolt';
import { draftNotices } from '../../../flows/notices.js';
import { isUuid } from '../../../store/assessments.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { decisionContext } from './assessment-decision.js';

/**
 * "Draft notices" on the card: anyone in the channel may draft (the drafts change nothing that is
 * recorded). Acked at once; drafting and posting run after, and only a problem or "no change" is
 * said to the person who pressed.
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTIONS.draftNotices, async ({ ack, action, body, client, respond }) => {
    await ack();
    const breachId = action.value ?? '';
    if (!isUuid(breachId)) return replyOnlyTo(client, respond, body, 'That breach no longer exists.', deps.logger);
    deps.background.run(async () => {
      const reply = await draftNotices(decisionContext(deps, client), breachId, body.user.id);
      if (reply) await replyOnlyTo(client, respond, body, reply, deps.logger);
    });
  });
}
