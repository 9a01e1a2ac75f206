import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Role } from '../../domain/deadline.js';
import { isEnisaArithmetic } from '../../domain/assessment/reasons.js';
import { proposedOutcome } from '../../domain/decision.js';
import type { ResultInput } from '../../flows/assessment.js';
import { slackDate } from '../date-token.js';
import { ASSESSMENT } from '../ids.js';
import { precedentBlocks } from './assessment-precedent.js';
import { EXEMPTION_LABELS, formatScore, outcomePhrase, RISK_LABELS, SEVERITY_LABELS } from './decision-text.js';
import { clip, decidersText, mention, userText } from './text.js';
import type { StoredAssessment } from '../../domain/assessment/stored.js';
import type { Breach } from '../../domain/breach/entity.js';
import { readRecordedFacts } from '../../domain/breach/recorded-facts.js';

/** What the result message shows: gathered by the assessment flow (flows/assessment.ts `renderResult`). */
export type { ResultInput };

/** Block Kit allows 3000 characters a section and about 12,000 a message: reasons are clipped to fit. */
const REASON_MAX = 1200;
const REASON_BLOCK_MAX = 2900;
const REASONS_TOTAL_MAX = 6000; // leaves room for the precedent beside the answer

/**
 * The result of one assessment, posted in the breach channel (flow 3): the risk, what to do and
 * by when, the reasons in words, one line on how it was scored (the ENISA arithmetic behind a
 * button), and the DPO's Accept / Override buttons. Re-rendered in place when a
 * decision is recorded on it or a newer version supersedes it.
 */
