import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';

/**
 * Someone left a channel or was removed from it (Bolt acks events before listeners run): the
 * access guard's remembered membership of that channel is dropped, so their next press is checked
 * against Slack again and refused (src/slack/channel-membership.ts).
 */
export function register(app: App, deps: BotDeps): void {
  app.event('member_left_channel', async ({ event }) => {
    deps.membership.left(event.channel, event.user);
  });
}
