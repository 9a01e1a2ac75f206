import type { App, BlockButtonAction } from '@slack/bolt';
import { runSetup } from '../../../flows/declare-setup.js';
import { grantedBreach } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS } from '../../ids.js';
import { setupContext } from '../setup-context.js';

/** "Retry setup" on the card or in the reporter's notice: run the unfinished steps again (the guard has checked who asks). */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(ACTIONS.retrySetup, async ({ ack, client, context, respond, body }) => {
    await ack();
    const breach = grantedBreach(context);
    if (breach.setupCompletedAt) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `${breach.reference} is already fully set up.` });
      return;
    }
    deps.logger.info(`setup retry of ${breach.reference} requested by ${body.user.id}`);
    const outcome = await runSetup(setupContext(deps, client, context.botUserId), breach.id);
    if (outcome === 'busy') {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `The setup of ${breach.reference} is already running; it will report back.` });
    }
  });
}
