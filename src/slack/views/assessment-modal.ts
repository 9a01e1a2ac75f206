import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { AnswerField } from '../../domain/assessment/answers.js';
import { QUESTIONS, choicesFor, type Choice } from '../../domain/assessment/questions.js';
import { inputBlock } from '../blocks/input-block.js';
import { clip } from '../blocks/text.js';
import { ASSESSMENT, assessAction } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { encodeDraft, type AssessmentDraft } from './assessment-state.js';
import { type Answers, previousStep, stepCount, stepFields, stepNumber, type Step } from './assessment-steps.js';

const STEP_TITLES: Record<Step, string> = {
  1: 'what happened, and to whom',
  2: 'the details',
  3: 'a closer look',
  4: 'telling the people affected',
};

/** Radio buttons show every choice at once (Slack allows 10); longer lists become a select. */
const RADIO_MAX = 5;
const CHECKBOX_MAX = 10;

const text = (t: string) => ({ type: 'plain_text' as const, text: t });

/** The submit button of the step after which the result is posted, and of every earlier one. */
export const SUBMIT_LABELS = { last: 'See result', more: 'Next' } as const;

/**
 * One step of the risk questionnaire (flow 3): plain-language questions with help text, only the
 * ones that apply to the answers so far, pre-filled with earlier answers (going Back, or the
 * previous assessment of the breach when reassessing). Every step replaces the same modal, so the
 * view stack never grows beyond one.
 *
 * The heading says "Step 2 of 3", counting the steps the answers so far may still need; the
 * button says "See result" when no answer on this step can lead to another one. Where it can but
 * need not (step 2's answers decide whether step 3 is asked), the button says "Next" and a line
 * says the result may come next, so finishing is never a surprise.
 */
export function assessmentModal(draft: AssessmentDraft): ModalView {
  const fields = stepFields(draft.step, draft.answers);
  const count = stepCount(draft.step, draft.answers);
  const heading = `${draft.reference ? `*${escapeMrkdwn(draft.reference)}* · ` : ''}Step ${count.number} of ${count.of}: ${STEP_TITLES[draft.step]}`;
  const blocks: KnownBlock[] = [{ type: 'context', elements: [{ type: 'mrkdwn', text: heading }] }];
  if (draft.step === 1) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Answer with what you know now. Leave a number empty if you do not know it: anything unknown is assessed as the worse case. You can assess again whenever the facts change.',
      },
    });
  }
  if (draft.step === 4) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Your answers so far mean a *high risk* to the people affected, so the law says they must be told (GDPR Art. 34), unless one of these two exceptions applies.',
      },
    });
  }
  for (const field of fields) blocks.push(questionBlock(field, draft.answers));
  if (draft.step > 1 && !count.last) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `If these answers need no more questions, *${SUBMIT_LABELS.more}* shows the result.` }],
    });
  }
  if (draft.step > 1) {
    const back = previousStep(draft.step, draft.answers);
    blocks.push({
      type: 'actions',
      block_id: 'assess_nav',
      elements: [
        {
          type: 'button',
          action_id: ASSESSMENT.back,
          // Answers on this step are kept: going forward again finds them filled in.
          text: text(`← Back to step ${stepNumber(back, draft.answers)}`),
          value: String(back),
        },
      ],
    });
  }
  return {
    type: 'modal',
    callback_id: ASSESSMENT.view,
    title: text('Assess risk'),
    submit: text(count.last ? SUBMIT_LABELS.last : SUBMIT_LABELS.more),
    close: text('Cancel'),
    private_metadata: encodeDraft(draft),
    blocks,
  };
}

/**
 * The answer to pre-fill. A stored "the protection covers every kind" (null, or absent in answers
 * from before the question existed) shows as every kind ticked, which is what it means.
 */
function initialAnswer(field: AnswerField, answers: Answers): unknown {
  if (field === 'protectedDataTypes' && answers.protection === 'intact' && answers.protectedDataTypes === null) {
    return answers.dataTypes;
  }
  return answers[field];
}

/** A small modal in place of the questionnaire when it cannot go on (breach gone, form too old). */
export function assessmentNotice(message: string): ModalView {
  return {
    type: 'modal',
    callback_id: ASSESSMENT.view,
    title: text('Assess risk'),
    close: text('Close'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: message } }],
  };
}

function questionBlock(field: AnswerField, answers: Answers): KnownBlock {
  const q = QUESTIONS[field];
  const answer = initialAnswer(field, answers);
  const choices = choicesFor(field, answers) as readonly Choice<unknown>[];
  const options: PlainTextOption[] = choices.map((c) => ({ text: text(c.label), value: c.id }));
  const picked = (v: unknown) => options.filter((_, i) => choices[i]!.value === v);
  let element: Record<string, unknown>;
  if (q.input === 'count' || q.input === 'hours') {
    element = {
      type: 'plain_text_input',
      max_length: 40,
      placeholder: text(q.input === 'count' ? 'e.g. 1200, or empty if unknown' : 'e.g. 6, or empty if not restored yet'),
      ...(typeof answer === 'number' ? { initial_value: String(answer) } : {}),
    };
  } else if (q.input === 'multi') {
    const initial = Array.isArray(answer) ? options.filter((_, i) => answer.includes(choices[i]!.value)) : [];
    element = {
      type: options.length <= CHECKBOX_MAX ? 'checkboxes' : 'multi_static_select',
      options,
      ...(options.length > CHECKBOX_MAX ? { placeholder: text('Choose all that apply') } : {}),
      ...(initial.length ? { initial_options: initial } : {}),
    };
  } else {
    const [initial] = answer === undefined ? [] : picked(answer);
    element = {
      type: options.length <= RADIO_MAX ? 'radio_buttons' : 'static_select',
      options,
      ...(options.length > RADIO_MAX ? { placeholder: text('Choose one') } : {}),
      ...(initial ? { initial_option: initial } : {}),
    };
  }
  return inputBlock(field, assessAction(field), clip(q.question, 2000), element, { optional: q.optional, hint: clip(q.help, 2000) });
}
