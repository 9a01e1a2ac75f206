import type { App, BlockButtonAction } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import { HOME_ACTIONS } from '../../ids.js';
import { slackErrorCode } from '../../../web-api-error.js';
import { openDeclareModal } from '../open-declare.js';

/** "Declare a breach" on the Home tab: the same modal as /breach. */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(HOME_ACTIONS.declare, async ({ ack, body, client }) => {
    const open = openDeclareModal(client, body.trigger_id, deps);
    await ack();
    await open.catch((err) => deps.logger.warn(`could not open the Declare modal from the Home: ${slackErrorCode(err)}`));
  });
}
