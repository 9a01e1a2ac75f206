import type { EmulatedView } from '../emulator/index.js';
import { publicView } from '../emulator/methods/views.js';
import type { TestBot } from './bot-harness.js';

/*
 * Requests built as Slack builds them, for any user, and sent signed: what a forged (or leaked, or
 * replayed) request looks like to the bot. Slack would only send a button press from someone who
 * can see the button; these let a test send one from anyone, so only the server's checks stop it.
 */

const common = (t: TestBot, user: string) => ({
  user: { id: user, username: 'someone', name: 'someone', team_id: t.slack.teamId },
  api_app_id: t.slack.appId,
  token: t.slack.verificationToken,
  team: { id: t.slack.teamId, domain: 'emulated' },
  enterprise: null,
  is_enterprise_install: false,
});

const actionTs = () => (Date.now() / 1000).toFixed(6);

/** Sends an interaction payload (`payload=<json>`), signed. */
export const sendPayload = (t: TestBot, payload: Record<string, unknown>) =>
  t.driver.raw({ body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' });

/** A button press on a message: `value` as the button carries it. */
export function buttonPayload(t: TestBot, user: string, at: { channel: string; ts: string }, actionId: string, value: string) {
  return {
    type: 'block_actions',
    ...common(t, user),
    trigger_id: t.slack.issueTrigger(user),
    actions: [{ type: 'button', action_id: actionId, block_id: 'forged', value, text: { type: 'plain_text', text: 'x' }, action_ts: actionTs() }],
    container: { type: 'message', message_ts: at.ts, channel_id: at.channel, is_ephemeral: false },
    channel: { id: at.channel, name: 'breach' },
    message: t.slack.publicMessage(at.channel, at.ts) ?? { type: 'message', ts: at.ts, text: '' },
    state: { values: {} },
    response_url: t.slack.issueResponseUrl(at.channel, user, { ts: at.ts }),
  };
}

/** An action inside a modal or the Home tab (no channel, no response_url). */
export function viewActionPayload(t: TestBot, user: string, view: EmulatedView, action: Record<string, unknown>) {
  return {
    type: 'block_actions',
    ...common(t, user),
    trigger_id: t.slack.issueTrigger(user, view.type === 'modal' ? { viewId: view.id } : {}),
    actions: [{ block_id: 'forged', action_ts: actionTs(), ...action }],
    container: { type: 'view', view_id: view.id },
    view: publicView(view),
    state: { values: structuredClone(view.state.values) },
  };
}

/** A view_submission of `view` (as it is now, with `values` set over its state) sent as `user`. */
export function submissionPayload(t: TestBot, user: string, view: EmulatedView, values: Record<string, Record<string, unknown>> = {}) {
  const v = publicView(view) as { state: { values: Record<string, unknown> } };
  v.state = { values: { ...structuredClone(view.state.values), ...values } };
  return { type: 'view_submission', ...common(t, user), trigger_id: t.slack.issueTrigger(user, { viewId: view.id }), view: v, response_urls: [] };
}

/** `/breach <text>` typed by `user` in `channel`, as Slack sends it (text entity-escaped). */
export function sendCommand(t: TestBot, user: string, channel: string, text: string) {
  const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const form = {
    token: t.slack.verificationToken,
    team_id: t.slack.teamId,
    team_domain: 'emulated',
    channel_id: channel,
    channel_name: 'breach',
    user_id: user,
    user_name: 'someone',
    command: '/breach',
    text: escaped,
    api_app_id: t.slack.appId,
    is_enterprise_install: 'false',
    response_url: t.slack.issueResponseUrl(channel, user),
    trigger_id: t.slack.issueTrigger(user),
  };
  return t.driver.raw({ body: new URLSearchParams(form).toString(), contentType: 'application/x-www-form-urlencoded' });
}

/**
 * Presses a button by sending Slack's signed payload for it, as Slack delivers a press on a message
 * someone still has open, even where the card no longer shows that button (issue 17 hides what no
 * longer applies; the server must still decide who may). Waits for the modal it opens.
 */
export async function openByButton(t: TestBot, user: string, at: { channel: string; ts: string }, actionId: string, value: string, callbackId: string) {
  const before = new Set(t.slack.openViews(user).map((v) => v.id));
  await sendPayload(t, buttonPayload(t, user, at, actionId, value));
  return t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === callbackId && !before.has(v.id)));
}
