import { granted } from '../../access/context.js';
import { factsFormStart } from '../../../flows/facts.js';
import { COMMAND } from '../../ids.js';
import { factsModal } from '../../views/facts-modal.js';
import { slackErrorCode } from '../../../web-api-error.js';
import type { Subcommand } from './subcommands.js';

/** `/breach facts`: in a breach channel, record what the notices need (the card's Update facts). */
export const factsSubcommand: Subcommand = {
  name: 'facts',
  where: 'breach_channel',
  summary: 'Record the facts the notices need (people and data affected, consequences, measures, cause, reasons for a delay).',
  async run({ ack, client, command, context, respond }, _rest, deps) {
    // The access guard found the channel's breach; the trigger is still fresh after it.
    const breach = granted(context).breach;
    if (!breach || breach.closedAt) {
      const text = breach
        ? `${breach.reference} is closed: its facts are part of the record.`
        : `Run \`${COMMAND} facts\` in the breach's channel. \`${COMMAND} list\` shows the open breaches.`;
      await ack({ response_type: 'ephemeral', text });
      return;
    }
    const open = factsFormStart(deps.db, breach).then(({ facts, languages }) =>
      client.views.open({ trigger_id: command.trigger_id, view: factsModal(breach, facts, languages) }),
    );
    await ack();
    await open.catch(async (err) => {
      deps.logger.warn(`could not open the facts form: ${slackErrorCode(err)}`);
      await respond({ response_type: 'ephemeral', text: `:warning: I could not open the facts form (${slackErrorCode(err)}). Please run \`${COMMAND} facts\` again.` });
    });
  },
};
