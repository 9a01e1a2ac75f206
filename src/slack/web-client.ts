import { LogLevel, webApi, type Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import { pacedFetch, type SlackPacer } from './pacer.js';

/** Retries of 5xx, network errors and a 429 the pacer gave up on: a few, quickly. */
export const QUICK_RETRIES = { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4_000, randomize: true };

/**
 * The options every WebClient of the bot is built with: the Web API base URL (SLACK_API_URL, as
 * GovSlack and the emulator need) and the paced fetch, so every call keeps to its method's rate
 * limit. Pacing waits inside the client's request queue, so that queue must not cap concurrency:
 * a hundred card updates waiting their turn would otherwise hold up a views.open whose trigger
 * expires in 3 s.
 */
export function webClientOptions(
  config: Config,
  logger: Logger,
  pacer: SlackPacer,
  opts: { retryRateLimited: boolean; prepaced?: readonly string[] },
): webApi.WebClientOptions {
  return {
    slackApiUrl: config.slack.apiUrl,
    fetch: pacedFetch(pacer, { apiUrl: config.slack.apiUrl, ...opts }),
    maxRequestConcurrency: Number.POSITIVE_INFINITY,
    logLevel: LogLevel.WARN,
    logger,
  };
}

/**
 * The client of work nobody waits on (card refreshes, Home publishes): paced, a 429 waits its
 * Retry-After and is sent again, and other failures are retried a few times with back-off.
 */
export function backgroundClient(
  config: Config,
  logger: Logger,
  pacer: SlackPacer,
  opts: { prepaced?: readonly string[] } = {},
): webApi.WebClient {
  return new webApi.WebClient(config.slack.botToken, {
    ...webClientOptions(config, logger, pacer, { retryRateLimited: true, ...opts }),
    retryConfig: QUICK_RETRIES,
  });
}
