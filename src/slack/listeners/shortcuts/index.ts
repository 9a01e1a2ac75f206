import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import * as declare from './declare.js';

export function register(app: App, deps: BotDeps): void {
  declare.register(app, deps);
}
