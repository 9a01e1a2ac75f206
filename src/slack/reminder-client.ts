import { webApi, type Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import type { SlackPacer } from './pacer.js';
import { webClientOptions } from './web-client.js';

/**
 * The Web API client reminders are posted with. Unlike the listeners' client it hands a 429 back
 * at once (rejectRateLimitedCalls) instead of sleeping inside a claim: the scheduler stores the
 * Retry-After as the reminder's retry time and moves on to other channels. Its calls are paced
 * with the listeners' (the same SlackPacer), so a reminder waits its channel's second rather than
 * being refused. It does not retry 5xx
 * or timeouts itself either: Slack may have posted before failing to answer, and a blind retry
 * would post the reminder twice. The scheduler retries instead, looking for the earlier post first.
 */
export function reminderClient(config: Config, logger: Logger, pacer: SlackPacer): webApi.WebClient {
  return new webApi.WebClient(config.slack.botToken, {
    ...webClientOptions(config, logger, pacer, { retryRateLimited: false }),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}
