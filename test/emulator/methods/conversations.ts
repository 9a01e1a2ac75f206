/**
 * conversations.* (slack-rules.md §4.2; rules 9, 10, 11, 15 of §10).
 * Channel names: [a-z0-9_-], ≤ 80, uppercase rejected (not lowercased), not only punctuation,
 * unique even against archived channels. The creating bot is a member.
 */
import { charCount } from '../block-kit.js';
import { ApiError, invalidArguments, missingArgument } from '../errors.js';
import type { EmulatedChannel } from '../state.js';
import {
  channelForRead,
  channelForWrite,
  paginate,
  publicChannel,
  requireChannelScope,
  requireScope,
  type ChannelScopes,
} from './common.js';
import type { MethodContext, MethodSpec } from './types.js';

const HISTORY_SCOPES: ChannelScopes = { public: ['channels:history'], private: ['groups:history'], im: ['im:history', 'mpim:history'] };
const READ_SCOPES: ChannelScopes = { public: ['channels:read'], private: ['groups:read'], im: ['im:read', 'mpim:read'] };
const MANAGE_SCOPES: ChannelScopes = { public: ['channels:manage'], private: ['groups:write'], im: ['im:write', 'mpim:write'] };
const INVITE_SCOPES: ChannelScopes = {
  public: ['channels:manage', 'channels:write.invites'],
  private: ['groups:write', 'groups:write.invites'],
  im: ['mpim:write'],
};
const TOPIC_SCOPES: ChannelScopes = {
  public: ['channels:manage', 'channels:write.topic'],
  private: ['groups:write', 'groups:write.topic'],
  im: ['im:write', 'mpim:write'],
};
export const TOPIC_MAX = 250;
export const CHANNEL_NAME_MAX = 80;
export const INVITE_MAX_USERS = 100;

/** conversations.create name rules (§4.2 notes, rule 11). Returns the error code or undefined. */
export function channelNameError(name: string, allowUnicode: boolean): string | undefined {
  if (name.length === 0) return 'invalid_name_required';
  if (charCount(name) > CHANNEL_NAME_MAX) return 'invalid_name_maxlength';
  const allowed = allowUnicode ? /^[\p{Ll}\p{Lo}\p{Nd}_-]+$/u : /^[a-z0-9_-]+$/;
  if (!allowed.test(name)) return 'invalid_name_specials';
  if (/^[-_]+$/.test(name)) return 'invalid_name_punctuation';
  return undefined;
}

function notForDms(ch: EmulatedChannel): void {
  if (ch.is_im) throw new ApiError('method_not_supported_for_channel_type');
}

function setTopicOrPurpose(ctx: MethodContext, field: 'topic' | 'purpose'): Record<string, unknown> {
  const ch = channelForWrite(ctx, ctx.args.string('channel'), { scopes: TOPIC_SCOPES });
  const value = ctx.args.string(field);
  if (value === undefined) throw missingArgument(field);
  if (charCount(value) > TOPIC_MAX) throw new ApiError('too_long');
  ctx.core.scan([{ text: value, pointer: `/${field}`, format: 'topic' }], ctx.method, ch.id);
  ch[field] = { value, creator: ctx.core.botUserId, last_set: ctx.core.nowSec() };
  return { channel: publicChannel(ctx.core, ch) };
}

