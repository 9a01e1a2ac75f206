import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Answer, DecisionNote } from '../../domain/regimes/decisions.js';
import type { RegimeDecisionsView } from '../../flows/regime-decisions.js';
import { slackDate } from '../date-token.js';
import { REGIME_DECISIONS } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { shortRegimeName } from './card-regimes.js';
import { mention, quotedUserText } from './text.js';

/*
 * The card's "NIS2 decisions" section (issue 16), below the regime clocks: whether it is a
 * significant incident (and who decided it, why, when), whether our services are likely to be
 * affected (§ 15), whether the authority asked for an intermediate report; with the button that
 * opens the form while the breach is open. Its own block and action ids, beside card-regimes.ts.
 */

const SIGNIFICANT: Record<RegimeDecisionsView['significant'], string> = {
  not_asked: '*not asked* when it was declared: the NIS2 stages do not apply until someone decides',
  yes: '*yes*: the NIS2 clocks run from when we became aware',
  no: '*no*: the NIS2 stages do not apply',
  unknown: '*not known yet*: the NIS2 clocks run until it is decided',
};
const CONDITION: Record<Answer, string> = { yes: '*yes*', no: '*no*', unknown: '*not decided yet*' };

const by = (n: DecisionNote, zone: string) => ` (${mention(n.by)}, ${slackDate(DateTime.fromISO(n.at, { zone: 'utc' }), { zone })})`;

/** The section's lines, also used by the channel's message after a decision. */
export function decisionLines(v: RegimeDecisionsView, zone: string): string[] {
  const lines = [`• Significant incident: ${SIGNIFICANT[v.significant]}${v.significance ? by(v.significance, zone) : ''}`];
  if (v.significance?.justification) lines.push(quotedUserText(v.significance.justification, 1200));
  if (v.condition) {
    const c = v.condition;
    const then = c.answer === 'yes' ? `: the ${escapeMrkdwn(c.stageName.toLowerCase())} is due without undue delay`
      : c.answer === 'no' ? `: ${escapeMrkdwn(c.ifFalse)}` : '';
    lines.push(`• Likely to affect the provision of our services (§ 15): ${CONDITION[c.answer]}${then}${c.decided ? by(c.decided, zone) : ''}`);
  }
  if (v.onRequest) {
    const r = v.onRequest.request;
    const what = escapeMrkdwn(v.onRequest.stageName.replace(/ \(on request\)$/, '').toLowerCase());
    lines.push(
      r
        ? `• The authority asked for an ${what} ${slackDate(r.at, { zone })}, ${r.dueAt ? `due ${slackDate(r.dueAt, { zone })}` : 'with no due time'}`
        : `• The authority has not asked for an ${what}`,
    );
  }
  return lines;
}

export function cardRegimeDecisionsBlock(v: RegimeDecisionsView, zone: string, open: boolean): KnownBlock {
  const text = [`*${escapeMrkdwn(v.regime.name)}: our decisions*`, ...decisionLines(v, zone)].join('\n').slice(0, 3000);
  return {
    type: 'section',
    block_id: REGIME_DECISIONS.cardBlock,
    text: { type: 'mrkdwn', text },
    ...(open
      ? { accessory: { type: 'button', action_id: REGIME_DECISIONS.open, text: { type: 'plain_text', text: `${shortRegimeName(v.regime.id)} decisions` }, value: v.breach.id } }
      : {}),
  };
}
