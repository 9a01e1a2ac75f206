import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { recordTimelineEntry } from '../../../flows/timeline.js';
import type { BotDeps } from '../../deps.js';
import { TIMELINE_ENTRY_VIEW } from '../../ids.js';
import { breachIdFromMetadata } from '../../views/breach-metadata.js';
import { readTimelineEntry } from '../../views/timeline-entry-modal.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Timeline entry submitted: membership checked again, validated with errors at the field, stored as an event. */
export function register(app: App, deps: BotDeps): void {
  app.view(TIMELINE_ENTRY_VIEW, async (args) => {
    const { ack, view, body, client } = args as Args;
    const breachId = breachIdFromMetadata(view.private_metadata);
    if (!breachId) return ack({ response_action: 'errors', errors: { what: 'This form is out of date; press Add timeline entry on the card again.' } });
    const res = await recordTimelineEntry({ ...deps, client }, { breachId, userId: body.user.id, input: readTimelineEntry(view.state.values as never) });
    if (!res.ok) return ack({ response_action: 'errors', errors: res.errors as Record<string, string> });
    await ack();
  });
}
