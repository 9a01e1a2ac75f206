import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { checkOverride, proposedOutcome } from '../../../domain/decision.js';
import { announceDecision, checkDecision, decide } from '../../../flows/decision.js';
import type { BotDeps } from '../../deps.js';
import { ASSESSMENT } from '../../ids.js';
import { parseOverrideMetadata, readOverrideState } from '../../views/override-modal.js';
import { decisionContext } from '../decision-context.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * Override submitted: a different decision with a justification of at least 20 characters
 * (errors at the field). Access is checked again here, since a submission is a request of its own;
 * a refusal shows under the justification so the text written is not lost.
 */
export function register(app: App, deps: BotDeps): void {
  app.view(ASSESSMENT.overrideView, async (args) => {
    const { ack, view, body, client } = args as Args;
    const meta = parseOverrideMetadata(view.private_metadata);
    const ctx = decisionContext(deps, client);
    const allowed = meta ? await checkDecision(ctx, meta.assessmentId, body.user.id, 'overridden') : null;
    if (!allowed?.ok) {
      const message = allowed ? allowed.message : 'This form is out of date; press Override again.';
      await ack({ response_action: 'errors', errors: { justification: message } });
      return;
    }
    const check = checkOverride(readOverrideState(view.state.values as never), proposedOutcome(allowed.assessment.result));
    if (!check.ok) {
      await ack({ response_action: 'errors', errors: check.errors as Record<string, string> });
      return;
    }
    const where = meta?.channelId && meta.messageTs ? { channelId: meta.channelId, ts: meta.messageTs } : null;
    const res = await decide(ctx, { assessmentId: allowed.assessment.id, userId: body.user.id, kind: 'overridden', override: check.value });
    if (!res.ok) {
      await ack({ response_action: 'errors', errors: { justification: res.message } });
      return;
    }
    await ack();
    deps.background.run(() => announceDecision(ctx, res.recorded, where));
  });
}
