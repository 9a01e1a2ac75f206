import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { checkCloseNote } from '../../../domain/close.js';
import { announceClose, closeBreach } from '../../../flows/close.js';
import type { BotDeps } from '../../deps.js';
import { CLOSE_VIEW } from '../../ids.js';
import { grantedBreach } from '../../access/context.js';
import { readCloseNote } from '../../views/close-modal.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * Closing note submitted: the access guard checks who again (a submission is a request of its own),
 * and the recorded decision is checked again (the state may have changed since the modal opened); a
 * refusal shows under the note so the text written is not lost. Stored before the ack, announced after it.
 */
export function register(app: App, deps: BotDeps): void {
  app.view(CLOSE_VIEW, async (args) => {
    const { ack, view, body, client, context } = args as Args;
    const breachId = grantedBreach(context).id;
    const note = checkCloseNote(readCloseNote(view.state.values as never));
    if (!note.ok) return ack({ response_action: 'errors', errors: { note: note.error } });
    const ctx = { ...deps, client };
    const res = await closeBreach(ctx, { breachId, userId: body.user.id, note: note.value });
    if (!res.ok) return ack({ response_action: 'errors', errors: { note: res.message } });
    await ack();
    deps.logger.info(`${res.closed.breach.reference} closed by ${body.user.id}`);
    deps.background.run(() => announceClose(ctx, res.closed));
  });
}
