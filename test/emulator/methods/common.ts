/**
 * Checks shared by method families: scopes (rule 9) and conversation access (rule 10).
 *
 * Membership (slack-rules.md §4.2 "Membership"): a private channel or DM the bot is not in
 * behaves as if it did not exist (channel_not_found); a public channel it is not in gives
 * not_in_channel (unless a scope such as chat:write.public allows it); archived → is_archived.
 */
import { ApiError } from '../errors.js';
import type { EmulatorCore } from '../core.js';
import type { EmulatedChannel } from '../state.js';
import type { MethodContext } from './types.js';

export interface ChannelScopes {
  public: readonly string[];
  private: readonly string[];
  im: readonly string[];
}

export function missingScope(core: EmulatorCore, needed: readonly string[]): ApiError {
  return new ApiError('missing_scope', { needed: needed.join(','), provided: [...core.scopes].join(',') });
}

export function requireScope(core: EmulatorCore, anyOf: readonly string[]): void {
  if (anyOf.length > 0 && !anyOf.some((s) => core.scopes.has(s))) throw missingScope(core, anyOf);
}

/** Scope per conversation type: channels:* for public, groups:* for private, im:* for DMs (§4.2). */
export function requireChannelScope(core: EmulatorCore, ch: EmulatedChannel, scopes: ChannelScopes): void {
  requireScope(core, ch.is_im || ch.is_mpim ? scopes.im : ch.is_private ? scopes.private : scopes.public);
}

export function visibleToBot(core: EmulatorCore, ch: EmulatedChannel): boolean {
  return !(ch.is_private || ch.is_im || ch.is_mpim) || core.isBotMember(ch);
}

/** A conversation the bot can see (reads): channel_not_found for hidden private ones. */
export function channelForRead(ctx: MethodContext, arg: string | undefined): EmulatedChannel {
  if (arg === undefined || arg === '') throw new ApiError('channel_not_found');
  const ch = ctx.core.resolveChannelArg(arg);
  if (!ch || !visibleToBot(ctx.core, ch)) throw new ApiError('channel_not_found');
  return ch;
}

export interface WriteAccess {
  /** Scopes checked after the channel is known to be visible. */
  scopes?: ChannelScopes;
  /** Scopes that let the bot act in public channels it has not joined (chat:write.public). */
  publicWithoutMembership?: readonly string[];
  /** The error code for archived channels (default is_archived). */
  archivedError?: string;
}

/** A conversation the bot acts in: visibility, scope, archive and membership checks, in that order. */
export function channelForWrite(ctx: MethodContext, arg: string | undefined, access: WriteAccess = {}): EmulatedChannel {
  const ch = channelForRead(ctx, arg);
  if (access.scopes) requireChannelScope(ctx.core, ch, access.scopes);
  if (ch.is_archived) throw new ApiError(access.archivedError ?? 'is_archived');
  if (!ctx.core.isBotMember(ch)) {
    const exempt = access.publicWithoutMembership?.some((s) => ctx.core.scopes.has(s)) ?? false;
    if (!exempt) throw new ApiError('not_in_channel');
  }
  return ch;
}

/** The channel object conversations.* return. */
export function publicChannel(core: EmulatorCore, ch: EmulatedChannel): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: ch.id,
    created: ch.created,
    is_archived: ch.is_archived,
    is_im: ch.is_im,
    is_mpim: ch.is_mpim,
    is_private: ch.is_private,
    context_team_id: core.state.team.id,
  };
  if (ch.is_im) return { ...base, user: ch.user, is_user_deleted: core.user(ch.user ?? '')?.deleted ?? false };
  return {
    ...base,
    name: ch.name,
    name_normalized: ch.name,
    is_channel: !ch.is_private,
    is_group: false,
    is_general: ch.is_general,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    creator: ch.creator,
    is_member: core.isBotMember(ch),
    topic: { ...ch.topic },
    purpose: { ...ch.purpose },
    num_members: ch.members.length,
  };
}

/** Cursor pagination helper (cursor = start index, base64). */
export function paginate<T>(items: readonly T[], ctx: MethodContext, defaultLimit = 100): { page: T[]; next: string } {
  const limitArg = Number(ctx.args.string('limit') ?? defaultLimit);
  const limit = Number.isFinite(limitArg) && limitArg > 0 ? Math.min(limitArg, 1000) : defaultLimit;
  const cursor = ctx.args.string('cursor');
  let start = 0;
  if (cursor) {
    start = Number(Buffer.from(cursor, 'base64').toString('utf8').replace(/^idx:/, ''));
    if (!Number.isInteger(start) || start < 0) throw new ApiError('invalid_cursor');
  }
  const page = items.slice(start, start + limit);
  const nextIdx = start + limit;
  return { page, next: nextIdx < items.length ? Buffer.from(`idx:${nextIdx}`).toString('base64') : '' };
}
