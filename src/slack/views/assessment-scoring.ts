import type { KnownBlock, ModalView } from '@slack/types';
import { isEnisaArithmetic } from '../../domain/assessment/reasons.js';
import { formatScore, SEVERITY_LABELS } from '../blocks/decision-text.js';
import { clip, userText } from '../blocks/text.js';
import { ASSESSMENT } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import type { StoredAssessment } from '../../domain/assessment/stored.js';

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const section = (t: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: t } });

/**
 * "How this was scored", opened from an assessment result: the ENISA arithmetic in full, with
 * what its terms mean (the method as ../shared/spec/assessment.md "The method" states it). The
 * result message itself gives the decision and its reasons in words only.
 */
export function scoringModal(reference: string, a: StoredAssessment): ModalView {
  const sev = a.result.severity;
  const explained = a.result.reasons.find(isEnisaArithmetic);
  const blocks: KnownBlock[] = [
    section(
      `*${escapeMrkdwn(reference)}, assessment v${a.version}*\n` +
        'The GDPR rules and Datatilsynet’s guidance in the reasons decide first. Where none of them does, ' +
        'the severity score of ENISA’s method (2013) decides: low means no risk is likely, medium a risk, high or very high a high risk.',
    ),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Severity*\n${SEVERITY_LABELS[sev.level]} (${formatScore(sev.score)})` },
        {
          type: 'mrkdwn',
          text: `*Score*\nDPC ${formatScore(sev.dpc)} × EI ${formatScore(sev.ei)} + CB ${formatScore(sev.cb)} = ${formatScore(sev.score)}`,
        },
      ],
    },
  ];
  if (explained) blocks.push(section(`*For this breach*\n${userText(explained, 2900)}`));
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text:
          '*DPC*, data processing context: how sensitive the data are, 1 (simple) to 4 (special categories, criminal). ' +
          '*EI*, ease of identification: 0.25 (negligible) to 1 (at once). ' +
          '*CB*, circumstances of the breach: points added for who got the data, whether it can be undone, and malicious intent. ' +
          'Levels: below 2 low, 2 to 3 medium, 3 to 4 high, 4 or more very high.',
      },
    ],
  });
  return { type: 'modal', callback_id: ASSESSMENT.scoringView, title: text(clip('How this was scored', 24)), close: text('Close'), blocks };
}
