import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import * as declareSubmit from './declare-submit.js';

export function register(app: App, deps: BotDeps): void {
  declareSubmit.register(app, deps);
}
