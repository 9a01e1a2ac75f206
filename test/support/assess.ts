import postgres from 'postgres';
import { afterAll, beforeAll, expect } from 'vitest';
import { ACTIONS, ASSESSMENT, assessAction } from '../../src/slack/ids.js';
import type { EmulatedView } from '../emulator/index.js';
import type { TestBot } from './bot-harness.js';
import { declareValues, openDeclare, waitForSetup } from './declare.js';

/* Helpers to declare a breach and fill the risk questionnaire end to end, as people do. */

/** Declares a breach with the responder on it and waits for its channel and card. */
export async function declareForAssessment(t: TestBot & { databaseUrl: string }, title: string) {
  const view = await openDeclare(t, 'declare');
  await t.driver.submitView({ user: t.users.reporter, viewId: view.id, values: declareValues({ title, responders: [t.users.responder] }) });
  return waitForSetup(t.databaseUrl, title);
}

/** Answers by field, as a person picks them: choice ids, lists of ids, or typed text. */
export function answerValues(answers: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(answers).map(([field, v]) => [field, { [assessAction(field)]: v }]));
}

/** The answer fields a step of the questionnaire asks (its input blocks). */
export const askedFields = (view: EmulatedView) => view.blocks.filter((b) => b['type'] === 'input').map((b) => String(b['block_id']));

const newQuestionnaire = (t: TestBot, user: string, before: Set<string>) =>
  t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === ASSESSMENT.view && !before.has(v.id)));

/** Types `/breach assess` in the channel and waits for the questionnaire. */
export async function assessByCommand(t: TestBot, channel: string, user = t.users.responder) {
  const before = new Set(t.slack.openViews(user).map((v) => v.id));
  const res = await t.driver.slashCommand({ user, channel, text: 'assess' });
  expect(res.status).toBe(200);
  return newQuestionnaire(t, user, before);
}

/** Presses Assess risk on the breach card and waits for the questionnaire. */
export async function assessByCard(t: TestBot, channel: string, cardTs: string, user = t.users.responder) {
  const before = new Set(t.slack.openViews(user).map((v) => v.id));
  await t.driver.blockAction({ user, message: { channel, ts: cardTs }, action_id: ACTIONS.assess });
  return newQuestionnaire(t, user, before);
}

/** Submits one step and expects the next one (or the close, for the last). */
export async function submitStep(t: TestBot, user: string, viewId: string, answers: Record<string, string | string[]>) {
  return t.driver.submitView({ user, viewId, values: answerValues(answers) });
}

/** Waits for the result message of an assessment version in the channel. */
export const resultMessage = (t: TestBot, channel: string, version: number) =>
  t.slack.waitFor(() => t.slack.messages(channel).find((m) => m.text.includes(`risk assessment v${version}:`)));

/** The pinned card's blocks as one string, once it contains `text`. */
export const cardShowing = (t: TestBot, channel: string, text: string) =>
  t.slack.waitFor(() => {
    const json = JSON.stringify(t.slack.pins(channel)[0]?.blocks ?? []);
    return json.includes(text) && json;
  });

/** Step 1 of a confidentiality breach of patients' health data. */
export const HEALTH_LEAK_STEP1 = {
  breachTypes: ['confidentiality'],
  dataTypes: ['health', 'contact'],
  subjectGroups: ['patients'],
  subjectsCount: '1,200',
  identifiability: 'maximum',
  publiclyAvailableBefore: 'false',
  malicious: 'true',
};

/** Step 1 of a short outage of customer contact details. */
export const SHORT_OUTAGE_STEP1 = {
  breachTypes: ['availability'],
  dataTypes: ['contact'],
  subjectGroups: ['customers'],
  subjectsCount: '300',
  identifiability: 'maximum',
  publiclyAvailableBefore: 'false',
  malicious: 'false',
};

/** A connection to the test bot's database for the tests of a describe block: `db()` once beforeAll ran. */
export function useDatabase(t: { databaseUrl: string }): () => postgres.Sql {
  let sql: postgres.Sql | undefined;
  beforeAll(() => {
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(() => sql?.end());
  return () => sql!;
}
