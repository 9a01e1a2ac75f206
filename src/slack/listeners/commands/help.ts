import type { KnownBlock } from '@slack/types';
import { COMMAND } from '../../ids.js';
import type { Subcommand } from './subcommands.js';

/** `/breach help`: built from the registered subcommands, so it never lists one that does not exist. */
export function helpSubcommand(all: () => Subcommand[]): Subcommand {
  return {
    name: 'help',
    summary: 'Show this help.',
    async run({ ack }) {
      const { text, blocks } = renderHelp(all());
      await ack({ response_type: 'ephemeral', text, blocks });
    },
  };
}

export function renderHelp(subcommands: Subcommand[]): { text: string; blocks: KnownBlock[] } {
  const lines = subcommands.map(
    (s) => `• \`${COMMAND} ${s.name}${s.usage ? ` ${s.usage}` : ''}\`: ${s.summary}`,
  );
  const intro =
    '*breachbot* guides the team through a personal data breach under GDPR Art. 33 and 34: ' +
    'the 72-hour clock to notify the supervisory authority (Datatilsynet) runs from when we became aware.';
  return {
    text: `breachbot help: ${subcommands.map((s) => `${COMMAND} ${s.name}`).join(', ')}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: intro } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Commands*\n${lines.join('\n')}` } },
    ],
  };
}
