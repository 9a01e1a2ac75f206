import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as shortcuts from './shortcuts/index.js';
import * as views from './views/index.js';

/** Registers every listener, grouped by kind as in Slack's Bolt sample apps. */
export function registerListeners(app: App, deps: BotDeps): void {
  commands.register(app, deps);
  shortcuts.register(app, deps);
  views.register(app, deps);
  actions.register(app, deps);
}
