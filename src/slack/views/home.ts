import type { HomeView, KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { describeRoles } from '../../domain/breach/user-roles.js';
import { breachLine, linesToBlocks } from '../blocks/breach-summary.js';
import { userText } from '../blocks/text.js';
import { slackDate } from '../date-token.js';
import { COMMAND, HOME_ACTIONS } from '../ids.js';
import { OPEN_SHOWN, type HomeBreach, type HomeInput, type OpenHomeBreach } from '../../flows/home.js';
import { settingsBlocks, setupPromptBlocks } from './home-settings.js';
import { backupBlocks } from './home-backup.js';

/** What the Home shows and how many open breaches it lists: gathered by the Home flow (flows/home.ts). */
export { OPEN_SHOWN, type HomeBreach, type HomeInput, type OpenHomeBreach };

/** Sections for a list; never reached with OPEN_SHOWN lines, but a hard stop all the same. */
const LIST_BLOCKS_MAX = 20;

/**
 * The App Home (flow 8): open breaches as their cards show them (status, the deadline and time left
 * or what happened instead, the next step) with the viewer's role,
 * recently closed ones, and the settings for those who may edit them. Built from data already
 * fetched, so it can be tested for Block Kit limits without Slack.
 */
export function renderHome(input: HomeInput): HomeView {
  const { now, zone } = input;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Personal data breaches' } },
    ...(input.settings ? setupPromptBlocks(input.settings) : []),
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: HOME_ACTIONS.declare, style: 'primary', text: { type: 'plain_text', text: 'Declare a breach' } },
      ],
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Times show in your time zone. Time left as of ${slackDate(now, { zone })}.` }],
    },
    ...openBlocks(input),
    { type: 'divider' },
    ...closedBlocks(input),
    ...(input.backup ? backupBlocks(input.backup, zone) : []),
    ...(input.settings ? settingsBlocks(input.settings) : []),
  ];
  return { type: 'home', blocks };
}

function openBlocks({ open, openTotal, zone, dpoUserIds }: HomeInput): KnownBlock[] {
  if (openTotal === 0) {
    const text =
      '*No open breaches.* :white_check_mark:\n' +
      `If you suspect a personal data breach, type \`${COMMAND}\` in any channel or press *Declare a breach* above. ` +
      'The 72-hour clock to notify Datatilsynet runs from when we became aware, so declare early: it can be closed again.';
    return [{ type: 'section', text: { type: 'mrkdwn', text } }];
  }
  const lines = open.map((h) => breachLine(h, zone, dpoUserIds, ` · your role: ${describeRoles(h.roles)}`));
  const blocks = linesToBlocks(`*Open breaches* (${openTotal}), nearest deadline first:`, lines, LIST_BLOCKS_MAX);
  const hidden = openTotal - open.length;
  if (hidden > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${hidden} more: use \`${COMMAND} list\`.` }] });
  }
  return blocks;
}

function closedBlocks({ closed, zone }: HomeInput): KnownBlock[] {
  if (closed.length === 0) {
    return [{ type: 'context', elements: [{ type: 'mrkdwn', text: 'No breaches closed in the last 30 days.' }] }];
  }
  return linesToBlocks('*Recently closed* (last 30 days):', closed.map((h) => closedLine(h, zone)), LIST_BLOCKS_MAX);
}

/** Like breachLine, with the closing time instead of the deadline, which no longer matters. */
function closedLine({ breach: b, canSeeDetails, roles }: HomeBreach, zone: string): string {
  const closed = b.closedAt ? `closed ${slackDate(DateTime.fromJSDate(b.closedAt, { zone: 'utc' }), { zone })}` : 'closed';
  const role = `your role: ${describeRoles(roles)}`;
  if (!canSeeDetails) return `• *${b.reference}*: ${closed} · ${role}`;
  return `• *${b.reference}* ${userText(b.title, 150)}: ${closed} · ${role}`;
}
