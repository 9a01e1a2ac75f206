import { App, HTTPReceiver, LogLevel, type Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import type { BotDeps } from './deps.js';
import type { KnownListeners } from './listeners/fallback.js';
import { registerListeners } from './listeners/index.js';
import { recordRequestKind } from './request-kind.js';

export interface SlackApp {
  app: App;
  /** Present in HTTP mode: its requestListener is mounted on our HTTP server. */
  receiver?: HTTPReceiver;
  /** The listeners registered (ids by kind). */
  listeners: KnownListeners;
}

/**
 * Builds the Bolt app: HTTP mode (signature-verified `POST /slack/events`) by default,
 * Socket Mode when SLACK_APP_TOKEN is set. The Web API base URL comes from SLACK_API_URL,
 * as GovSlack and the local emulator need.
 */
export function createSlackApp(config: Config, deps: Omit<BotDeps, 'config'>): SlackApp {
  const logger: Logger = deps.logger;
  const clientOptions = {
    slackApiUrl: config.slack.apiUrl,
    // Retry what Slack says may be retried (429 Retry-After, 5xx, network) a few times, quickly:
    // a user is waiting, and our own step records resume anything that still fails.
    retryConfig: { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4_000, randomize: true },
    logLevel: LogLevel.WARN,
    logger,
  };
  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (config.slack.mode === 'socket') {
    app = new App({
      token: config.slack.botToken,
      appToken: config.slack.appToken,
      socketMode: true,
      clientOptions,
      logger,
      deferInitialization: true,
      // breachbot keeps its state in PostgreSQL, not in Bolt's conversation store (a per-request cost).
      convoStore: false,
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret!,
      endpoints: '/slack/events',
      logger,
      customPropertiesExtractor: recordRequestKind,
      // Answer within Slack's 3 s even if a listener forgets to ack, so Slack shows an error
      // instead of hanging; every listener here acks first.
      unhandledRequestTimeoutMillis: 2_900,
    });
    app = new App({ token: config.slack.botToken, receiver, clientOptions, logger, deferInitialization: true, convoStore: false });
  }
  app.error(async (err) => {
    logger.error('unhandled listener error:', err);
  });
  const listeners = registerListeners(app, { ...deps, config });
  return receiver ? { app, receiver, listeners } : { app, listeners };
}
