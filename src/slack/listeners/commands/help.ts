import type { KnownBlock } from '@slack/types';
import { COMMAND, SHORTCUT_NAMES } from '../../ids.js';
import type { Subcommand, SubcommandPlace } from './subcommands.js';

/** `/breach help`: built from the registered subcommands, so it never lists one that does not exist. */
export function helpSubcommand(all: () => Subcommand[]): Subcommand {
  return {
    name: 'help',
    where: 'anywhere',
    summary: 'Show this help.',
    async run({ ack }) {
      const { text, blocks } = renderHelp(all());
      await ack({ response_type: 'ephemeral', text, blocks });
    },
  };
}

const PLACES: Array<{ where: SubcommandPlace; heading: string }> = [
  { where: 'anywhere', heading: 'Anywhere' },
  { where: 'breach_channel', heading: 'In a breach channel' },
  { where: 'dpo', heading: 'DPO and workspace admins' },
];

/** The help, grouped by where each command is used, with the two shortcuts and the Home tab (issue 17). */
export function renderHelp(subcommands: Subcommand[]): { text: string; blocks: KnownBlock[] } {
  const line = (s: Subcommand) => `• \`${COMMAND} ${s.name}${s.usage ? ` ${s.usage}` : ''}\`: ${s.summary}`;
  const intro =
    '*breachbot* guides the team through a personal data breach under GDPR Art. 33 and 34: ' +
    'the 72-hour clock to notify the supervisory authority (Datatilsynet) runs from when we became aware.';
  const groups = PLACES.map(({ where, heading }) => ({ heading, lines: subcommands.filter((s) => s.where === where).map(line) })).filter((g) => g.lines.length);
  const shortcuts =
    `*Shortcuts*\n• *${SHORTCUT_NAMES.declare}* (the lightning bolt or the shortcuts menu, anywhere): opens the Declare form.\n` +
    `• *${SHORTCUT_NAMES.reportMessage}* (a message's ⋮ menu): declares a breach from that message, with a link to it.`;
  const home =
    '*The Home tab* (open breachbot in the sidebar, then *Home*): the open breaches with their deadlines and your role in each, ' +
    'recently closed ones, a *Declare a breach* button, and for the DPO and admins the organisation settings used in the notices.';
  const card = '*In a breach channel* the pinned card shows the next step as its highlighted button; the other actions are in its ⋯ menu.';
  return {
    text: `breachbot help: ${subcommands.map((s) => `${COMMAND} ${s.name}`).join(', ')}; shortcuts ${SHORTCUT_NAMES.declare} and ${SHORTCUT_NAMES.reportMessage}; the Home tab`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: intro } },
      ...groups.map((g): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: `*${g.heading}*\n${g.lines.join('\n')}` } })),
      { type: 'section', text: { type: 'mrkdwn', text: shortcuts } },
      { type: 'section', text: { type: 'mrkdwn', text: `${home}\n${card}` } },
    ],
  };
}
