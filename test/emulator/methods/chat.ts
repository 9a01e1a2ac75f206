/**
 * chat.* (slack-rules.md §3, §4.2; rules 8, 10, 12, 14, 15 of §10).
 */
import { ApiError, invalidArguments } from '../errors.js';
import type { EmulatedMessage, JsonObject } from '../state.js';
import { channelForRead, channelForWrite } from './common.js';
import {
  checkReplyBroadcast,
  checkThreadTs,
  MESSAGE_TEXT_MAX,
  parseMessageContent,
  UPDATE_TEXT_MAX,
} from './message-content.js';
import type { MethodContext, MethodSpec } from './types.js';

const WRITE_PUBLIC = ['chat:write.public'];

function parseMetadata(ctx: MethodContext): JsonObject | undefined {
  const m = ctx.args.json('metadata', () => new ApiError('invalid_metadata_format'));
  if (m === undefined) return undefined;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) throw new ApiError('invalid_metadata_format');
  const md = m as JsonObject;
  if (typeof md['event_type'] !== 'string' || typeof md['event_payload'] !== 'object') {
    throw new ApiError('invalid_metadata_format');
  }
  return md;
}

function messageOrThrow(ctx: MethodContext, channel: string, tsArg: string): EmulatedMessage {
  const ts = ctx.args.string(tsArg);
  if (!ts) throw new ApiError('message_not_found');
  const m = ctx.core.findMessage(channel, ts);
  if (!m || m.deleted) throw new ApiError('message_not_found');
  return m;
}

export const chatMethods: MethodSpec[] = [
  {
    name: 'chat.postMessage',
    tier: 'postMessage',
    scopes: ['chat:write'],
    handler: (ctx) => {
      const ch = channelForWrite(ctx, ctx.args.string('channel'), { publicWithoutMembership: WRITE_PUBLIC });
      const markdownText = ctx.args.string('markdown_text');
      if (markdownText !== undefined && (ctx.args.has('text') || ctx.args.has('blocks'))) {
        throw new ApiError('markdown_text_conflict');
      }
      const content = parseMessageContent(
        ctx.args,
        { mode: 'truncate', max: MESSAGE_TEXT_MAX, warn: ctx.warn },
        markdownText !== undefined ? { textArg: 'markdown_text' } : {},
      );
      const threadTs = checkThreadTs(ctx.core, ch, ctx.args.raw['thread_ts']);
      const replyBroadcast = checkReplyBroadcast(ctx.args, threadTs);
      const metadata = parseMetadata(ctx);
      ctx.core.scanMessage(content, ctx.method, ch.id);
      const msg = ctx.core.storeMessage({
        channel: ch.id,
        ...ctx.core.botAuthor(),
        text: content.text,
        source: 'api',
        ...(content.blocks ? { blocks: content.blocks } : {}),
        ...(content.attachments ? { attachments: content.attachments } : {}),
        ...(metadata ? { metadata } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(replyBroadcast ? { reply_broadcast: true } : {}),
      });
      return { channel: ch.id, ts: msg.ts, message: ctx.core.publicMessage(msg) };
    },
  },
  {
    name: 'chat.update',
    tier: 'tier3',
    scopes: ['chat:write'],
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      if (ch.is_archived) throw new ApiError('is_inactive');
      const m = messageOrThrow(ctx, ch.id, 'ts');
      if (m.bot_id !== ctx.core.state.bot.botId) throw new ApiError('cant_update_message');
      const content = parseMessageContent(ctx.args, { mode: 'reject', max: UPDATE_TEXT_MAX });
      ctx.core.scanMessage(content, ctx.method, `${ch.id}/${m.ts}`);
      const now = ctx.core.now();
      m.history.push({ text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}), replacedAt: now });
      // Omitted fields are retained; an empty blocks array removes the blocks.
      if (content.hasText) m.text = content.text;
      if (content.blocks !== undefined) {
        if (content.blocks.length > 0) m.blocks = content.blocks;
        else delete m.blocks;
      }
      if (content.attachments !== undefined) m.attachments = content.attachments;
      m.edited = { user: ctx.core.botUserId, ts: ctx.core.tsMinter.next(now) };
      return { channel: ch.id, ts: m.ts, text: m.text, message: ctx.core.publicMessage(m) };
    },
  },
  {
    name: 'chat.postEphemeral',
    tier: 'tier4',
    scopes: ['chat:write'],
    handler: (ctx) => {
      const ch = channelForWrite(ctx, ctx.args.string('channel'), { publicWithoutMembership: WRITE_PUBLIC });
      const user = ctx.args.required('user');
      if (!ctx.core.user(user)) throw new ApiError('user_not_found');
      if (!ch.members.includes(user)) throw new ApiError('user_not_in_channel');
      const content = parseMessageContent(ctx.args, { mode: 'reject', max: MESSAGE_TEXT_MAX });
      const threadTs = checkThreadTs(ctx.core, ch, ctx.args.raw['thread_ts']);
      ctx.core.scanMessage(content, ctx.method, `${ch.id} (ephemeral to ${user})`);
      const ts = ctx.core.tsMinter.next(ctx.core.now());
      ctx.core.state.ephemerals.push({
        channel: ch.id,
        user,
        ts,
        text: content.text,
        source: 'api',
        deleted: false,
        postedAt: ctx.core.now(),
        ...(content.blocks ? { blocks: content.blocks } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      return { message_ts: ts };
    },
  },
  {
    name: 'chat.delete',
    tier: 'tier3',
    scopes: ['chat:write'],
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      const m = messageOrThrow(ctx, ch.id, 'ts');
      if (m.bot_id !== ctx.core.state.bot.botId) throw new ApiError('cant_delete_message');
      m.deleted = true;
      ch.pins = ch.pins.filter((p) => p.ts !== m.ts);
      return { channel: ch.id, ts: m.ts };
    },
  },
  {
    name: 'chat.getPermalink',
    tier: 'special',
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      if (!ctx.args.has('message_ts')) throw invalidArguments('missing required field: message_ts');
      const m = messageOrThrow(ctx, ch.id, 'message_ts');
      const base = `https://${ctx.core.state.team.domain}.slack.com/archives/${ch.id}/p${m.ts.replace('.', '')}`;
      const isReply = m.thread_ts !== undefined && m.thread_ts !== m.ts;
      return { channel: ch.id, permalink: isReply ? `${base}?thread_ts=${m.thread_ts}&cid=${ch.id}` : base };
    },
  },
];
