import type { AckFn, App, BlockAction, BlockButtonAction, Context, OverflowAction, RespondFn, webApi } from '@slack/bolt';
import { parseMoreValue } from '../../blocks/card-actions.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { replyOnlyTo } from '../../reply-only.js';

/**
 * A card action, however it was chosen: its button (the value is the breach id) or its entry in the
 * card's overflow menu (issue 17). Both reach the same handler, so the checks are the same.
 */
export interface CardPress {
  ack: AckFn<void>;
  body: BlockAction;
  client: webApi.WebClient;
  respond: RespondFn;
  /** Holds the access guard's decision (access/context.ts): the guard checked the breach named. */
  context: Context;
}

export type CardPressHandler = (p: CardPress) => Promise<void>;

export interface CardActions {
  on(actionId: string, handler: CardPressHandler): void;
}

/** One registry per app, so two bots in one process never share handlers. */
export function cardActions(app: App, deps: BotDeps): CardActions {
  const handlers = new Map<string, CardPressHandler>();
  app.action<BlockAction<OverflowAction>>(ACTIONS.cardMore, async ({ ack, action, body, client, context, respond }) => {
    const chosen = parseMoreValue(action.selected_option?.value);
    const handler = chosen && handlers.get(chosen.actionId);
    if (!chosen || !handler) {
      await ack();
      return replyOnlyTo(deps, client, body, 'That choice is no longer on the card. Look at the card again.');
    }
    await handler({ ack, body, client, context, respond });
  });
  return {
    on(actionId, handler) {
      handlers.set(actionId, handler);
      app.action<BlockButtonAction>(actionId, ({ ack, body, client, context, respond }) => handler({ ack, body, client, context, respond }));
    },
  };
}
