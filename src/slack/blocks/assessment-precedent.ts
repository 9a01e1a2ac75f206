import type { KnownBlock } from '@slack/types';
import { type AssessmentAnswers, type AssessmentResult, closestPrecedent, type Precedent, type PublishedAnswer } from '../../domain/assessment/index.js';
import type { IncidentCategory } from '../../domain/breach/incident-category.js';
import { escapeMrkdwn } from '../mrkdwn.js';

const ANSWER_WORDS: Record<Exclude<PublishedAnswer, 'controller_decides'>, string> = {
  yes: 'yes',
  no: 'no',
  depends: 'it depends',
};

function outcomeText(p: Precedent): string {
  const note = p.note ? ` (${p.note})` : '';
  if (p.authority === 'controller_decides' || p.subjects === 'controller_decides') {
    return `the processor tells its controllers without undue delay, and each controller assesses the risk${note}`;
  }
  return `notify the authority: ${ANSWER_WORDS[p.authority]}; tell the people: ${ANSWER_WORDS[p.subjects]}${note}`;
}

/**
 * "The precedent beside the answer" (issue 11): the closest published example (WP250 Annex B or
 * EDPB Guidelines 01/2021), its outcome, and how this breach differs, so the DPO can check the
 * answer instead of trusting it. Computed from the stored answers by the pure domain, with the kind
 * of incident recorded with the breach, which tells a stolen laptop from an attack.
 */
export function precedentBlocks(answers: AssessmentAnswers, result: AssessmentResult, category: IncidentCategory | null = null): KnownBlock[] {
  const m = closestPrecedent(answers, result, category);
  const p = m.precedent;
  const alike = Math.round(m.similarity * 100);
  const differs =
    m.differences.length > 0
      ? `*How this breach differs:*\n${m.differences.map((d) => `• ${escapeMrkdwn(d)}`).join('\n')}`
      : '*How this breach differs:* in none of the facts compared.';
  const verdict =
    m.sameOutcome === true
      ? 'This assessment reaches the same outcome as the example.'
      : m.sameOutcome === false
        ? ':warning: This assessment reaches a different outcome from the example: check the differences before you decide.'
        : 'The example leaves part of the outcome open; the reasons above say how this breach was decided.';
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          `*Closest published example* (${alike}% alike): ${escapeMrkdwn(p.citation)}, ${escapeMrkdwn(p.summary)}.\n` +
          `*Its outcome:* ${escapeMrkdwn(outcomeText(p))}.\n${differs}`,
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: verdict }] },
  ];
}
