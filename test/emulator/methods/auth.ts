/** auth.test (§4.1): Bolt calls it at start-up to learn botUserId / botId. Special tier. */
import type { MethodSpec } from './types.js';

export const authMethods: MethodSpec[] = [
  {
    name: 'auth.test',
    tier: 'special',
    handler: ({ core }) => ({
      url: `https://${core.state.team.domain}.slack.com/`,
      team: core.state.team.name,
      user: core.state.bot.name,
      team_id: core.state.team.id,
      user_id: core.state.bot.userId,
      bot_id: core.state.bot.botId,
      app_id: core.state.bot.appId,
      is_enterprise_install: false,
    }),
  },
];
