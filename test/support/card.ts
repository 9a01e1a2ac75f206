import { ACTIONS, ASSESSMENT } from '../../src/slack/ids.js';
import { assessByCommand, declareForAssessment, HEALTH_LEAK_STEP1, resultMessage, SHORT_OUTAGE_STEP1, submitStep } from './assess.js';
import type { TestBot } from './bot-harness.js';

/* Helpers for the breach card's buttons and the forged requests the access tests send. */

export interface CardRow {
  id: string;
  channel_id: string;
  card_ts: string;
  reference: string;
}

/** The card message as the emulator holds it. */
const cardBlocks = (t: TestBot, breach: CardRow) =>
  (t.slack.messages(breach.channel_id).find((m) => m.ts === breach.card_ts)?.blocks ?? []) as Array<Record<string, any>>;

/** The card's actions as a person sees them: the buttons (with their style) and the overflow menu's entries. */
export function cardActionsShown(t: TestBot, breach: CardRow): { buttons: Array<{ action_id: string; style?: string }>; more: string[] } {
  const elements = cardBlocks(t, breach).filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as Array<Record<string, any>>);
  return {
    buttons: elements.filter((e) => e['type'] === 'button').map((e) => ({ action_id: e['action_id'], ...(e['style'] ? { style: e['style'] } : {}) })),
    more: elements.filter((e) => e['type'] === 'overflow').flatMap((e) => (e['options'] as Array<{ value: string }>).map((o) => o.value.split('|')[0]!)),
  };
}

/**
 * Chooses a card action as `user` (who must be in the breach channel, as in Slack): its button when
 * it is the next step, otherwise its entry in the card's overflow menu. Fails when the card offers neither.
 */
export function pressCard(t: TestBot, breach: CardRow, action: string, user: string) {
  const message = { channel: breach.channel_id, ts: breach.card_ts };
  const shown = cardActionsShown(t, breach);
  if (shown.buttons.some((b) => b.action_id === action)) return t.driver.blockAction({ user, message, action_id: action });
  if (!shown.more.includes(action)) throw new Error(`the card offers no ${action}: buttons ${JSON.stringify(shown.buttons)}, menu ${JSON.stringify(shown.more)}`);
  return t.driver.blockAction({ user, message, action_id: ACTIONS.cardMore, selected_option: `${action}|${breach.id}` });
}

/** The pinned card's blocks as one string. */
export const cardJson = (t: TestBot, breach: CardRow) => JSON.stringify(t.slack.pins(breach.channel_id)[0]?.blocks ?? []);

/** A declared breach whose short outage the responder assessed and the DPO accepted: "no notification needed". */
export async function decidedNoNotification(t: TestBot & { databaseUrl: string }, title: string) {
  const breach = (await declareForAssessment(t, title)) as unknown as CardRow;
  const view = await assessByCommand(t, breach.channel_id, t.users.responder);
  await submitStep(t, t.users.responder, view.id, SHORT_OUTAGE_STEP1);
  await submitStep(t, t.users.responder, view.id, { unavailability: 'temporary', restoredWithinHours: '2', impactOnPeople: 'none' });
  const result = await resultMessage(t, breach.channel_id, 1);
  await t.driver.blockAction({ user: t.users.dpo, message: { channel: breach.channel_id, ts: result.ts }, action_id: ASSESSMENT.accept });
  await t.slack.waitFor(() => cardJson(t, breach).includes('(accepted, v1)'));
  return { breach, result };
}

/** The responder assesses a health-data leak of patients (high risk: notify, tell them); returns the result message. */
export async function assessedLeak(t: TestBot, breach: CardRow) {
  const view = await assessByCommand(t, breach.channel_id, t.users.responder);
  await submitStep(t, t.users.responder, view.id, HEALTH_LEAK_STEP1);
  await submitStep(t, t.users.responder, view.id, { disclosure: 'likely', recipients: 'unknown', physicalDanger: 'false', protection: 'none' });
  await submitStep(t, t.users.responder, view.id, { measuresRemoveHighRisk: 'false', individualContactDisproportionate: 'false' });
  return resultMessage(t, breach.channel_id, 1);
}

/** The fields every interaction payload carries (user, team, app, token), from a real one. */
export const common = (p: Record<string, unknown>) => {
  const { user, team, api_app_id, token, enterprise, is_enterprise_install } = p;
  return { user, team, api_app_id, token, enterprise, is_enterprise_install };
};

/** Sends a payload Slack never sent: a real one with another user in it. Signed, so only the server's checks stop it. */
export async function forge(t: TestBot, payload: Record<string, unknown>, user: string) {
  const p = structuredClone(payload) as Record<string, any>;
  p['user'] = { ...p['user'], id: user, username: 'forger', name: 'forger' };
  return t.driver.raw({ body: new URLSearchParams({ payload: JSON.stringify(p) }).toString(), contentType: 'application/x-www-form-urlencoded' });
}

