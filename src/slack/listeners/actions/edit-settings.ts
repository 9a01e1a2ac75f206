import type { App, BlockButtonAction } from '@slack/bolt';
import { currentSettings } from '../../../flows/settings.js';
import type { BotDeps } from '../../deps.js';
import { HOME_ACTIONS } from '../../ids.js';
import { settingsModal } from '../../views/settings-modal.js';
import { slackErrorCode } from '../../../web-api-error.js';

/**
 * "Edit settings" on the Home: opens the settings modal. The button is only shown to those who may
 * (the DPO users; an admin while none is set), but a request can be forged, so the access guard
 * checks again; anyone else is told why in a DM (a Home tab has no channel for an ephemeral message).
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(HOME_ACTIONS.editSettings, async ({ ack, body, client }) => {
    await ack();
    const current = await currentSettings(deps);
    await client.views.open({ trigger_id: body.trigger_id, view: settingsModal(current) }).catch((err) => {
      deps.logger.warn(`could not open the settings modal: ${slackErrorCode(err)}`);
    });
  });
}
