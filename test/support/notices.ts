import { ACTIONS, ASSESSMENT, NOTICE_ACTIONS, NOTICE_VIEWS, noticeFieldAction } from '../../src/slack/ids.js';
import type { EmulatedMessage } from '../emulator/index.js';
import type { TestBot } from './bot-harness.js';
import { assessByCommand, declareForAssessment, HEALTH_LEAK_STEP1, resultMessage, submitStep } from './assess.js';
import { cardJson, pressCard, type CardRow } from './card.js';

/* Helpers for the notice flows (5 and 6) end to end: the card's buttons, the modals, the thread. */

/** The card's thread, without the card itself. */
export const threadOf = (t: TestBot, breach: CardRow): EmulatedMessage[] =>
  t.slack.thread(breach.channel_id, breach.card_ts).filter((m) => m.ts !== breach.card_ts);

/** Presses a card button and waits for a new modal with this callback id. */
export async function openFromCard(t: TestBot, breach: CardRow, action: string, callbackId: string, user: string) {
  const before = new Set(t.slack.openViews(user).map((v) => v.id));
  await pressCard(t, breach, action, user);
  return t.slack.waitFor(() => t.slack.openViews(user).find((v) => v.callback_id === callbackId && !before.has(v.id)));
}

/** Presses Draft notices and waits for the Markdown files of the new drafts in the card's thread. */
export async function draftAndWait(t: TestBot, breach: CardRow, user: string) {
  const before = threadOf(t, breach).length;
  await pressCard(t, breach, ACTIONS.draftNotices, user);
  // The drafts are several messages, posted at Slack's pace of one a second in a channel.
  return t.slack.waitFor(
    () => {
      const posted = threadOf(t, breach).slice(before);
      return posted.some((m) => m.files?.length) && posted;
    },
    { timeoutMs: 30_000, what: 'the drafts and their files' },
  );
}

/** The uploaded files of a thread message, with their text. */
export const filesOf = (t: TestBot, m: EmulatedMessage) =>
  t.slack.files().filter((f) => m.files?.includes(f.id)).map((f) => ({ ...f, text: f.uploaded?.toString('utf8') ?? '' }));

/** Update facts: opens the modal from the card and submits these typed values (field → value). */
export async function updateFacts(t: TestBot, breach: CardRow, user: string, values: Record<string, unknown>) {
  const modal = await openFromCard(t, breach, NOTICE_ACTIONS.updateFacts, NOTICE_VIEWS.facts, user);
  return t.driver.submitView({ user, viewId: modal.id, values: fieldValues(values) });
}

/** `{ field: value }` as the driver takes modal values: block id = field, action id = `<field>_input`. */
export const fieldValues = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([f, v]) => [f, { [noticeFieldAction(f)]: v }]));

export const picked = (seconds: number) => ({ type: 'datetimepicker', selected_date_time: seconds });

/** Opens Record notification from the card (as `user`) and, if asked, switches the form to `kind`. */
export async function openRecord(t: TestBot, breach: CardRow, user: string, kind?: 'communication' | 'restriction' | 'notification') {
  const modal = await openFromCard(t, breach, ACTIONS.recordNotification, NOTICE_VIEWS.record, user);
  if (!kind) return modal;
  const field = kind === 'notification' ? 'completeness' : kind === 'communication' ? 'channel' : 'justification';
  if (modal.blocks.some((b) => b['block_id'] === field)) return modal;
  await t.driver.blockAction({ user, view: modal.id, action_id: NOTICE_ACTIONS.recordKind, selected_option: kind });
  await t.slack.waitFor(() => t.slack.view(modal.id)?.blocks.some((b) => b['block_id'] === field));
  return modal;
}

/** A health-data leak the responder assessed and the DPO accepted: notify Datatilsynet and tell the people. */
export async function decidedToTell(t: TestBot & { databaseUrl: string }, title: string): Promise<CardRow> {
  const breach = (await declareForAssessment(t, title)) as unknown as CardRow;
  const view = await assessByCommand(t, breach.channel_id, t.users.responder);
  await submitStep(t, t.users.responder, view.id, HEALTH_LEAK_STEP1);
  await submitStep(t, t.users.responder, view.id, { disclosure: 'likely', recipients: 'unknown', physicalDanger: 'false', protection: 'none' });
  await submitStep(t, t.users.responder, view.id, { measuresRemoveHighRisk: 'false', individualContactDisproportionate: 'false' });
  const result = await resultMessage(t, breach.channel_id, 1);
  await t.driver.blockAction({ user: t.users.dpo, message: { channel: breach.channel_id, ts: result.ts }, action_id: ASSESSMENT.accept });
  await t.slack.waitFor(() => cardJson(t, breach).includes('(accepted, v1)'));
  return breach;
}