export function renderAssessmentResult(i: ResultInput): { text: string; blocks: KnownBlock[] } {
  const { breach, assessment: a } = i;
  const r = a.result;
  const role = breach.role as Role;
  const deadline = deadlineText(breach, i.now, i.zone);
  const proposal = outcomePhrase(role, proposedOutcome(r));
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${breach.reference}: risk assessment v${a.version}`, 150) } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Risk*\n${RISK_LABELS[r.risk]}` },
        ...(role === 'processor'
          ? [
              { type: 'mrkdwn' as const, text: `*Tell the controller*\nYes, by ${deadline} (Art. 33(2))` },
              { type: 'mrkdwn' as const, text: '*Datatilsynet and the people affected*\nThe controller decides' },
            ]
          : [
              { type: 'mrkdwn' as const, text: `*Notify Datatilsynet*\n${r.notifyAuthority ? `Yes, by ${deadline}` : 'No: record the breach and this decision in the register'}` },
              { type: 'mrkdwn' as const, text: `*Tell the people affected*\n${subjectsText(r.communicateToSubjects)}` },
            ]),
      ],
    },
  ];
  if (r.exemption) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Exemption: ${EXEMPTION_LABELS[r.exemption]}.` }] });
  blocks.push(...reasonBlocks(r.reasons.filter((x) => !isEnisaArithmetic(x))));
  blocks.push(scoringBlock(a));
  // Only the incident category is read: the writing language matters to texts alone.
  blocks.push(...precedentBlocks(a.answers, r, readRecordedFacts(breach.facts, 'en').incidentCategory ?? null));
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text:
          `Assessed by ${mention(a.createdBy)} ${slackDate(DateTime.fromJSDate(a.createdAt, { zone: 'utc' }), { zone: i.zone })}` +
          ' · Every version is kept: reassess with *Assess risk* on the card as facts change.',
      },
    ],
  });
  blocks.push(...statusBlocks(i, role));
  return {
    text: `${breach.reference} risk assessment v${a.version}: ${RISK_LABELS[r.risk].toLowerCase()}; proposed: ${proposal}.`,
    blocks,
  };
}

/**
 * The one line about scoring: the severity in words, and a button for the arithmetic (ENISA's
 * DPC × EI + CB and how each term arose), which people deciding rarely need and which the
 * reasons above do not repeat. The button opens it for members of the breach channel only.
 */
function scoringBlock(a: StoredAssessment): KnownBlock {
  const sev = a.result.severity;
  return {
    type: 'section',
    block_id: 'assessment_scoring',
    text: {
      type: 'mrkdwn',
      text: `*How this was scored:* the GDPR rules in the reasons come first; where none decides, the ENISA severity method does (here: ${SEVERITY_LABELS[sev.level].toLowerCase()}, ${formatScore(sev.score)}).`,
    },
    accessory: { type: 'button', action_id: ASSESSMENT.scoring, text: { type: 'plain_text', text: 'Show the scoring' }, value: a.id },
  };
}

function subjectsText(c: StoredAssessment['result']['communicateToSubjects']): string {
  if (c === 'individual') return 'Yes, individually, without undue delay (Art. 34)';
  if (c === 'public') return 'Yes, by a public communication (Art. 34(3)(c))';
  return 'No';
}

function deadlineText(breach: Breach, now: DateTime, zone: string): string {
  const deadline = DateTime.fromJSDate(breach.deadlineAt, { zone: 'utc' });
  const when = slackDate(deadline, { zone });
  return deadline <= now ? `${when} (passed: the notification must give the reasons for the delay)` : when;
}

/** "Why", most decisive reason first, in as many sections as the text needs, within Slack's limits. */
export function reasonBlocks(reasons: readonly string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '*Why*';
  let total = 0;
  let left = 0;
  for (const [n, reason] of reasons.entries()) {
    const line = `\n• ${userText(reason, REASON_MAX)}`;
    if (total + line.length > REASONS_TOTAL_MAX) {
      left = reasons.length - n;
      break;
    }
    if (current.length + line.length > REASON_BLOCK_MAX) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
      current = '';
    }
    current += line;
    total += line.length;
  }
  if (left > 0) current += `\n_…and ${left} more in the register export._`;
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current.replace(/^\n/, '') } });
  return blocks;
}

/**
 * Once decided, the result says who decided what and when in place of its buttons (issue 17): the
 * loop is closed where it was opened. A change of mind goes through a reassessment, which brings
 * its own result and buttons. Until then the buttons say who decides.
 */
function statusBlocks(i: ResultInput, role: Role): KnownBlock[] {
  const { assessment: a, decision: d } = i;
  const out: KnownBlock[] = [];
  const decidedHere = d !== null && d.assessmentId === a.id;
  if (decidedHere) {
    const when = slackDate(DateTime.fromJSDate(d.decidedAt, { zone: 'utc' }), { zone: i.zone });
    const what = d.kind === 'accepted' ? `accepted the proposal: ${outcomePhrase(role, d)}` : `overrode the proposal: ${outcomePhrase(role, d)}`;
    const icon = d.kind === 'accepted' ? ':white_check_mark:' : ':pencil2:';
    out.push({ type: 'section', block_id: 'assessment_decided', text: { type: 'mrkdwn', text: `${icon} *Decided* by ${mention(d.decidedBy)} at ${when}: ${what}.` } });
  }
  if (i.latestVersion > a.version) {
    out.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Superseded by assessment v${i.latestVersion}: decide on that one.` }] });
  } else if (decidedHere && !i.breach.closedAt) {
    out.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'To change the decision as the facts change, reassess with *Assess risk* on the card.' }] });
  } else if (!decidedHere && !i.breach.closedAt) {
    out.push({
      type: 'actions',
      block_id: 'assessment_decision',
      elements: [
        { type: 'button', action_id: ASSESSMENT.accept, text: { type: 'plain_text', text: 'Accept' }, style: 'primary', value: a.id },
        { type: 'button', action_id: ASSESSMENT.override, text: { type: 'plain_text', text: 'Override' }, value: a.id },
      ],
    });
    const who = i.dpoUserIds ? `${decidersText(i.breach.leadId, i.dpoUserIds)} decides` : 'The DPO or the breach lead decides';
    out.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${who}: *Accept* the proposal, or *Override* it with a written justification.` }],
    });
  }
  return out;
}
