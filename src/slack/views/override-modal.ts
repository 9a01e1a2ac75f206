import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Communication } from '../../domain/assessment/result.js';
import { JUSTIFICATION_MAX, type DecisionOutcome, type OverrideInput } from '../../domain/decision.js';
import { outcomePhrase } from '../blocks/decision-text.js';
import { inputBlock } from '../blocks/input-block.js';
import { ASSESSMENT, overrideAction as a, type OverrideFieldId } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import type { ViewStateValues } from './declare-state.js';

/** Carried in private_metadata: the assessment, and the result message to reply under. */
export interface OverrideMetadata {
  assessmentId: string;
  channelId: string | null;
  messageTs: string | null;
}

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const option = (value: string, label: string): PlainTextOption => ({ text: text(label), value });

const AUTHORITY = [option('yes', 'Yes: notify Datatilsynet'), option('no', 'No: unlikely to result in a risk to people')];
const SUBJECTS = [
  option('no', 'No: not a high risk, or an Art. 34(3) exemption applies'),
  option('individual', 'Yes, individually'),
  option('public', 'Yes, by a public communication (Art. 34(3)(c))'),
];

const input = (field: OverrideFieldId, label: string, element: Record<string, unknown>, hint?: string): KnownBlock =>
  inputBlock(field, a(field), label, element, hint ? { hint } : {});

/** The override modal: a different decision and the written justification that goes into the register. */
export function overrideModal(meta: OverrideMetadata, info: { reference: string; version: number; proposal: DecisionOutcome }): ModalView {
  const p = info.proposal;
  return {
    type: 'modal',
    callback_id: ASSESSMENT.overrideView,
    title: text('Override decision'),
    submit: text('Record override'),
    close: text('Cancel'),
    private_metadata: JSON.stringify(meta),
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `*${escapeMrkdwn(info.reference)}* · assessment v${info.version} proposes: ${outcomePhrase('controller', p)}.`,
          },
        ],
      },
      input('notifyAuthority', 'Notify Datatilsynet?', { type: 'radio_buttons', options: AUTHORITY, initial_option: AUTHORITY[p.notifyAuthority ? 0 : 1] }),
      input('communicateToSubjects', 'Tell the people affected?', {
        type: 'radio_buttons',
        options: SUBJECTS,
        initial_option: SUBJECTS.find((o) => o.value === p.communicateToSubjects),
      }),
      input(
        'justification',
        'Justification',
        { type: 'plain_text_input', multiline: true, max_length: JUSTIFICATION_MAX, placeholder: text('Why the assessment is wrong in this case') },
        'Recorded in the register with your name (Art. 33(5)); Datatilsynet may ask for it. Name the facts the questionnaire could not capture.',
      ),
    ],
  };
}

interface ElementState {
  value?: string | null;
  selected_option?: { value: string } | null;
}

export function readOverrideState(values: ViewStateValues): OverrideInput {
  const el = (f: OverrideFieldId) => values[f]?.[a(f)] as ElementState | undefined;
  const authority = el('notifyAuthority')?.selected_option?.value;
  const subjects = el('communicateToSubjects')?.selected_option?.value;
  return {
    notifyAuthority: authority === 'yes' ? true : authority === 'no' ? false : null,
    communicateToSubjects: SUBJECTS.some((o) => o.value === subjects) ? (subjects as Communication) : null,
    justification: el('justification')?.value ?? null,
  };
}

export function parseOverrideMetadata(raw: string): OverrideMetadata | null {
  try {
    const m = JSON.parse(raw) as Partial<OverrideMetadata>;
    if (typeof m.assessmentId !== 'string') return null;
    return {
      assessmentId: m.assessmentId,
      channelId: typeof m.channelId === 'string' ? m.channelId : null,
      messageTs: typeof m.messageTs === 'string' ? m.messageTs : null,
    };
  } catch {
    return null;
  }
}
