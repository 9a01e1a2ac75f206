import type { KnownBlock } from '@slack/types';
import type { DecisionsOutcome } from '../../flows/regime-decisions.js';
import { slackDate } from '../date-token.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { decisionLines } from './card-regime-decisions.js';
import { mention } from './text.js';

/**
 * The channel's message after the regime decisions changed (issue 16): who changed them, what they
 * now say (the justification is user text: escaped), and the clocks that run now.
 */
export function regimeDecisionsReply(o: DecisionsOutcome, zone: string): { text: string; blocks: KnownBlock[] } {
  const lines = [`:scales: ${mention(o.actor)} recorded the ${escapeMrkdwn(o.view.regime.name)} decisions:`, ...decisionLines(o.view, zone)];
  if (!o.view.applies) lines.push('The NIS2 reminders have stopped.');
  for (const c of o.clocks) {
    if (c.recordedAt || !c.dueAt || c.provisional || c.status === 'not_applicable') continue;
    const late = c.status === 'late' ? ' :rotating_light: late' : '';
    lines.push(`Now: the ${escapeMrkdwn(c.name.en.toLowerCase())}, due ${slackDate(c.dueAt, { zone })}${late}.`);
  }
  const text = lines.join('\n').slice(0, 3000);
  return { text: text.replace(/:[a-z_]+: /g, ''), blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
