import type { App, BlockButtonAction } from '@slack/bolt';
import { proposedOutcome } from '../../../domain/decision.js';
import { announceDecision, checkDecision, decide } from '../../../flows/decision.js';
import { granted } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { ASSESSMENT } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { slackErrorCode } from '../../../web-api-error.js';
import { overrideModal } from '../../views/override-modal.js';
import { decisionContext } from '../decision-context.js';

/** Kept here too: other listeners import it from this module. */
export { decisionContext };

/** Accept and Override on an assessment result (the access guard has checked who asks); refusals are ephemeral and change nothing. */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ASSESSMENT.accept, async ({ ack, body, client, context }) => {
    await ack();
    const where = resultMessage(body);
    const ctx = decisionContext(deps, client);
    const res = await decide(ctx, { assessmentId: granted(context).assessment!.id, userId: body.user.id, kind: 'accepted' });
    if (!res.ok) return replyOnlyTo(deps, client, body, res.message);
    if (res.recorded) await announceDecision(ctx, res.recorded, where);
  });

  app.action<BlockButtonAction>(ASSESSMENT.override, async ({ ack, body, client, context }) => {
    await ack();
    const ctx = decisionContext(deps, client);
    // A few indexed reads: well inside the trigger's 3 s.
    const allowed = await checkDecision(ctx, granted(context).assessment!.id, 'overridden');
    if (!allowed.ok) return replyOnlyTo(deps, client, body, allowed.message);
    const where = resultMessage(body);
    const { assessment, breach } = allowed;
    await client.views
      .open({
        trigger_id: body.trigger_id,
        view: overrideModal(
          { assessmentId: assessment.id, channelId: where?.channelId ?? null, messageTs: where?.ts ?? null },
          { reference: breach.reference, version: assessment.version, proposal: proposedOutcome(assessment.result) },
        ),
      })
      .catch(async (err) => {
        deps.logger.warn(`could not open the override form: ${slackErrorCode(err)}`);
        await replyOnlyTo(deps, client, body, `:warning: I could not open the override form (${slackErrorCode(err)}). Please press *Override* again.`);
      });
  });
}

function resultMessage(body: BlockButtonAction): { channelId: string; ts: string } | null {
  const ts = body.container?.message_ts ?? body.message?.ts;
  return body.channel?.id && typeof ts === 'string' ? { channelId: body.channel.id, ts } : null;
}
