import type { App } from '@slack/bolt';
import { homeOpened } from '../../../flows/home.js';
import type { BotDeps } from '../../deps.js';

/**
 * The Home tab was opened (Bolt acks events before listeners run): remember the viewer, so the
 * Home is republished when something changes, and publish it now. The Messages tab needs nothing.
 */
export function register(app: App, deps: BotDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await homeOpened(deps, event.user);
  });
}
