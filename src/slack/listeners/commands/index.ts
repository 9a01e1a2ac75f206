import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import { registerBreachCommand } from './breach.js';

export function register(app: App, deps: BotDeps): void {
  registerBreachCommand(app, deps);
}
