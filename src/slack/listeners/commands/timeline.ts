import type { webApi } from '@slack/bolt';
import type { Breach } from '../../../domain/breach/entity.js';
import { timelineEvents } from '../../../flows/timeline.js';
import { granted } from '../../access/context.js';
import { renderTimeline } from '../../blocks/timeline.js';
import type { BotDeps } from '../../deps.js';
import { COMMAND } from '../../ids.js';
import { slackErrorCode } from '../../../web-api-error.js';
import type { Subcommand } from './subcommands.js';

/** `/breach timeline`: in a breach channel, post its timeline (every audit event) in the card's thread. */
export const timelineSubcommand: Subcommand = {
  name: 'timeline',
  where: 'breach_channel',
  summary: "Post the breach's timeline in the card's thread. Add to it with *Add timeline entry* on the card.",
  async run({ ack, client, command, context, respond }, _rest, deps) {
    const breach = granted(context).breach;
    if (!breach) {
      await ack({
        response_type: 'ephemeral',
        text: `Run \`${COMMAND} timeline\` in the breach's channel: each breach has its own private channel. \`${COMMAND} list\` shows the open breaches.`,
      });
      return;
    }
    await ack({ response_type: 'ephemeral', text: `Posting the timeline of ${breach.reference} ${breach.cardTs ? "in the card's thread" : 'here'}.` });
    deps.background.run(async () => {
      try {
        await postTimeline(deps, client, breach);
      } catch (err) {
        deps.logger.warn(`could not post the timeline of ${breach.reference}: ${slackErrorCode(err)}`);
        await respond({ response_type: 'ephemeral', text: `:warning: I could not post the timeline (${slackErrorCode(err)}). Please run the command again.` }).catch(() => {});
      }
    });
  },
};

/**
 * Posts the timeline in the card's thread (top level when there is no card yet), one message per
 * part; the parts are posted in order, so a long timeline reads top to bottom.
 */
async function postTimeline(deps: Pick<BotDeps, 'db' | 'config'>, client: webApi.WebClient, breach: Breach): Promise<number> {
  if (!breach.channelId) return 0;
  const messages = renderTimeline(breach.reference, await timelineEvents(deps, breach), deps.config.timezone);
  for (const m of messages) {
    await client.chat.postMessage({
      channel: breach.channelId,
      ...m,
      ...(breach.cardTs ? { thread_ts: breach.cardTs } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
  }
  return messages.length;
}
