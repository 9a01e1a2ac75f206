import type { App, BlockAction, RadioButtonsAction } from '@slack/bolt';
import { RECORD_KINDS, type RecordKind } from '../../../domain/notification-form.js';
import { checkRecording, recordModalInput } from '../../../flows/notifications.js';
import { grantedBreach } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS, NOTICE_ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { parseRecordMetadata, recordModal } from '../../views/record-modal.js';
import { slackErrorCode } from '../../../web-api-error.js';
import { decisionContext } from './assessment-decision.js';
import type { CardActions } from './card-press.js';

/**
 * "Record notification" on the card: the access guard lets only the DPO users and the breach lead
 * (an admin while no DPO is set) open the modal; a refusal is an ephemeral explanation. The choice
 * at the top of the modal swaps the form for the communication or a § 22 restriction.
 */
export function register(app: App, deps: BotDeps, card: CardActions): void {
  card.on(ACTIONS.recordNotification, async ({ ack, body, client, context }) => {
    await ack();
    const ctx = decisionContext(deps, client);
    // A few indexed reads: inside the trigger's 3 s.
    const allowed = await checkRecording(ctx, grantedBreach(context).id, 'notification');
    if (!allowed.ok) return replyOnlyTo(deps, client, body, allowed.message);
    const view = recordModal(await recordModalInput(ctx, allowed.breach));
    await client.views.open({ trigger_id: body.trigger_id, view }).catch(async (err) => {
      deps.logger.warn(`could not open the record form: ${slackErrorCode(err)}`);
      await replyOnlyTo(deps, client, body, `:warning: I could not open the form (${slackErrorCode(err)}). Please press *Record notification* again.`);
    });
  });

  app.action<BlockAction<RadioButtonsAction>>(NOTICE_ACTIONS.recordKind, async ({ ack, action, body, client, context }) => {
    await ack();
    const view = body.view;
    const meta = view && parseRecordMetadata(view.private_metadata);
    const kind = action.selected_option?.value as RecordKind | undefined;
    if (!view || !meta || !kind || !RECORD_KINDS.includes(kind) || kind === meta.kind) return;
    const breach = grantedBreach(context);
    const next = recordModal(await recordModalInput(decisionContext(deps, client), breach, kind));
    await client.views
      .update({ view_id: view.id, hash: view.hash, view: next })
      .catch((err) => deps.logger.warn(`could not switch the record form: ${slackErrorCode(err)}`));
  });
}
