import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { announceFacts, saveFactsFromForm } from '../../../flows/facts.js';
import type { BotDeps } from '../../deps.js';
import { NOTICE_VIEWS } from '../../ids.js';
import { breachIdFromMetadata } from '../../views/breach-metadata.js';
import { decisionContext } from '../actions/assessment-decision.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Update facts submitted: validated (errors at the field), stored with its event row, then the card and thread are told. */
export function register(app: App, deps: BotDeps): void {
  app.view(NOTICE_VIEWS.facts, async (args) => {
    const { ack, view, body, client } = args as Args;
    const breachId = breachIdFromMetadata(view.private_metadata);
    if (!breachId) {
      await ack({ response_action: 'errors', errors: { incidentCategory: 'This form is out of date; press Update facts again.' } });
      return;
    }
    const ctx = decisionContext(deps, client);
    const res = await saveFactsFromForm(ctx, { breachId, userId: body.user.id, values: view.state.values as never });
    if (!res.ok) {
      await ack({ response_action: 'errors', errors: res.errors });
      return;
    }
    await ack();
    deps.background.run(() => announceFacts(ctx, res.saved, body.user.id));
  });
}
