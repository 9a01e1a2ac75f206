import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { announceRecording, checkRecording, recordFromForm } from '../../../flows/notifications.js';
import type { BotDeps } from '../../deps.js';
import { NOTICE_VIEWS } from '../../ids.js';
import { parseRecordMetadata, RECORD_FIELDS } from '../../views/record-modal.js';
import { readRecordForm } from '../../views/record-state.js';
import { submissionKey } from '../../views/submission-key.js';
import { decisionContext } from '../actions/assessment-decision.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * Record notification submitted. The access guard checks who again (a submission is a request of
 * its own, and a § 22 restriction needs the DPO); a refusal shows at the form's first field so
 * nothing typed is lost, and nothing is recorded.
 */
export function register(app: App, deps: BotDeps): void {
  app.view(NOTICE_VIEWS.record, async (args) => {
    const { ack, view, body, client } = args as Args;
    const meta = parseRecordMetadata(view.private_metadata);
    if (!meta) {
      await ack({ response_action: 'clear' });
      return;
    }
    const firstField = RECORD_FIELDS[meta.kind][0];
    const ctx = decisionContext(deps, client);
    const allowed = await checkRecording(ctx, meta.breachId, meta.kind);
    if (!allowed.ok) {
      await ack({ response_action: 'errors', errors: { [firstField]: allowed.message } });
      return;
    }
    const res = await recordFromForm(ctx, { breach: allowed.breach, userId: body.user.id, form: readRecordForm(meta.kind, view.state.values as never), submission: submissionKey(view) });
    if (!res.ok) {
      await ack({ response_action: 'errors', errors: res.errors });
      return;
    }
    await ack();
    deps.background.run(() => announceRecording(ctx, res.outcome));
  });
}
