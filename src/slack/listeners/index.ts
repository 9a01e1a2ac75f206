import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import * as commands from './commands/index.js';

/** Registers every listener, grouped by kind as in Slack's Bolt sample apps. */
export function registerListeners(app: App, deps: BotDeps): void {
  commands.register(app, deps);
}
