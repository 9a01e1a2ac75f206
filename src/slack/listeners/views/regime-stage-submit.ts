import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { refreshCard } from '../../../flows/card.js';
import { checkStageRecording, recordStageFromForm } from '../../../flows/regimes.js';
import { grantedBreach } from '../../access/context.js';
import { regimeStageReply } from '../../blocks/regime-stage-reply.js';
import type { BotDeps } from '../../deps.js';
import { REGIME_STAGE } from '../../ids.js';
import { readRegimeStageForm } from '../../views/regime-stage-modal.js';
import { submissionKey } from '../../views/submission-key.js';
import { slackErrorCode } from '../../../web-api-error.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * A regime stage submitted (issue 16). The access guard checks who again (a submission is a request
 * of its own); a problem shows at its field and nothing is recorded. Stored before the ack (once per
 * submission: a replay records nothing twice); then the card is refreshed and the channel told.
 */
export function register(app: App, deps: BotDeps): void {
  app.view(REGIME_STAGE.view, async (args) => {
    const { ack, view, body, client, context } = args as Args;
    const ctx = { db: deps.db, clock: deps.clock, config: deps.config };
    const allowed = await checkStageRecording(ctx, grantedBreach(context).id, false);
    if (!allowed.ok) return ack({ response_action: 'errors', errors: { stage: allowed.message } });
    const res = await recordStageFromForm(ctx, {
      breach: allowed.breach,
      userId: body.user.id,
      form: readRegimeStageForm(view.state.values as never),
      submission: submissionKey(view),
    });
    if (!res.ok) return ack({ response_action: 'errors', errors: res.errors });
    await ack();
    const o = res.outcome;
    deps.logger.info(`${o.breach.reference}: ${o.clock.regime} ${o.clock.stage} recorded by ${body.user.id}`);
    deps.background.run(async () => {
      await refreshCard(deps, o.breach.id);
      if (o.duplicate || !o.breach.channelId) return;
      await client.chat
        .postMessage({ channel: o.breach.channelId, ...regimeStageReply(o, deps.config.timezone), unfurl_links: false })
        .catch((err) => deps.logger.warn(`could not announce a recorded report on ${o.breach.reference}: ${slackErrorCode(err)}`));
    });
  });
}
