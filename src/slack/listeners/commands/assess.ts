import { granted } from '../../access/context.js';
import { COMMAND } from '../../ids.js';
import { slackErrorCode } from '../../../web-api-error.js';
import { notAssessable, openAssessmentModal } from '../open-assessment.js';
import type { Subcommand } from './subcommands.js';

/** `/breach assess`: in a breach channel, open the risk questionnaire for that breach. */
export const assessSubcommand: Subcommand = {
  name: 'assess',
  where: 'breach_channel',
  summary: "Assess the risk to the people affected. The DPO or breach lead then accepts or overrides the result.",
  async run({ ack, client, command, context, respond }, _rest, deps) {
    // The access guard found the channel's breach; the trigger is still fresh after it.
    const breach = granted(context).breach;
    if (!breach) {
      await ack({
        response_type: 'ephemeral',
        text: `Run \`${COMMAND} assess\` in the breach's channel: each breach has its own private channel. \`${COMMAND} list\` shows the open breaches.`,
      });
      return;
    }
    const refused = notAssessable(breach);
    // notAssessable refuses a closed breach; an open one is opened.
    if (refused) {
      await ack({ response_type: 'ephemeral', text: refused });
      return;
    }
    const open = openAssessmentModal(client, command.trigger_id, deps.db, breach);
    await ack();
    await open.catch(async (err) => {
      deps.logger.warn(`could not open the questionnaire: ${slackErrorCode(err)}`);
      await respond({
        response_type: 'ephemeral',
        text: `:warning: I could not open the questionnaire (${slackErrorCode(err)}). Please run \`${COMMAND} assess\` again.`,
      });
    });
  },
};
