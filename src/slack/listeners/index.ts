import type { App } from '@slack/bolt';
import { accessGuard } from '../access/guard.js';
import type { BotDeps } from '../deps.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import { KnownListeners } from './fallback.js';
import * as shortcuts from './shortcuts/index.js';
import * as views from './views/index.js';

/**
 * Registers every listener, grouped by kind as in Slack's Bolt sample apps. Before any of them runs,
 * requests no listener handles are acked (fallback.ts) and every other request passes the access
 * guard (access/guard.ts). Returns what was registered, for the test that each has a policy entry.
 */
export function registerListeners(app: App, deps: BotDeps): KnownListeners {
  const known = new KnownListeners();
  app.use(known.middleware());
  app.use(accessGuard(deps));
  const tracked = known.track(app);
  commands.register(tracked, deps);
  shortcuts.register(tracked, deps);
  views.register(tracked, deps);
  actions.register(tracked, deps);
  events.register(tracked, deps);
  return known;
}