export const conversationsMethods: MethodSpec[] = [
  {
    name: 'conversations.create',
    tier: 'tier2',
    handler: (ctx) => {
      const isPrivate = ctx.args.bool('is_private') ?? false;
      requireScope(ctx.core, isPrivate ? ['groups:write'] : ['channels:manage']);
      const name = ctx.args.string('name') ?? '';
      const problem = channelNameError(name, ctx.core.options.unicodeChannelNames);
      if (problem) throw new ApiError(problem);
      // Names stay taken after archiving (§4.2, monzo/response#23).
      if (ctx.core.channelByName(name)) throw new ApiError('name_taken');
      const ch = ctx.core.newChannel({ name, isPrivate, creator: ctx.core.botUserId, members: [ctx.core.botUserId] });
      return { channel: publicChannel(ctx.core, ch) };
    },
  },
  {
    name: 'conversations.invite',
    tier: 'tier3',
    handler: (ctx) => {
      const ch = channelForWrite(ctx, ctx.args.string('channel'), { scopes: INVITE_SCOPES });
      notForDms(ch);
      const users = ctx.args.list('users');
      if (users.length === 0) throw new ApiError('no_user');
      if (users.length > INVITE_MAX_USERS) {
        throw invalidArguments(`no more than ${INVITE_MAX_USERS} items allowed [json-pointer:/users]`);
      }
      const errors: Array<{ user: string; ok: false; error: string }> = [];
      const valid: string[] = [];
      for (const id of users) {
        const u = ctx.core.user(id);
        let error: string | undefined;
        if (!u) error = 'user_not_found';
        else if (id === ctx.core.botUserId) error = 'cant_invite_self';
        else if (u.deleted) error = 'cant_invite';
        else if (ch.members.includes(id)) error = 'already_in_channel';
        if (error) errors.push({ user: id, ok: false, error });
        else valid.push(id);
      }
      const force = ctx.args.bool('force') ?? false;
      const first = errors[0];
      if (first && !force) throw new ApiError(first.error, { errors });
      ch.members.push(...valid.filter((id) => !ch.members.includes(id)));
      return { channel: publicChannel(ctx.core, ch), ...(errors.length ? { errors } : {}) };
    },
  },
  {
    name: 'conversations.kick',
    tier: 'tier3',
    handler: (ctx) => {
      const ch = channelForWrite(ctx, ctx.args.string('channel'), { scopes: MANAGE_SCOPES });
      notForDms(ch);
      const user = ctx.args.required('user');
      if (!ctx.core.user(user)) throw new ApiError('user_not_found');
      if (user === ctx.core.botUserId) throw new ApiError('cant_kick_self');
      if (!ch.members.includes(user)) throw new ApiError('not_in_channel');
      ch.members = ch.members.filter((m) => m !== user);
      return {};
    },
  },
  { name: 'conversations.setTopic', tier: 'tier2', handler: (ctx) => setTopicOrPurpose(ctx, 'topic') },
  { name: 'conversations.setPurpose', tier: 'tier2', handler: (ctx) => setTopicOrPurpose(ctx, 'purpose') },
  {
    name: 'conversations.info',
    tier: 'tier3',
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      requireChannelScope(ctx.core, ch, READ_SCOPES);
      return { channel: publicChannel(ctx.core, ch) };
    },
  },
  {
    // Top-level messages, newest first; metadata only with include_all_metadata (as Slack does).
    name: 'conversations.history',
    tier: 'tier3',
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      requireChannelScope(ctx.core, ch, HISTORY_SCOPES);
      if (!ctx.core.isBotMember(ch)) throw new ApiError('not_in_channel');
      const withMetadata = ctx.args.string('include_all_metadata') === 'true';
      const top = ctx.core
        .messagesOf(ch.id)
        .filter((m) => !m.deleted && (m.thread_ts === undefined || m.thread_ts === m.ts || m.reply_broadcast))
        .reverse();
      const { page, next } = paginate(top, ctx);
      const messages = page.map((m) => {
        const pub = ctx.core.publicMessage(m);
        if (!withMetadata) delete pub['metadata'];
        return pub;
      });
      return { messages, has_more: next !== '', response_metadata: { next_cursor: next } };
    },
  },
  {
    name: 'conversations.members',
    tier: 'tier4',
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      requireChannelScope(ctx.core, ch, READ_SCOPES);
      const { page, next } = paginate(ch.members, ctx);
      return { members: page, response_metadata: { next_cursor: next } };
    },
  },
  {
    name: 'conversations.archive',
    tier: 'tier2',
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      notForDms(ch);
      requireChannelScope(ctx.core, ch, MANAGE_SCOPES);
      if (ch.is_archived) throw new ApiError('already_archived');
      if (ch.is_general) throw new ApiError('cant_archive_general');
      if (!ctx.core.isBotMember(ch)) throw new ApiError('not_in_channel');
      ch.is_archived = true;
      return {};
    },
  },
  {
    name: 'conversations.unarchive',
    tier: 'tier2',
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      notForDms(ch);
      requireChannelScope(ctx.core, ch, MANAGE_SCOPES);
      if (!ch.is_archived) throw new ApiError('not_archived');
      if (!ctx.core.isBotMember(ch)) throw new ApiError('not_in_channel');
      ch.is_archived = false;
      return {};
    },
  },
  {
    name: 'conversations.join',
    tier: 'tier3',
    handler: (ctx) => {
      requireScope(ctx.core, ['channels:join']);
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      if (ch.is_private || ch.is_im) throw new ApiError('method_not_supported_for_channel_type');
      if (ch.is_archived) throw new ApiError('is_archived');
      if (!ch.members.includes(ctx.core.botUserId)) ch.members.push(ctx.core.botUserId);
      return { channel: publicChannel(ctx.core, ch) };
    },
  },
  {
    name: 'conversations.open',
    tier: 'tier3',
    handler: (ctx) => {
      const existing = ctx.args.string('channel');
      const users = ctx.args.list('users');
      if (existing) {
        requireScope(ctx.core, ['im:write']);
        const ch = channelForRead(ctx, existing);
        return { channel: ctx.args.bool('return_im') ? publicChannel(ctx.core, ch) : { id: ch.id } };
      }
      if (users.length === 0) throw new ApiError('users_list_not_supplied');
      if (users.length > 1) {
        // Group DMs need mpim:write, which breachbot does not request.
        requireScope(ctx.core, ['mpim:write']);
        throw new ApiError('not_supported', {}, ['[ERROR] the emulator does not model group DMs']);
      }
      requireScope(ctx.core, ['im:write']);
      const id = users[0] ?? '';
      const u = ctx.core.user(id);
      if (!u) throw new ApiError('user_not_found');
      if (u.deleted) throw new ApiError('user_disabled');
      if (id === ctx.core.botUserId) throw new ApiError('cannot_dm_bot');
      const before = [...ctx.core.state.channels.values()].some((c) => c.is_im && c.user === id);
      const ch = ctx.core.ensureIm(id);
      return {
        ...(before ? { no_op: true, already_open: true } : {}),
        channel: ctx.args.bool('return_im') ? publicChannel(ctx.core, ch) : { id: ch.id },
      };
    },
  },
  {
    name: 'conversations.list',
    tier: 'tier2',
    handler: (ctx) => {
      const types = ctx.args.list('types');
      const wanted = types.length ? types : ['public_channel'];
      const scopeFor: Record<string, string> = {
        public_channel: 'channels:read',
        private_channel: 'groups:read',
        im: 'im:read',
        mpim: 'mpim:read',
      };
      for (const t of wanted) {
        const s = scopeFor[t];
        if (!s) throw invalidArguments(`invalid type: ${t} [json-pointer:/types]`);
        requireScope(ctx.core, [s]);
      }
      const excludeArchived = ctx.args.bool('exclude_archived') ?? false;
      const all = [...ctx.core.state.channels.values()].filter((ch) => {
        if (excludeArchived && ch.is_archived) return false;
        if (ch.is_im) return wanted.includes('im') && ctx.core.isBotMember(ch);
        if (ch.is_private) return wanted.includes('private_channel') && ctx.core.isBotMember(ch);
        return wanted.includes('public_channel');
      });
      const { page, next } = paginate(all, ctx);
      return { channels: page.map((ch) => publicChannel(ctx.core, ch)), response_metadata: { next_cursor: next } };
    },
  },
];
