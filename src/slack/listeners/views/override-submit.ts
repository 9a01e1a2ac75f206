import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { checkOverride, proposedOutcome } from '../../../domain/decision.js';
import { announceDecision, checkDecision, decide } from '../../../flows/decision.js';
import type { BotDeps } from '../../deps.js';
import { ASSESSMENT } from '../../ids.js';
import { parseOverrideMetadata, readOverrideState } from '../../views/override-modal.js';
import { granted } from '../../access/context.js';
import { submissionKey } from '../../views/submission-key.js';
import { decisionContext } from '../decision-context.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * Override submitted: a different decision with a justification of at least 20 characters
 * (errors at the field). The access guard checks who again, since a submission is a request of its
 * own; a refusal shows under the justification so the text written is not lost. A replay of the
 * same submission records once (its request key).
 */
export function register(app: App, deps: BotDeps): void {
  app.view(ASSESSMENT.overrideView, async (args) => {
    const { ack, view, body, client, context } = args as Args;
    const meta = parseOverrideMetadata(view.private_metadata);
    const ctx = decisionContext(deps, client);
    const allowed = await checkDecision(ctx, granted(context).assessment!.id, 'overridden');
    if (!allowed.ok) {
      await ack({ response_action: 'errors', errors: { justification: allowed.message } });
      return;
    }
    const check = checkOverride(readOverrideState(view.state.values as never), proposedOutcome(allowed.assessment.result));
    if (!check.ok) {
      await ack({ response_action: 'errors', errors: check.errors as Record<string, string> });
      return;
    }
    const where = meta?.channelId && meta.messageTs ? { channelId: meta.channelId, ts: meta.messageTs } : null;
    const res = await decide(ctx, { assessmentId: allowed.assessment.id, userId: body.user.id, kind: 'overridden', override: check.value, submission: submissionKey(view) });
    if (!res.ok) {
      await ack({ response_action: 'errors', errors: { justification: res.message } });
      return;
    }
    await ack();
    const recorded = res.recorded;
    if (recorded) deps.background.run(() => announceDecision(ctx, recorded, where));
  });
}
