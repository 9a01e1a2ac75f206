/**
 * users.* and usergroups.* (slack-rules.md §4.2). users.info gives `tz` (IANA), `tz_label`
 * and `tz_offset` in *seconds*, computed for the emulator clock's current instant.
 */
import { DateTime } from 'luxon';
import type { EmulatorCore } from '../core.js';
import { ApiError } from '../errors.js';
import type { EmulatedUser } from '../state.js';
import { paginate } from './common.js';
import type { MethodSpec } from './types.js';

export function publicUser(core: EmulatorCore, u: EmulatedUser): Record<string, unknown> {
  const dt = DateTime.fromMillis(core.now(), { zone: u.tz });
  return {
    id: u.id,
    team_id: u.team_id,
    name: u.name,
    real_name: u.real_name,
    deleted: u.deleted,
    is_admin: u.is_admin,
    is_owner: u.is_owner,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: u.is_bot,
    is_app_user: false,
    tz: u.tz,
    tz_label: dt.offsetNameLong ?? u.tz,
    tz_offset: dt.offset * 60,
    updated: core.nowSec(),
    profile: {
      real_name: u.real_name,
      display_name: u.name,
      real_name_normalized: u.real_name,
      display_name_normalized: u.name,
      team: u.team_id,
      ...(u.email !== undefined && core.scopes.has('users:read.email') ? { email: u.email } : {}),
      ...(u.bot_id ? { bot_id: u.bot_id, api_app_id: u.app_id } : {}),
    },
  };
}

export const usersMethods: MethodSpec[] = [
  {
    name: 'users.info',
    tier: 'tier4',
    scopes: ['users:read'],
    handler: ({ core, args }) => {
      const u = core.user(args.string('user') ?? '');
      if (!u) throw new ApiError('user_not_found');
      return { user: publicUser(core, u) };
    },
  },
  {
    name: 'users.list',
    tier: 'tier2',
    scopes: ['users:read'],
    handler: (ctx) => {
      const all = [...ctx.core.state.users.values()];
      const { page, next } = paginate(all, ctx, 200);
      return {
        members: page.map((u) => publicUser(ctx.core, u)),
        cache_ts: ctx.core.nowSec(),
        response_metadata: { next_cursor: next },
      };
    },
  },
  {
    name: 'usergroups.users.list',
    tier: 'tier2',
    scopes: ['usergroups:read'],
    handler: ({ core, args }) => {
      const g = core.state.usergroups.get(args.string('usergroup') ?? '');
      if (!g) throw new ApiError('no_such_subteam');
      if (g.is_disabled && !args.bool('include_disabled')) throw new ApiError('no_such_subteam');
      return { users: [...g.users] };
    },
  },
  {
    name: 'usergroups.list',
    tier: 'tier2',
    scopes: ['usergroups:read'],
    handler: ({ core, args }) => {
      const includeUsers = args.bool('include_users') ?? false;
      const includeDisabled = args.bool('include_disabled') ?? false;
      return {
        usergroups: [...core.state.usergroups.values()]
          .filter((g) => includeDisabled || !g.is_disabled)
          .map((g) => ({
            id: g.id,
            team_id: g.team_id,
            handle: g.handle,
            name: g.name,
            is_usergroup: true,
            date_delete: g.is_disabled ? 1 : 0,
            user_count: g.users.length,
            ...(includeUsers ? { users: [...g.users] } : {}),
          })),
      };
    },
  },
];
