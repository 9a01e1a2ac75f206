import type { App, BlockButtonAction } from '@slack/bolt';
import { may } from '../../../domain/access.js';
import { getOrgSettings } from '../../../store/settings.js';
import { resolveActor } from '../../actor.js';
import type { BotDeps } from '../../deps.js';
import { HOME_ACTIONS } from '../../ids.js';
import { settingsModal } from '../../views/settings-modal.js';
import { slackErrorCode } from '../../web-api-error.js';

/**
 * "Edit settings" on the Home: opens the settings modal for DPO users and workspace admins. The
 * button is only shown to them, but a request can be forged, so the server checks again; anyone
 * else is told why in a DM (a Home tab has no channel for an ephemeral message).
 */
export function register(app: App, deps: BotDeps): void {
  app.action<BlockButtonAction>(HOME_ACTIONS.editSettings, async ({ ack, body, client }) => {
    await ack();
    const userId = body.user.id;
    // Both reads are quick; the trigger is good for three seconds from Slack sending it.
    const [actor, current] = await Promise.all([resolveActor(deps, client, userId), getOrgSettings(deps.db, deps.config)]);
    const access = may('edit_settings', actor);
    if (!access.ok) {
      deps.logger.info(`settings edit refused for ${userId}`);
      await client.chat.postMessage({ channel: userId, text: access.reason }).catch((err) => {
        deps.logger.warn(`could not tell ${userId} why the settings cannot be edited: ${slackErrorCode(err)}`);
      });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: settingsModal(current) }).catch((err) => {
      deps.logger.warn(`could not open the settings modal: ${slackErrorCode(err)}`);
    });
  });
}
