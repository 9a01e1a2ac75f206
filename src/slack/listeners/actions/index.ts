import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import * as retrySetup from './retry-setup.js';

export function register(app: App, deps: BotDeps): void {
  retrySetup.register(app, deps);
}
