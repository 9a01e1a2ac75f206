import type { BlockAction, Logger, RespondFn, webApi } from '@slack/bolt';
import { slackErrorCode } from './web-api-error.js';

/**
 * An explanation only the person who pressed a button sees: an ephemeral message in the channel,
 * or through the interaction's response_url when that fails (or there is no channel). Never throws.
 */
export async function replyOnlyTo(
  client: webApi.WebClient,
  respond: RespondFn,
  body: BlockAction,
  text: string,
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  if (body.channel?.id) {
    try {
      await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text });
      return;
    } catch (err) {
      logger.warn(`ephemeral reply failed (${slackErrorCode(err)}); using response_url`);
    }
  }
  await respond({ response_type: 'ephemeral', replace_original: false, text }).catch((err: unknown) => {
    logger.warn(`could not tell ${body.user.id} (${slackErrorCode(err)})`);
  });
}
