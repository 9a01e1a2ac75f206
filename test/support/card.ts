import { ASSESSMENT } from '../../src/slack/ids.js';
import { assessByCommand, declareForAssessment, HEALTH_LEAK_STEP1, resultMessage, SHORT_OUTAGE_STEP1, submitStep } from './assess.js';
import type { TestBot } from './bot-harness.js';

/* Helpers for the breach card's buttons and the forged requests the access tests send. */

export interface CardRow {
  id: string;
  channel_id: string;
  card_ts: string;
  reference: string;
}

/** Presses a card button as `user` (who must be in the breach channel, as in Slack). */
export const pressCard = (t: TestBot, breach: CardRow, action: string, user: string) =>
  t.driver.blockAction({ user, message: { channel: breach.channel_id, ts: breach.card_ts }, action_id: action });

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
  await submitStep(t, t.users.responder, view.id, { disclosure: 'likely', recipients: 'unknown', protection: 'none' });
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

