import { App, HTTPReceiver, type Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import type { BotDeps } from './deps.js';
import type { ListenerRouter } from './listeners/router.js';
import { registerListeners } from './listeners/index.js';
import type { SlackPacer } from './pacer.js';
import { recordRequestKind } from './request-kind.js';
import { QUICK_RETRIES, webClientOptions } from './web-client.js';

export interface SlackApp {
  app: App;
  /** Present in HTTP mode: its requestListener is mounted on our HTTP server. */
  receiver?: HTTPReceiver;
  /** The listeners registered (ids by kind). */
  listeners: ListenerRouter;
}

/**
 * Builds the Bolt app: HTTP mode (signature-verified `POST /slack/events`) by default,
 * Socket Mode when SLACK_APP_TOKEN is set. Its WebClient (and the Socket Mode client's, which Bolt
 * builds from the same clientOptions) is paced to Slack's rate limits (web-client.ts).
 */
export function createSlackApp(config: Config, deps: Omit<BotDeps, 'config'>, pacer: SlackPacer): SlackApp {
  const logger: Logger = deps.logger;
  const clientOptions = {
    // Paced per method; a 429 waits its Retry-After in the pacer and is sent again (pacer.ts).
    ...webClientOptions(config, logger, pacer, { retryRateLimited: true }),
    // Retry what Slack says may be retried (5xx, network, a 429 the pacer gave up on) a few times,
    // quickly: a user is waiting, and our own step records resume anything that still fails.
    retryConfig: QUICK_RETRIES,
  };
  // Bolt sets its logger to its own level (info unless told) when the app is made: LOG_LEVEL=debug
  // would go quiet and LOG_LEVEL=warn would print info lines from then on. Tell it ours.
  const logLevel = logger.getLevel();
  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (config.slack.mode === 'socket') {
    app = new App({
      token: config.slack.botToken,
      appToken: config.slack.appToken,
      socketMode: true,
      clientOptions,
      logger,
      logLevel,
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
    app = new App({ token: config.slack.botToken, receiver, clientOptions, logger, logLevel, deferInitialization: true, convoStore: false });
  }
  app.error(async (err) => {
    logger.error('unhandled listener error:', err);
  });
  const listeners = registerListeners(app, { ...deps, config });
  return receiver ? { app, receiver, listeners } : { app, listeners };
}
