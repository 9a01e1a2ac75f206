import { readRecordedFacts } from '../../../domain/breach/recorded-facts.js';
import { getBreachByChannel } from '../../../store/breaches.js';
import { getLanguageSettings } from '../../../store/settings.js';
import { COMMAND } from '../../ids.js';
import { factsModal } from '../../views/facts-modal.js';
import { slackErrorCode } from '../../web-api-error.js';
import type { Subcommand } from './subcommands.js';

/** `/breach facts`: in a breach channel, record what the notices need (the card's Update facts). */
export const factsSubcommand: Subcommand = {
  name: 'facts',
  summary: 'In a breach channel: record the facts the notices need (people and data affected, consequences, measures, cause, reasons for a delay).',
  async run({ ack, client, command, respond }, _rest, deps) {
    // One indexed lookup: the trigger is still fresh after it.
    const [breach, languages] = await Promise.all([getBreachByChannel(deps.db, command.channel_id), getLanguageSettings(deps.db)]);
    if (!breach || breach.closedAt) {
      const text = breach
        ? `${breach.reference} is closed: its facts are part of the record.`
        : `Run \`${COMMAND} facts\` in the breach's channel. \`${COMMAND} list\` shows the open breaches.`;
      await ack({ response_type: 'ephemeral', text });
      return;
    }
    const open = client.views.open({ trigger_id: command.trigger_id, view: factsModal(breach, readRecordedFacts(breach.facts, languages.writing), languages) });
    await ack();
    await open.catch(async (err) => {
      deps.logger.warn(`could not open the facts form: ${slackErrorCode(err)}`);
      await respond({ response_type: 'ephemeral', text: `:warning: I could not open the facts form (${slackErrorCode(err)}). Please run \`${COMMAND} facts\` again.` });
    });
  },
};
