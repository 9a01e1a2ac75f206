import type { Logger, webApi } from '@slack/bolt';
import { postToResponseUrl } from './response-url.js';
import { slackErrorCode } from '../web-api-error.js';

type Body = Record<string, any>;

/**
 * Tells only the person who asked why nothing happened: an ephemeral message in the channel of the
 * button, else the interaction's response_url, else a DM (a Home tab or a modal has neither).
 * Never throws.
 */
export async function replyOnlyTo(
  deps: { logger: Pick<Logger, 'warn'>; config: { slack: { apiUrl: string } } },
  client: webApi.WebClient,
  body: Body,
  text: string,
): Promise<void> {
  const { logger } = deps;
  const user = String(body['user']?.['id'] ?? body['user_id'] ?? '');
  const channel = body['channel']?.['id'] ?? body['container']?.['channel_id'];
  if (typeof channel === 'string' && user) {
    try {
      await client.chat.postEphemeral({ channel, user, text });
      return;
    } catch (err) {
      logger.warn(`ephemeral reply failed (${slackErrorCode(err)}); using response_url`);
    }
  }
  const url = body['response_url'];
  if (typeof url === 'string') {
    try {
      await postToResponseUrl(url, { response_type: 'ephemeral', replace_original: false, text }, { apiUrl: deps.config.slack.apiUrl });
      return;
    } catch (err) {
      logger.warn(`response_url reply failed (${(err as Error).message}); sending a DM`);
    }
  }
  if (!user) return;
  await client.chat.postMessage({ channel: user, text }).catch((err: unknown) => logger.warn(`could not tell ${user} (${slackErrorCode(err)})`));
}
