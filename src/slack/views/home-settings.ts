import type { KnownBlock } from '@slack/types';
import { LANGUAGE_NAMES } from '../../domain/language.js';
import type { ReminderSchedule } from '../../domain/reminder-plan.js';
import { mention, userText } from '../blocks/text.js';
import { HOME_ACTIONS } from '../ids.js';
import type { OrgSettings } from '../../domain/org-settings.js';

const NOT_SET = '_not set_';

/** "48, 24, 12 and 6 h before the deadline; at the deadline; then every 12 h while overdue" */
export function describeSchedule(s: ReminderSchedule): string {
  const hours = s.countdownHours.map(String);
  const countdown = hours.length > 1 ? `${hours.slice(0, -1).join(', ')} and ${hours.at(-1)} h before the deadline` : hours.length ? `${hours[0]} h before the deadline` : '';
  return [countdown, s.atDeadline ? 'at the deadline' : '', `then every ${s.overdueEveryHours} h while overdue`].filter(Boolean).join('; ');
}

/** What the regime settings bring (issue 16): Slack allows ten fields per section, and this is the tenth. */
function regimesLine(r: OrgSettings['regimes']): string {
  const parts = ['GDPR with Datatilsynet'];
  if (r.nis2EntityIn.includes('DK')) parts.push('NIS2 (Denmark): the Declare form asks whether an incident is significant');
  if (r.establishedIn.includes('GB')) parts.push('UK GDPR with the ICO');
  return parts.join('; ');
}

/**
 * The settings part of the Home, for DPO users only (workspace admins while no DPO is set). Organisation text is user
 * text, so it is escaped; user ids are ours and safe to mention. The responder group is shown as its
 * id in plain code: `<!subteam^…>` would notify every member of the group.
 */
export function settingsBlocks(s: OrgSettings): KnownBlock[] {
  const org = s.organisation;
  const text = (v: string | null, max: number) => (v ? userText(v, max) : NOT_SET);
  const dpo = [org.dpo.name, org.dpo.email, org.dpo.phone].filter((v): v is string => Boolean(v)).map((v) => userText(v, 300));
  const missing = organisationIncomplete(s);
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Settings' } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Shown to the DPO users (to workspace admins only while no DPO is set). The notices use the organisation and DPO details; every change is recorded in the audit trail.',
        },
      ],
    },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Organisation*\n${text(org.name, 400)}` },
        { type: 'mrkdwn', text: `*CVR*\n${text(org.cvr, 40)}` },
        { type: 'mrkdwn', text: `*Address*\n${text(org.address, 1000)}` },
        { type: 'mrkdwn', text: `*DPO contact*\n${dpo.length ? dpo.join('\n') : NOT_SET}` },
        { type: 'mrkdwn', text: `*DPO users*\n${s.dpoUserIds.length ? s.dpoUserIds.map(mention).join(', ') : 'None: workspace admins stand in until one is set'}` },
        { type: 'mrkdwn', text: `*Responder group*\n${s.responderGroupId ? `\`${userText(s.responderGroupId, 40)}\` (invited to every breach channel)` : 'None'}` },
        { type: 'mrkdwn', text: `*Reminders*\n${describeSchedule(s.reminderSchedule)}` },
        { type: 'mrkdwn', text: `*Languages*\nDrafts in ${s.languages.drafting.map((l) => LANGUAGE_NAMES[l].en).join(' and ')}; the team writes in ${LANGUAGE_NAMES[s.languages.writing].en}` },
        { type: 'mrkdwn', text: `*On close*\n${s.archiveOnClose ? 'The breach channel is archived' : 'The breach channel is kept'}` },
        { type: 'mrkdwn', text: `*Reporting regimes*\n${regimesLine(s.regimes)}` },
      ],
    },
  ];
  if (missing) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: ':warning: Until the organisation and DPO details are complete, the notices show [MISSING] where they belong.' }],
    });
  }
  // While incomplete, the button is the prompt's at the top of the Home (setupPromptBlocks): one button, not two.
  if (!missing) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: HOME_ACTIONS.editSettings, text: { type: 'plain_text', text: 'Edit settings' } }],
    });
  }
  return blocks;
}

/** The organisation and DPO contact details the notices need are not all set (a fresh install). */
export function organisationIncomplete(s: OrgSettings): boolean {
  const org = s.organisation;
  return !org.name || !org.cvr || !org.address || !org.dpo.name || !org.dpo.email || !org.dpo.phone;
}

/**
 * At the top of the Home of a DPO or admin while the organisation details are incomplete (issue 17):
 * after installing, the first of them to open the Home is asked to fill them in, and so is each
 * one after, until someone has.
 */
export function setupPromptBlocks(s: OrgSettings): KnownBlock[] {
  if (!organisationIncomplete(s)) return [];
  return [
    {
      type: 'section',
      block_id: 'home_setup_prompt',
      text: {
        type: 'mrkdwn',
        text:
          ':gear: *Finish setting up breachbot.* The notices to Datatilsynet and to the people affected need your organisation\'s name, CVR, ' +
          'address and the DPO\'s contact details. Until they are filled in, every draft shows them as gaps.',
      },
      accessory: { type: 'button', action_id: HOME_ACTIONS.editSettings, style: 'primary', text: { type: 'plain_text', text: 'Fill in the settings' } },
    },
  ];
}
