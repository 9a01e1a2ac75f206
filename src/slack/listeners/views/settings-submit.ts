import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import { validateSettingsForm } from '../../../domain/settings-form.js';
import { republishHomes } from '../../../flows/home.js';
import { saveSettings } from '../../../flows/settings.js';
import type { BotDeps } from '../../deps.js';
import { SETTINGS_VIEW } from '../../ids.js';
import { readSettingsState } from '../../views/settings-state.js';
import { submissionKey } from '../../views/submission-key.js';
import { isSlackError } from '../../../web-api-error.js';
import { within } from '../../../time-limit.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** How long the submission may wait for Slack to confirm the user group: the ack is due in 3 s. */
const GROUP_CHECK_MS = 1_000;

/**
 * Settings modal submitted: the access guard checks the person may still edit settings (the modal
 * could be forged or their DPO role removed meanwhile); validate with errors at the field, save
 * once with an audit event (a replayed submission changes nothing more), close the modal, then
 * republish the Home tabs so everyone sees the change.
 */
export function register(app: App, deps: BotDeps): void {
  app.view(SETTINGS_VIEW, async (args) => {
    await handleSubmit(args as Args, deps);
  });
}

async function handleSubmit({ ack, view, body, client }: Args, deps: BotDeps): Promise<void> {
  const userId = body.user.id;
  const check = validateSettingsForm(readSettingsState(view.state.values as never));
  if (!check.ok) {
    await ack({ response_action: 'errors', errors: check.errors as Record<string, string> });
    return;
  }
  const groupId = check.value.responderGroupId;
  if (groupId && (await userGroupMissing(client, groupId))) {
    await ack({ response_action: 'errors', errors: { responderGroupId: `There is no user group ${groupId} in this workspace.` } });
    return;
  }
  try {
    await saveSettings(deps, check.value, { actor: userId, now: deps.clock.now().toJSDate(), submission: submissionKey(view) });
  } catch (err) {
    deps.logger.error('could not save the settings:', (err as Error).message);
    await ack({ response_action: 'errors', errors: { orgName: 'The settings could not be saved (the database is not reachable). Nothing changed; please save again.' } });
    return;
  }
  await ack();
  deps.logger.info(`settings changed by ${userId}`);
  deps.background.run(() => republishHomes(deps));
}

/**
 * True only when Slack says the group does not exist. Any other answer (an outage, a slow reply, a
 * plan without user groups) saves the id unverified rather than blocking the DPO's change.
 */
async function userGroupMissing(client: webApi.WebClient, groupId: string): Promise<boolean> {
  const lookup = client.usergroups.users.list({ usergroup: groupId }).then(
    () => false,
    (err: unknown) => isSlackError(err, 'no_such_subteam'),
  );
  return within(lookup, GROUP_CHECK_MS, () => false);
}
