import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { refreshCard } from '../../../flows/card.js';
import { recordDecisionsFromForm } from '../../../flows/regime-decisions.js';
import { grantedBreach } from '../../access/context.js';
import { regimeDecisionsReply } from '../../blocks/regime-decisions-reply.js';
import type { BotDeps } from '../../deps.js';
import { REGIME_DECISIONS } from '../../ids.js';
import { readRegimeDecisionsForm } from '../../views/regime-decisions-modal.js';
import { submissionKey } from '../../views/submission-key.js';
import { slackErrorCode } from '../../../web-api-error.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * The regime decisions submitted (issue 16). The access guard checks who again; the flow checks the
 * breach and the form, and a problem shows at its field with nothing recorded. Stored before the ack (once per submission); then the card is
 * refreshed and the channel told, unless nothing changed.
 */
export function register(app: App, deps: BotDeps): void {
  app.view(REGIME_DECISIONS.view, async (args) => {
    const { ack, view, body, client, context } = args as Args;
    const form = readRegimeDecisionsForm(view.state.values as never);
    const ctx = { db: deps.db, clock: deps.clock, config: deps.config };
    const res = await recordDecisionsFromForm(ctx, { breachId: grantedBreach(context).id, userId: body.user.id, form, submission: submissionKey(view) });
    if (!res.ok) return ack({ response_action: 'errors', errors: res.errors });
    await ack();
    const o = res.outcome;
    if (o.duplicate || o.changed.length === 0) return;
    deps.logger.info(`${o.breach.reference}: regime decisions (${o.changed.join(', ')}) recorded by ${body.user.id}`);
    deps.background.run(async () => {
      await refreshCard(deps, o.breach.id);
      if (!o.breach.channelId) return;
      await client.chat
        .postMessage({ channel: o.breach.channelId, ...regimeDecisionsReply(o, deps.config.timezone), unfurl_links: false })
        .catch((err) => deps.logger.warn(`could not announce the regime decisions on ${o.breach.reference}: ${slackErrorCode(err)}`));
    });
  });
}
