import type { App, BlockButtonAction } from '@slack/bolt';
import { draftRegimeStage } from '../../../flows/regime-drafts.js';
import { grantedBreach } from '../../access/context.js';
import { parseRegimeDraftValue } from '../../blocks/regime-drafts.js';
import type { BotDeps } from '../../deps.js';
import { REGIME_DRAFT } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { decisionContext } from '../decision-context.js';

/**
 * *Draft NIS2 early warning* (or another regime stage) on the card or a regime reminder (issue 16):
 * the same people as *Draft notices* (access/guard.ts; a draft changes nothing recorded). Acked at
 * once; the drafts are built and posted in the thread after, and only a problem is said to the
 * person who pressed.
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(REGIME_DRAFT.draft, async ({ ack, body, client, context }) => {
    await ack();
    const breachId = grantedBreach(context).id;
    // The guard found the breach in this value: the regime and the stage are the rest of it.
    const want = parseRegimeDraftValue(body.actions[0]?.value)!;
    deps.background.run(async () => {
      const reply = await draftRegimeStage(decisionContext(deps, client), breachId, body.user.id, want);
      if (reply) await replyOnlyTo(deps, client, body, reply);
    });
  });
}
