import type { App } from '@slack/bolt';
import { accessGuard } from '../access/guard.js';
import type { BotDeps } from '../deps.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import { ListenerRouter } from './router.js';
import * as shortcuts from './shortcuts/index.js';
import * as views from './views/index.js';

/**
 * Registers every listener, grouped by kind as in Slack's Bolt sample apps, with the router
 * (router.ts): requests no listener handles are acked first, every other request passes the access
 * guard (access/guard.ts), then the router calls the listeners that match. Returns the router, for
 * the test that each listener has a policy entry.
 */
export function registerListeners(app: App, deps: BotDeps): ListenerRouter {
  const router = new ListenerRouter();
  app.use(router.unhandled());
  app.use(accessGuard(deps));
  app.use(router.dispatch());
  const tracked = router.track(app);
  commands.register(tracked, deps);
  shortcuts.register(tracked, deps);
  views.register(tracked, deps);
  actions.register(tracked, deps);
  events.register(tracked, deps);
  return router;
}
