import { sendRegister } from '../../register-delivery.js';
import { slackErrorCode } from '../../../web-api-error.js';
import type { Subcommand } from './subcommands.js';

/**
 * `/breach register`: the DPO users (an admin while none is set) get every breach, open or closed,
 * as CSV and JSON in a DM (flow 7). Anyone else is told why by the access guard, and nothing is sent.
 */
export const registerSubcommand: Subcommand = {
  name: 'register',
  where: 'dpo',
  summary: 'Get the breach register (every breach, open or closed, GDPR Art. 33(5)) as CSV and JSON in a DM.',
  async run({ ack, client, command, respond }, _rest, deps) {
    await ack({ response_type: 'ephemeral', text: 'Preparing the breach register: it arrives in your DM with me in a moment.' });
    deps.background.run(async () => {
      try {
        const files = await sendRegister({ ...deps, client }, command.user_id);
        deps.logger.info(`register exported by ${command.user_id}: ${files.breaches} breaches`);
      } catch (err) {
        deps.logger.warn(`could not send the register: ${slackErrorCode(err)}`);
        await respond({ response_type: 'ephemeral', text: `:warning: I could not send the register (${slackErrorCode(err)}). Please run the command again.` }).catch(() => {});
      }
    });
  },
};
