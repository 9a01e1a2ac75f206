import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import * as appHomeOpened from './app-home-opened.js';
import * as memberLeftChannel from './member-left-channel.js';

export function register(app: App, deps: BotDeps): void {
  appHomeOpened.register(app, deps);
  memberLeftChannel.register(app, deps);
}
