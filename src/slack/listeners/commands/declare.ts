import { slackErrorCode } from '../../../web-api-error.js';
import { openDeclareModal } from '../open-declare.js';
import type { Subcommand } from './subcommands.js';

/** `/breach` and `/breach declare [short title]`: open the Declare modal. */
export const declareSubcommand: Subcommand = {
  name: 'declare',
  usage: '[short title]',
  where: 'anywhere',
  summary: 'Declare a personal data breach: opens a form, then a private channel with a pinned breach card.',
  async run({ ack, client, command, respond }, rest, deps) {
    // The ack first: Slack's answer waits on nothing else (building the modal and sending it took
    // a few hundred microseconds of CPU before it), and views.open follows at once, well inside
    // the trigger's 3 s.
    await ack();
    await openDeclareModal(client, command.trigger_id, deps, rest ? { title: rest } : {}, {
      responseUrl: command.response_url,
    }).catch(async (err) => {
      deps.logger.warn(`could not open the Declare modal: ${slackErrorCode(err)}`);
      await respond({
        response_type: 'ephemeral',
        text: `:warning: I could not open the form (${slackErrorCode(err)}). Please run \`/breach declare\` again.`,
      });
    });
  },
};
