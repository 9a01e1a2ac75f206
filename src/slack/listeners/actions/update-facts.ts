import type { App, BlockAction, BlockButtonAction, webApi } from '@slack/bolt';
import type { FieldKey } from '../../../domain/notices/index.js';
import { factsFormStart } from '../../../flows/facts.js';
import { grantedBreach, type GrantedBreach } from '../../access/context.js';
import { parseFillGapsValue } from '../../blocks/draft-summary.js';
import type { BotDeps } from '../../deps.js';
import { NOTICE_ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';
import { factsModal } from '../../views/facts-modal.js';
import { slackErrorCode } from '../../../web-api-error.js';
import type { CardActions } from './card-press.js';

/**
 * "Update facts" on the card, and "Fill gaps" on a drafting round's message (the same form, the
 * gaps it named first): the breach's people (access/guard.ts, which read the breach); then the
 * modal, inside the trigger's 3 s.
 */
export function register(app: App, deps: BotDeps, card: CardActions): void {
  card.on(NOTICE_ACTIONS.updateFacts, async ({ ack, body, client, context }) => {
    await ack();
    await openFactsForm(deps, client, body, grantedBreach(context), 'Update facts');
  });
  app.action<BlockButtonAction>(NOTICE_ACTIONS.fillGaps, async ({ ack, action, body, client, context }) => {
    await ack();
    const gaps = parseFillGapsValue(action.value)?.gaps ?? [];
    await openFactsForm(deps, client, body, grantedBreach(context), 'Fill gaps', gaps);
  });
}

async function openFactsForm(deps: BotDeps, client: webApi.WebClient, body: BlockAction, breach: GrantedBreach, button: string, gaps?: FieldKey[]): Promise<void> {
  if (breach.closedAt) return replyOnlyTo(deps, client, body, `${breach.reference} is closed: its facts are part of the record.`);
  const { facts, languages } = await factsFormStart(deps.db, breach);
  const view = factsModal(breach, facts, languages, gaps ? { gaps } : undefined);
  await client.views.open({ trigger_id: body.trigger_id, view }).catch(async (err) => {
    deps.logger.warn(`could not open the facts form: ${slackErrorCode(err)}`);
    await replyOnlyTo(deps, client, body, `:warning: I could not open the facts form (${slackErrorCode(err)}). Please press *${button}* again.`);
  });
}
