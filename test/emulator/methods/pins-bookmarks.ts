/** pins.* and bookmarks.* (slack-rules.md §4.2; rules 9 and 10 of §10). */
import { ApiError, missingArgument } from '../errors.js';
import { slackId, TS_FORMAT } from '../ids.js';
import type { BookmarkRecord } from '../state.js';
import { channelForRead, channelForWrite, type ChannelScopes } from './common.js';
import type { MethodSpec } from './types.js';

export const PINS_MAX = 100;
export const BOOKMARKS_MAX = 100;
const PINS_READ: ChannelScopes = { public: ['pins:read'], private: ['pins:read'], im: ['pins:read'] };

export const pinsAndBookmarksMethods: MethodSpec[] = [
  {
    name: 'pins.add',
    tier: 'tier2',
    scopes: ['pins:write'],
    handler: (ctx) => {
      const ch = channelForWrite(ctx, ctx.args.string('channel'));
      const ts = ctx.args.string('timestamp');
      if (!ts) throw new ApiError('no_item_specified');
      if (!TS_FORMAT.test(ts)) throw new ApiError('bad_timestamp');
      const m = ctx.core.findMessage(ch.id, ts);
      if (!m || m.deleted) throw new ApiError('message_not_found');
      if (ch.pins.some((p) => p.ts === ts)) throw new ApiError('already_pinned');
      if (ch.pins.length >= PINS_MAX) throw new ApiError('too_many_pins');
      ch.pins.push({ ts, pinned_by: ctx.core.botUserId, created: ctx.core.nowSec() });
      return {};
    },
  },
  {
    name: 'pins.remove',
    tier: 'tier2',
    scopes: ['pins:write'],
    handler: (ctx) => {
      const ch = channelForWrite(ctx, ctx.args.string('channel'));
      const ts = ctx.args.string('timestamp');
      if (!ts) throw new ApiError('no_item_specified');
      if (!ch.pins.some((p) => p.ts === ts)) throw new ApiError('no_pin');
      ch.pins = ch.pins.filter((p) => p.ts !== ts);
      return {};
    },
  },
  {
    name: 'pins.list',
    tier: 'tier2',
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel'));
      const scopes = ch.is_im ? PINS_READ.im : ch.is_private ? PINS_READ.private : PINS_READ.public;
      if (!scopes.some((s) => ctx.core.scopes.has(s))) {
        throw new ApiError('missing_scope', { needed: scopes.join(','), provided: [...ctx.core.scopes].join(',') });
      }
      const items = ch.pins.map((p) => {
        const m = ctx.core.findMessage(ch.id, p.ts);
        return {
          type: 'message',
          created: p.created,
          created_by: p.pinned_by,
          channel: ch.id,
          message: m ? ctx.core.publicMessage(m) : undefined,
        };
      });
      return { items };
    },
  },
  {
    name: 'bookmarks.add',
    tier: 'tier2',
    scopes: ['bookmarks:write'],
    handler: (ctx) => {
      const ch = channelForWrite(ctx, ctx.args.string('channel_id'));
      const title = ctx.args.string('title');
      if (!title) throw missingArgument('title');
      const type = ctx.args.string('type');
      if (type !== 'link') throw new ApiError('invalid_bookmark_type');
      const link = ctx.args.string('link') ?? '';
      if (!/^https?:\/\/[^\s]+$/i.test(link)) throw new ApiError('invalid_link');
      if (ch.bookmarks.length >= BOOKMARKS_MAX) throw new ApiError('too_many_bookmarks');
      const bookmark: BookmarkRecord = {
        id: slackId('Bk', 10),
        channel_id: ch.id,
        title,
        link,
        emoji: ctx.args.string('emoji') ?? null,
        type,
        date_created: ctx.core.nowSec(),
        created_by: ctx.core.botUserId,
      };
      ch.bookmarks.push(bookmark);
      return { bookmark: { ...bookmark, icon_url: null, entity_id: null, date_updated: 0, rank: 'U', last_updated_by_user_id: ctx.core.botUserId } };
    },
  },
  {
    name: 'bookmarks.list',
    tier: 'tier3',
    scopes: ['bookmarks:read'],
    handler: (ctx) => {
      const ch = channelForRead(ctx, ctx.args.string('channel_id'));
      return { bookmarks: ch.bookmarks };
    },
  },
];
