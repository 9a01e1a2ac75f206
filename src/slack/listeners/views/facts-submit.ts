import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { saveFactsFromForm } from '../../../flows/facts.js';
import { announceFacts } from '../../blocks/facts-announcement.js';
import type { BotDeps } from '../../deps.js';
import { NOTICE_VIEWS } from '../../ids.js';
import { grantedBreach } from '../../access/context.js';
import { readFactsState } from '../../views/facts-state.js';
import { submissionKey } from '../../views/submission-key.js';
import { decisionContext } from '../actions/assessment-decision.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Update facts submitted (the guard has checked who): validated (errors at the field), stored once with its event row, then the card and thread are told. */
export function register(app: App, deps: BotDeps): void {
  app.view(NOTICE_VIEWS.facts, async (args) => {
    const { ack, view, body, client, context } = args as Args;
    const breachId = grantedBreach(context).id;
    const ctx = decisionContext(deps, client);
    const res = await saveFactsFromForm(ctx, { breachId, userId: body.user.id, input: readFactsState(view.state.values as never), submission: submissionKey(view) });
    if (!res.ok) {
      await ack({ response_action: 'errors', errors: res.errors });
      return;
    }
    await ack();
    deps.background.run(() => announceFacts(ctx, res.saved, body.user.id));
  });
}
