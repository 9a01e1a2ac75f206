import type { App } from '@slack/bolt';
import { publishHome } from '../../../flows/home.js';
import { recordHomeViewer } from '../../../store/home-viewers.js';
import type { BotDeps } from '../../deps.js';

/**
 * The Home tab was opened (Bolt acks events before listeners run): remember the viewer, so the
 * Home is republished when something changes, and publish it now. The Messages tab needs nothing.
 */
export function register(app: App, deps: BotDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    try {
      await recordHomeViewer(deps.db, event.user, deps.clock.now().toJSDate());
    } catch (err) {
      // Still show the Home: only its later refreshes depend on the record.
      deps.logger.warn(`could not record the Home viewer ${event.user}: ${(err as Error).message}`);
    }
    await publishHome(deps, event.user);
  });
}
