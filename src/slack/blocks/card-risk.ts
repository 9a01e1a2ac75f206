import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Role } from '../../domain/deadline.js';
import { proposedOutcome, type RiskSummary } from '../../domain/decision.js';
import { slackDate } from '../date-token.js';
import { CARD_BLOCKS } from '../ids.js';
import { outcomePhrase, RISK_LABELS, SEVERITY_LABELS } from './decision-text.js';
import { mention } from './text.js';

/** The card's "Risk decision" section: what the latest assessment proposes, and who decided what. */
export function cardRiskBlock(risk: RiskSummary, role: Role, zone: string, deciders: string): KnownBlock {
  const { latest, decision } = risk;
  const r = latest.result;
  const proposed = `${RISK_LABELS[r.risk].toLowerCase()}, severity ${SEVERITY_LABELS[r.severity.level].toLowerCase()}; ${outcomePhrase(role, proposedOutcome(r))}`;
  const lines: string[] = [];
  if (decision) {
    const when = slackDate(DateTime.fromJSDate(decision.decidedAt, { zone: 'utc' }), { zone });
    lines.push(`Decided by ${mention(decision.decidedBy)} (${decision.kind}, v${decision.version}) ${when}: ${outcomePhrase(role, decision)}.`);
  }
  if (!decision || decision.version < latest.version) {
    lines.push(`Proposed (v${latest.version}): ${proposed}. Awaiting ${deciders}.`);
  }
  return { type: 'section', block_id: CARD_BLOCKS.risk, text: { type: 'mrkdwn', text: `*Risk decision*\n${lines.join('\n')}` } };
}
