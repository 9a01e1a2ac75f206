import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { draftOfBreach } from '../../../flows/notices.js';
import { grantedBreach } from '../../access/context.js';
import { parseReadDraftValue } from '../../blocks/draft-summary.js';
import type { BotDeps } from '../../deps.js';
import { NOTICE_ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { draftTextModal } from '../../views/draft-text-modal.js';
import { slackErrorCode } from '../../../web-api-error.js';

/**
 * *Read full text* on a drafting round's message (issue 17): the draft's text in a modal. A draft
 * holds the breach's details, so the access guard checked it as a read of the breach the value
 * names (access/surfaces.ts); the draft must then be one of that breach's, whatever the value says.
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockAction<ButtonAction | StaticSelectAction>>(NOTICE_ACTIONS.readDraft, async ({ ack, action, body, client, context }) => {
    await ack();
    const breach = grantedBreach(context);
    const value = action.type === 'static_select' ? action.selected_option?.value : action.value;
    const draft = await draftOfBreach(deps.db, breach.id, parseReadDraftValue(value)?.draftId);
    if (!draft) {
      return replyOnlyTo(deps, client, body, `That draft is not one of ${breach.reference}'s. Use *Read full text* on a drafting round in its card's thread.`);
    }
    await client.views.open({ trigger_id: body.trigger_id, view: draftTextModal(breach.reference, draft, deps.config.timezone) }).catch(async (err) => {
      deps.logger.warn(`could not open the draft text: ${slackErrorCode(err)}`);
      await replyOnlyTo(deps, client, body, `:warning: I could not open the draft (${slackErrorCode(err)}). Please choose *Read full text* again.`);
    });
  });
}
