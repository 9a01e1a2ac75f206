import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { recordTimelineEntry } from '../../../flows/timeline.js';
import type { BotDeps } from '../../deps.js';
import { TIMELINE_ENTRY_VIEW } from '../../ids.js';
import { grantedBreach } from '../../access/context.js';
import { submissionKey } from '../../views/submission-key.js';
import { readTimelineEntry } from '../../views/timeline-entry-modal.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Timeline entry submitted: the guard checks who again; validated with errors at the field, stored once as an event (a replay adds nothing). */
export function register(app: App, deps: BotDeps): void {
  app.view(TIMELINE_ENTRY_VIEW, async (args) => {
    const { ack, view, body, client, context } = args as Args;
    const breachId = grantedBreach(context).id;
    const input = readTimelineEntry(view.state.values as never);
    const res = await recordTimelineEntry({ ...deps, client }, { breachId, userId: body.user.id, input, submission: submissionKey(view) });
    if (!res.ok) return ack({ response_action: 'errors', errors: res.errors as Record<string, string> });
    await ack();
  });
}
