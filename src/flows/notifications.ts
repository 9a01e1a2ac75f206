import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { owedTarget } from '../domain/notices/from-breach.js';
import {
  checkCommunication, checkNotification, checkRestriction, RECORD_KINDS,
  type CommunicationInput, type NotificationInput, type RecordKind, type RestrictionInput,
} from '../domain/notification-form.js';
import { slackErrorCode } from '../web-api-error.js';
import { getBreach } from '../store/breaches.js';
import { currentDecision } from '../store/decisions.js';
import {
  listNotifications,
  recordCommunication,
  recordNotification,
  recordRestriction,
  type NotRecorded,
  type Recorded,
} from '../store/notifications.js';
import type { DecisionContext } from './decision.js';
import { refreshCard } from './card.js';
import type { Breach } from '../domain/breach/entity.js';
import type { NotificationRow, RestrictionRow } from '../domain/notification-record.js';

/*
 * Record notification (flow 6): who may record what, the modal's starting point, the recording
 * itself, and what the channel is told. Access is checked on the server when the button is pressed
 * and again on submit, since each is a request of its own; a refusal changes nothing.
 */

/**
 * What the recording flow needs from the Slack side (src/slack/slack-side.ts, handed in at wiring
 * time): the reply in the card's thread (src/slack/blocks/recording-reply.ts).
 */
export interface RecordingSlack {
  recordingText(o: RecordOutcome): string;
  recordingReply(o: RecordOutcome, zone: string): KnownBlock[];
}

export type RecordContext = DecisionContext & { slack: RecordingSlack };

export type Allowed = { ok: true; breach: Breach } | { ok: false; message: string };

/** Whether this kind can be recorded on this breach now (who may is the access guard's, src/slack/access/). */
export async function checkRecording(ctx: RecordContext, breachId: string, kind: RecordKind): Promise<Allowed> {
  const breach = await getBreach(ctx.db, breachId);
  if (!breach) return { ok: false, message: 'That breach no longer exists.' };
  if (breach.closedAt) return { ok: false, message: `${breach.reference} is closed: what was sent is part of the record and can no longer change.` };
  if (kind !== 'notification' && breach.role === 'processor') {
    return { ok: false, message: 'As a processor we tell the controller; the controller decides whether and how the people affected are told (Art. 34).' };
  }
  return { ok: true, breach };
}

/** What the Record modal shows first: the breach, the kind chosen, the kinds offered. */
export interface RecordModalInput {
  breach: { id: string; reference: string; role: string };
  kind: RecordKind;
  /** The kinds offered in the choice: a processor records only its notice to the controller. */
  kinds: readonly RecordKind[];
  nowSeconds: number;
  /** An initial notification awaits its supplement: the completeness choice starts there. */
  supplementDue: boolean;
}

/** The modal's starting point: the notification until it is complete, then the people, if they are to be told. */
export async function recordModalInput(ctx: RecordContext, breach: Breach, kind?: RecordKind): Promise<RecordModalInput> {
  const sent = (await listNotifications(ctx.db, breach.id)).filter((n) => n.target === owedTarget(breach.role));
  const supplementDue = sent.at(-1)?.completeness === 'initial';
  const kinds = breach.role === 'processor' ? (['notification'] as RecordKind[]) : [...RECORD_KINDS];
  const decided = kinds.length > 1 ? (await currentDecision(ctx.db, breach.id))?.communicateToSubjects : undefined;
  const tell = decided === 'individual' || decided === 'public';
  const start = kind && kinds.includes(kind) ? kind : sent.length > 0 && !supplementDue && tell ? 'communication' : 'notification';
  return { breach, kind: start, kinds, nowSeconds: Math.floor(ctx.clock.now().toSeconds()), supplementDue };
}

export type RecordOutcome =
  | { kind: 'notification' | 'communication'; recorded: Recorded<NotificationRow> }
  | { kind: 'restriction'; recorded: Recorded<RestrictionRow> };

/** The submitted Record form, read by the Slack side (slack/views/record-state.ts). */
export type RecordForm =
  | { kind: 'notification'; input: NotificationInput }
  | { kind: 'communication'; input: CommunicationInput }
  | { kind: 'restriction'; input: RestrictionInput };

export type RecordResult = { ok: true; outcome: RecordOutcome } | { ok: false; errors: Record<string, string> };

/**
 * Validates the submitted form and records it (errors at the field otherwise). Only the database is
 * touched, so the submission can call this before its ack; `announceRecording` then tells Slack.
 */
export async function recordFromForm(
  ctx: RecordContext,
  r: { breach: Breach; userId: string; form: RecordForm; submission: string },
): Promise<RecordResult> {
  const now = ctx.clock.now();
  const base = { breachId: r.breach.id, actor: r.userId, now, submission: r.submission };
  const when = { now, awareAt: DateTime.fromJSDate(r.breach.awareAt, { zone: 'utc' }), zone: ctx.config.timezone };
  const { form } = r;
  if (form.kind === 'notification') {
    const earlier = (await listNotifications(ctx.db, r.breach.id)).filter((n) => n.target === owedTarget(r.breach.role));
    const check = checkNotification(form.input, { ...when, earlier });
    if (!check.ok) return { ok: false, errors: check.errors };
    return settled('notification', await recordNotification(ctx.db, { ...base, value: check.value }), 'completeness');
  }
  if (form.kind === 'communication') {
    const check = checkCommunication(form.input, when);
    if (!check.ok) return { ok: false, errors: check.errors };
    return settled('communication', await recordCommunication(ctx.db, { ...base, value: check.value }), 'submittedAt');
  }
  const check = checkRestriction(form.input);
  if (!check.ok) return { ok: false, errors: check.errors };
  const res = await recordRestriction(ctx.db, { ...base, justification: check.value.justification });
  return res.ok ? { ok: true, outcome: { kind: 'restriction', recorded: res } } : refused(res, 'justification');
}

function settled(kind: 'notification' | 'communication', res: Recorded<NotificationRow> | NotRecorded, errorField: string): RecordResult {
  return res.ok ? { ok: true, outcome: { kind, recorded: res } } : refused(res, errorField);
}

function refused(res: NotRecorded, field: string): RecordResult {
  const message =
    res.why === 'closed' ? 'The breach was closed meanwhile: nothing was recorded.'
    : res.why === 'no_earlier' ? 'No earlier notification is recorded: record this one as complete or initial.'
    : 'That breach no longer exists.';
  return { ok: false, errors: { [field]: message } };
}

/** After a recording: the card, and a reply in the card's thread saying what was recorded and what the reminders do now. */
export async function announceRecording(ctx: RecordContext, o: RecordOutcome): Promise<void> {
  const breach = o.recorded.breach;
  await refreshCard(ctx, breach.id);
  if (o.recorded.duplicate || !breach.channelId || !breach.cardTs) return;
  const blocks = ctx.slack.recordingReply(o, ctx.config.timezone);
  await ctx.client.chat
    .postMessage({ channel: breach.channelId, thread_ts: breach.cardTs, text: ctx.slack.recordingText(o), blocks, unfurl_links: false })
    .catch((err) => ctx.logger.warn(`could not announce a recording on ${breach.reference}: ${slackErrorCode(err)}`));
}
