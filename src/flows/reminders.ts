import type { Logger, webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import { planReminders, type ReminderSchedule } from '../domain/reminder-plan.js';
import { isStreamActive } from '../domain/reminder-status.js';
import { DateTime } from 'luxon';
import { renderReminder } from '../slack/blocks/reminder-message.js';
import { findOwnMessage } from '../slack/own-messages.js';
import { getBreach } from '../store/breaches.js';
import { loadReminderState } from '../store/breach-state.js';
import { cancelStream, scheduleReminders, type ClaimedReminder, type DbExecutor } from '../store/reminders.js';
import { refreshCard, type CardRefresher } from './card.js';
import { breachStanding } from './progress.js';
import { RoundReads } from './reminder-scheduler.js';
import { getOrgSettings } from '../store/settings.js';
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

export interface ReminderContext {
  db: Db;
  /** A client that hands 429s back (rejectRateLimitedCalls) so the scheduler retries them. */
  client: webApi.WebClient;
  clock: Clock;
  logger: Pick<Logger, 'warn' | 'debug'>;
  config: Pick<Config, 'timezone' | 'seeds'>;
  cards: CardRefresher;
}

/**
 * Posts one claimed reminder in its breach channel, unless its stream has stopped since it was
 * planned (then the stream is cancelled and nothing is posted). The state is read fresh, so the
 * text says what is done and missing at posting time.
 */
export async function postReminder(ctx: ReminderContext, r: ClaimedReminder, round = new RoundReads()): Promise<{ messageTs: string } | { skipped: string }> {
  const [breach, state] = await Promise.all([getBreach(ctx.db, r.breachId), loadReminderState(ctx.db, r.breachId)]);
  if (!breach || !state) return { skipped: 'breach gone' };
  if (!isStreamActive(state, r.stream)) {
    await cancelStream(ctx.db, r.breachId, r.stream, { reason: 'stopped before posting' });
    return { skipped: 'stream stopped' };
  }
  if (!breach.channelId) throw new Error('the breach channel is not set up yet');
  // A failed attempt may have reached Slack (a timeout): look for it rather than post twice.
  if (r.attempts > 0) {
    const ts = await findOwnMessage(ctx.client, breach.channelId, REMINDER_EVENT, r.breachId, (p) => p['key'] === r.key);
    if (ts) return { messageTs: ts };
  }
  const now = ctx.clock.now();
  // The same next step as the card (domain/breach/progress.ts): its button rides along, and people are called by name.
  // The organisation's settings once per round: a storm of due reminders reads them once, not per reminder.
  const { org, progress } = await breachStanding(ctx.db, ctx.config, breach, now, { org: roundSettings(ctx, round) });
  const message = renderReminder({
    mention: [...(breach.leadId ? [breach.leadId] : []), ...org.dpoUserIds],
    next: progress.primary ? { action: progress.primary, breachId: breach.id } : null,
    reference: breach.reference,
    role: state.role,
    stream: r.stream,
    kind: r.kind,
    dueAt: r.dueAt,
    deadlineAt: r.deadlineAt,
    late: r.late,
    skippedCount: r.skippedKeys.length,
    state,
    now,
    zone: ctx.config.timezone,
  });
  const res = await ctx.client.chat.postMessage({
    channel: breach.channelId,
    ...message,
    metadata: { event_type: REMINDER_EVENT, event_payload: { breach_id: r.breachId, key: r.key } },
  });
  return { messageTs: res.ts! };
}

/** The organisation's settings, read once per reminder round (the schedule, the DPO users, the languages). */
export function roundSettings(ctx: Pick<ReminderContext, 'db' | 'config'>, round: RoundReads): Promise<OrgSettings> {
  return round.once('org-settings', () => getOrgSettings(ctx.db, ctx.config));
}

/**
 * After a reminder: the card's countdown is refreshed with it. Not awaited: in a storm of due
 * reminders the refresh waits its turn within chat.update's limit, and the next reminders must not
 * wait behind it (the refresher coalesces and lands the latest state).
 */
export async function afterReminder(ctx: ReminderContext, r: ClaimedReminder): Promise<void> {
  void refreshCard(ctx, r.breachId);
}
