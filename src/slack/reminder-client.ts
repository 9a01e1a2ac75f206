import { LogLevel, webApi, type Logger } from '@slack/bolt';
import type { Config } from '../config.js';

/**
 * The Web API client reminders are posted with. Unlike the listeners' client it hands a 429 back
 * at once (rejectRateLimitedCalls) instead of sleeping inside a claim: the scheduler stores the
 * Retry-After as the reminder's retry time and moves on to other channels.
 */
export function reminderClient(config: Config, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
    logger,
    logLevel: LogLevel.WARN,
  });
}
