import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { slackDate } from '../date-token.js';
import { decidersText, mention, userText } from './text.js';
import type { Breach } from '../../domain/breach/entity.js';

/*
 * The people a new breach needs, told so (issue 17): a welcome post in the breach channel that names
 * the reporter and the DPO(s) and says what happens next, and a DM to each DPO with a link to the
 * channel. Only ids, the reference, the title (which by design holds no personal data) and times.
 */

const dpoNames = (ids: readonly string[]) => (ids.length ? ids.map(mention).join(', ') : 'none is set yet (an admin names the DPO users in the App Home)');

export function renderWelcome(b: Breach, dpoUserIds: readonly string[], zone: string): { text: string; blocks: KnownBlock[] } {
  const deadline = slackDate(DateTime.fromJSDate(b.deadlineAt, { zone: 'utc' }), { zone });
  const processor = b.role === 'processor';
  const deciders = decidersText(b.leadId, dpoUserIds);
  const steps = [
    `1. *Assess risk* (the highlighted button on the pinned card): anyone here can answer the questionnaire; it proposes whether ${processor ? 'and what to tell the controller' : 'to notify Datatilsynet and the people affected'}.`,
    `2. ${deciders} accepts or overrides the proposal on the result message.`,
    processor
      ? `3. Tell the controller by ${deadline} (Art. 33(2)): *Draft notices*, send it, then *Record notification*.`
      : `3. If Datatilsynet must be notified: *Draft notices*, submit the notice, then *Record notification*, by ${deadline} (Art. 33(1)).`,
    '4. Add what you learn with *Update facts* and *Add timeline entry*; reminders come here as the deadline nears.',
  ];
  const head = `:wave: *${b.reference}* is declared. Reported by ${mention(b.reporterId)}. DPO: ${dpoNames(dpoUserIds)}.`;
  return {
    text: `${b.reference} is declared. Reported by ${mention(b.reporterId)}. DPO: ${dpoNames(dpoUserIds)}.`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: head } },
      { type: 'section', text: { type: 'mrkdwn', text: `*What happens next*\n${steps.join('\n')}` } },
    ],
  };
}

export function renderDpoDm(b: Breach, zone: string): { text: string; blocks: KnownBlock[] } {
  const deadline = slackDate(DateTime.fromJSDate(b.deadlineAt, { zone: 'utc' }), { zone });
  const who = b.role === 'processor' ? 'tell the controller' : 'notify Datatilsynet';
  const text =
    `:rotating_light: A personal data breach was declared: *${b.reference}* ${userText(b.title, 150)}, reported by ${mention(b.reporterId)}. ` +
    `You are a DPO: the decision whether to ${who} is yours. Deadline: ${deadline}. Join in <#${b.channelId}>.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
