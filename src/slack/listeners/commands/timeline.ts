import { postTimeline } from '../../../flows/timeline.js';
import { granted } from '../../access/context.js';
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
        await postTimeline({ ...deps, client }, breach);
      } catch (err) {
        deps.logger.warn(`could not post the timeline of ${breach.reference}: ${slackErrorCode(err)}`);
        await respond({ response_type: 'ephemeral', text: `:warning: I could not post the timeline (${slackErrorCode(err)}). Please run the command again.` }).catch(() => {});
      }
    });
  },
};
