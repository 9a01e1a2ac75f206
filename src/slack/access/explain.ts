import type { Logger, webApi } from '@slack/bolt';
import { postToResponseUrl } from '../response-url.js';
import { slackErrorCode } from '../web-api-error.js';

type Body = Record<string, any>;

/**
 * Tells only the person who asked why nothing happened: an ephemeral message in the channel of the
 * button, else the interaction's response_url, else a DM (a Home tab or a modal has neither).
 * Never throws.
 */
export async function explain(
  deps: { logger: Pick<Logger, 'warn'>; apiUrl: string },
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
      await postToResponseUrl(url, { response_type: 'ephemeral', replace_original: false, text }, { apiUrl: deps.apiUrl });
      return;
    } catch (err) {
      logger.warn(`response_url reply failed (${(err as Error).message}); sending a DM`);
    }
  }
  if (!user) return;
  await client.chat.postMessage({ channel: user, text }).catch((err: unknown) => logger.warn(`could not tell ${user} (${slackErrorCode(err)})`));
}

/**
 * A refused modal submission: the reason under the form's first input (the modal stays open and
 * nothing typed is lost), or, in a form without inputs, a modal that says it. Never a silent close.
 */
export function refusedSubmission(view: Body | undefined, text: string): Record<string, unknown> {
  const blocks: Body[] = Array.isArray(view?.['blocks']) ? view['blocks'] : [];
  const input = blocks.find((b) => b['type'] === 'input' && typeof b['block_id'] === 'string');
  if (input) return { response_action: 'errors', errors: { [input['block_id']]: text.slice(0, 2000) } };
  return {
    response_action: 'update',
    view: {
      type: 'modal',
      title: { type: 'plain_text', text: 'Not allowed' },
      close: { type: 'plain_text', text: 'Close' },
      blocks: [{ type: 'section', text: { type: 'plain_text', text: text.slice(0, 3000) } }],
    },
  };
}
