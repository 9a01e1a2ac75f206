import type { Logger, webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import type { CardAction } from '../domain/breach/progress.js';
import { planReminders, type ReminderSchedule } from '../domain/reminder-plan.js';
import { isStreamActive, type ReminderState } from '../domain/reminder-status.js';
import { DateTime } from 'luxon';
import { isRegimeStream, isRegimeStreamActive, regimeStream } from '../domain/regimes/breach-regimes.js';
import type { StageClock } from '../domain/regimes/clocks.js';
import { REGIMES } from '../domain/regimes/index.js';
import { getOrgSettings } from '../store/settings.js';
import { regimeClocks } from './regimes.js';
import type { Breach } from '../domain/breach/entity.js';
import { getBreach } from '../store/breaches.js';
import { loadReminderState } from '../store/breach-state.js';
import { cancelStream, scheduleReminders, type ClaimedReminder, type DbExecutor } from '../store/reminders.js';
import { refreshCard, type CardRefresher } from './card.js';
import type { OwnMessages } from './own-messages.js';
import { breachStanding } from './progress.js';
import { RoundReads } from './reminder-scheduler.js';
import type { OrgSettings } from '../domain/org-settings.js';

/** Message metadata type of reminders, so a retried reminder can find an earlier post of itself. */
const REMINDER_EVENT = 'breachbot_reminder';

/** Writes the countdown plan of a newly declared breach, in the declaration's transaction. */
export async function planCountdown(
  tx: Pick<DbExecutor, 'insert'>,
  breach: { id: string; awareAt: Date; deadlineAt: Date },
  schedule: ReminderSchedule,
  now: Date,
): Promise<void> {
  const planned = planReminders({
    awareAt: DateTime.fromJSDate(breach.awareAt, { zone: 'utc' }),
    deadline: DateTime.fromJSDate(breach.deadlineAt, { zone: 'utc' }),
    schedule,
    now: DateTime.fromJSDate(now, { zone: 'utc' }),
  });
  await scheduleReminders(tx, breach.id, planned, 'authority_countdown');
}

/** What a reminder says: plain data, rendered by the Slack side. */
export interface ReminderInput {
  reference: string;
  role: ReminderState['role'];
  stream: 'authority_countdown' | 'subjects_daily' | 'phased_follow_up';
  kind: string;
  dueAt: DateTime;
  deadlineAt: DateTime;
  late: boolean;
  skippedCount: number;
  state: ReminderState;
  now: DateTime;
  zone: string;
  /** People to mention (the breach lead and the DPO users): only when the deadline is close or passed. */
  mention?: readonly string[];
  /** The card action that does the next step, offered as a button on the reminder. */
  next?: { action: CardAction; breachId: string } | null;
}

/** What a regime stage's reminder says (issue 16): plain data, rendered by the Slack side. */
export interface RegimeReminderInput {
  breachId: string;
  reference: string;
  /** The regime's name: "NIS2 (Denmark)". */
  regime: string;
  /** The authority told, or null when the stage tells someone else (the recipients of our services). */
  authority: string | null;
  /** The stage's clock at posting time: its due time is the deadline shown. */
  clock: StageClock;
  kind: string;
  dueAt: DateTime;
  late: boolean;
  skippedCount: number;
  now: DateTime;
  zone: string;
  /** The breach lead and the DPO users: called by name when the due time is close or past. */
  mention?: readonly string[];
}

/**
 * What the reminder flow needs from the Slack side (src/slack/slack-side.ts, handed in at wiring
 * time): the reminder messages (src/slack/blocks/reminder-message.ts) and a look for an earlier post.
 */
export interface ReminderSlack extends OwnMessages {
  reminder(input: ReminderInput): { text: string; blocks: KnownBlock[] };
  regimeReminder(input: RegimeReminderInput): { text: string; blocks: KnownBlock[] };
}

export interface ReminderContext {
  db: Db;
  /** A client that hands 429s back (rejectRateLimitedCalls) so the scheduler retries them. */
  client: webApi.WebClient;
  clock: Clock;
  logger: Pick<Logger, 'warn' | 'debug'>;
  config: Pick<Config, 'timezone' | 'seeds'>;
  cards: CardRefresher;
  slack: ReminderSlack;
}

/**
 * Posts one claimed reminder in its breach channel, unless its stream has stopped since it was
 * planned (then the stream is cancelled and nothing is posted). The state is read fresh, so the
 * text says what is done and missing at posting time.
 */
export async function postReminder(ctx: ReminderContext, r: ClaimedReminder, round = new RoundReads()): Promise<{ messageTs: string } | { skipped: string }> {
  const [breach, state] = await Promise.all([getBreach(ctx.db, r.breachId), loadReminderState(ctx.db, r.breachId)]);
  if (!breach || !state) return { skipped: 'breach gone' };
  if (isRegimeStream(r.stream)) {
    // A regime stage (NIS2's early warning, …): its clock is read fresh, so a stage recorded meanwhile stops it.
    const now = ctx.clock.now();
    const clocks = await regimeClocks(ctx.db, breach, now);
    const active = isRegimeStreamActive(clocks, r.stream, breach.closedAt ? DateTime.fromJSDate(breach.closedAt) : null);
    return postInChannel(ctx, r, breach, active, () => regimeReminder(ctx, r, breach, clocks, now, round));
  }
  const stream = r.stream;
  return postInChannel(ctx, r, breach, isStreamActive(state, stream), async () => {
    const now = ctx.clock.now();
    // The same next step as the card (domain/breach/progress.ts): its button rides along, and people are called by name.
    // The organisation's settings once per round: a storm of due reminders reads them once, not per reminder.
    const { org, progress } = await breachStanding(ctx.db, ctx.config, breach, now, { org: roundSettings(ctx, round) });
    return ctx.slack.reminder({
      mention: [...(breach.leadId ? [breach.leadId] : []), ...org.dpoUserIds],
      next: progress.primary ? { action: progress.primary, breachId: breach.id } : null,
      reference: breach.reference,
      role: state.role,
      stream,
      kind: r.kind,
      dueAt: r.dueAt,
      deadlineAt: r.deadlineAt,
      late: r.late,
      skippedCount: r.skippedKeys.length,
      state,
      now,
      zone: ctx.config.timezone,
    });
  });
}

/** Posts a reminder unless its stream has stopped (then the stream is cancelled and nothing is posted). */
async function postInChannel(
  ctx: ReminderContext,
  r: ClaimedReminder,
  breach: Breach,
  active: boolean,
  render: () => Promise<{ text: string; blocks: KnownBlock[] }>,
): Promise<{ messageTs: string } | { skipped: string }> {
  if (!active) {
    await cancelStream(ctx.db, r.breachId, r.stream, { reason: 'stopped before posting' });
    return { skipped: 'stream stopped' };
  }
  if (!breach.channelId) throw new Error('the breach channel is not set up yet');
  // A failed attempt may have reached Slack (a timeout): look for it rather than post twice.
  if (r.attempts > 0) {
    const ts = await ctx.slack.findOwnMessage(ctx.client, breach.channelId, REMINDER_EVENT, r.breachId, (p) => p['key'] === r.key);
    if (ts) return { messageTs: ts };
  }
  const res = await ctx.client.chat.postMessage({
    channel: breach.channelId,
    ...(await render()),
    metadata: { event_type: REMINDER_EVENT, event_payload: { breach_id: r.breachId, key: r.key } },
  });
  return { messageTs: res.ts! };
}

/** The organisation's settings, read once per reminder round (the schedule, the DPO users, the languages). */
export function roundSettings(ctx: Pick<ReminderContext, 'db' | 'config'>, round: RoundReads): Promise<OrgSettings> {
  return round.once('org-settings', () => getOrgSettings(ctx.db, ctx.config));
}

/** A regime stage's reminder: the regime, the stage, its authority and due time; the lead and the DPO called by name when close. */
async function regimeReminder(ctx: ReminderContext, r: ClaimedReminder, breach: Breach, clocks: StageClock[], now: DateTime, round: RoundReads) {
  const clock = clocks.find((c) => regimeStream(c.regime, c.stage) === r.stream)!;
  const org = await roundSettings(ctx, round);
  const profile = REGIMES.get(clock.regime);
  return ctx.slack.regimeReminder({
    mention: [...(breach.leadId ? [breach.leadId] : []), ...org.dpoUserIds],
    breachId: breach.id,
    reference: breach.reference,
    regime: profile?.name.en ?? clock.regime,
    authority: clock.to === 'authority' ? (profile?.authority.name.en ?? 'the authority') : null,
    clock,
    kind: r.kind,
    dueAt: r.dueAt,
    late: r.late,
    skippedCount: r.skippedKeys.length,
    now,
    zone: ctx.config.timezone,
  });
}

/**
 * After a reminder: the card's countdown is refreshed with it. Not awaited: in a storm of due
 * reminders the refresh waits its turn within chat.update's limit, and the next reminders must not
 * wait behind it (the refresher coalesces and lands the latest state).
 */
export async function afterReminder(ctx: ReminderContext, r: ClaimedReminder): Promise<void> {
  void refreshCard(ctx, r.breachId);
}
