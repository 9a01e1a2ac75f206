/**
 * Scheduled messages (slack-rules.md §4.2 chat.scheduleMessage notes; rule 13 of §10):
 * post_at is integer Unix *seconds* (milliseconds land beyond 120 days → time_too_far);
 * time_in_past; more than 30 per channel within any 5-minute window → restricted_too_many;
 * deleting one already sent or deleted → invalid_scheduled_message_id. A scheduled message is
 * posted when the emulator clock passes post_at (SlackEmulator.advanceScheduled or its poller).
 */
import type { EmulatorCore } from '../core.js';
import { ApiError } from '../errors.js';
import { slackId } from '../ids.js';
import type { ScheduledMessage } from '../state.js';
import { channelForRead, channelForWrite, paginate } from './common.js';
import { checkReplyBroadcast, checkThreadTs, MESSAGE_TEXT_MAX, parseMessageContent } from './message-content.js';
import type { MethodSpec } from './types.js';

export const SCHEDULE_MAX_AHEAD_SEC = 120 * 24 * 3600;
export const SCHEDULE_WINDOW_SEC = 5 * 60;
export const SCHEDULE_MAX_PER_WINDOW = 30;

/** Largest number of pending messages (including the new one) inside one 5-minute window around postAt. */
function busiestWindow(pending: number[], postAt: number): number {
  const times = [...pending.filter((t) => Math.abs(t - postAt) < SCHEDULE_WINDOW_SEC), postAt].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while ((times[hi] ?? 0) - (times[lo] ?? 0) >= SCHEDULE_WINDOW_SEC) lo++;
    const t0 = times[lo] ?? 0;
    const t1 = times[hi] ?? 0;
    if (t0 <= postAt && postAt <= t1) best = Math.max(best, hi - lo + 1);
  }
  return best;
}

export const scheduledMethods: MethodSpec[] = [
  {
    name: 'chat.scheduleMessage',
    tier: 'tier3',
    scopes: ['chat:write'],
    handler: (ctx) => {
      const ch = channelForWrite(ctx, ctx.args.string('channel'), { publicWithoutMembership: ['chat:write.public'] });
      const raw = ctx.args.raw['post_at'];
      const postAtStr = raw === undefined || raw === null ? '' : String(raw);
      if (!/^\d+$/.test(postAtStr)) throw new ApiError('invalid_time');
      const postAt = Number(postAtStr);
      const now = ctx.core.nowSec();
      if (postAt < now) throw new ApiError('time_in_past');
      if (postAt > now + SCHEDULE_MAX_AHEAD_SEC) throw new ApiError('time_too_far');
      const content = parseMessageContent(ctx.args, { mode: 'reject', max: MESSAGE_TEXT_MAX });
      const threadTs = checkThreadTs(ctx.core, ch, ctx.args.raw['thread_ts']);
      const replyBroadcast = checkReplyBroadcast(ctx.args, threadTs);
      const pending = [...ctx.core.state.scheduled.values()]
        .filter((s) => s.channel === ch.id && s.status === 'pending')
        .map((s) => s.post_at);
      if (busiestWindow(pending, postAt) > SCHEDULE_MAX_PER_WINDOW) throw new ApiError('restricted_too_many');
      ctx.core.scanMessage(content, ctx.method, ch.id);
      const id = slackId('Q', 10);
      const sm: ScheduledMessage = {
        id,
        channel: ch.id,
        post_at: postAt,
        date_created: now,
        text: content.text,
        status: 'pending',
        ...(content.blocks ? { blocks: content.blocks } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(replyBroadcast ? { reply_broadcast: true } : {}),
      };
      ctx.core.state.scheduled.set(id, sm);
      return {
        channel: ch.id,
        scheduled_message_id: id,
        post_at: postAt,
        message: { type: 'message', text: sm.text, bot_id: ctx.core.state.bot.botId, ...(sm.blocks ? { blocks: sm.blocks } : {}) },
      };
    },
  },
  {
    name: 'chat.deleteScheduledMessage',
    tier: 'tier3',
    scopes: ['chat:write'],
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      const id = ctx.args.required('scheduled_message_id');
      const sm = ctx.core.state.scheduled.get(id);
      if (!sm || sm.channel !== ch.id || sm.status !== 'pending') throw new ApiError('invalid_scheduled_message_id');
      sm.status = 'deleted';
      return {};
    },
  },
  {
    name: 'chat.scheduledMessages.list',
    tier: 'tier3',
    handler: (ctx) => {
      const channel = ctx.args.string('channel');
      if (channel) {
        const ch = ctx.core.resolveChannelArg(channel);
        if (!ch) throw new ApiError('invalid_channel');
      }
      const latest = Number(ctx.args.string('latest') ?? Infinity);
      const oldest = Number(ctx.args.string('oldest') ?? 0);
      const items = [...ctx.core.state.scheduled.values()]
        .filter((s) => s.status === 'pending' && (!channel || s.channel === channel))
        .filter((s) => s.post_at <= latest && s.post_at >= oldest)
        .sort((a, b) => a.post_at - b.post_at);
      const { page, next } = paginate(items, ctx);
      return {
        scheduled_messages: page.map((s) => ({
          id: s.id,
          channel_id: s.channel,
          post_at: s.post_at,
          date_created: s.date_created,
          text: s.text,
        })),
        response_metadata: { next_cursor: next },
      };
    },
  },
];

/** Post every pending scheduled message whose post_at has passed on the emulator clock. */
export function postDueScheduled(core: EmulatorCore): ScheduledMessage[] {
  const nowSec = core.nowSec();
  const due = [...core.state.scheduled.values()]
    .filter((s) => s.status === 'pending' && s.post_at <= nowSec)
    .sort((a, b) => a.post_at - b.post_at);
  for (const s of due) {
    const ch = core.state.channels.get(s.channel);
    const parent = s.thread_ts ? core.findMessage(s.channel, s.thread_ts) : undefined;
    const failure = !ch
      ? 'channel_not_found'
      : ch.is_archived
        ? 'is_archived'
        : !core.isBotMember(ch) && !(core.scopes.has('chat:write.public') && !ch.is_private)
          ? 'not_in_channel'
          : s.thread_ts && (!parent || parent.deleted)
            ? 'thread_not_found'
            : undefined;
    if (failure) {
      s.status = 'failed';
      s.failure = failure;
      continue;
    }
    const msg = core.storeMessage({
      channel: s.channel,
      ...core.botAuthor(),
      text: s.text,
      source: 'scheduled',
      ...(s.blocks ? { blocks: s.blocks } : {}),
      ...(s.thread_ts ? { thread_ts: s.thread_ts } : {}),
      ...(s.reply_broadcast ? { reply_broadcast: true } : {}),
    });
    s.status = 'sent';
    s.postedTs = msg.ts;
  }
  return due;
}
