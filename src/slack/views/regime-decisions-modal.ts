import type { ModalView, PlainTextOption } from '@slack/types';
import { JUSTIFICATION_MAX } from '../../domain/decision.js';
import type { Answer, DecisionFormInput } from '../../domain/regimes/decisions.js';
import { formAnswers, type RegimeDecisionsView } from '../../flows/regime-decisions.js';
import { inputBlock } from '../blocks/input-block.js';
import { shortRegimeName } from '../blocks/card-regimes.js';
import { REGIME_DECISIONS, regimeDecisionAction, type RegimeDecisionFieldId } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import type { ViewStateValues } from './declare-state.js';

/*
 * "NIS2 decisions" (issue 16): the three decisions a team makes about NIS2 after declaring, in one
 * form pre-filled with what is recorded. The block ids are the fields, so errors land under the input.
 */

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const option = (value: Answer, label: string): PlainTextOption => ({ text: text(label), value });

const field = (f: RegimeDecisionFieldId, label: string, element: Record<string, unknown>, opts: { optional?: boolean; hint?: string } = {}) =>
  inputBlock(f, regimeDecisionAction(f), label, element, opts);

function radio(options: PlainTextOption[], initial: string | null) {
  const chosen = options.find((o) => o.value === initial);
  return { type: 'radio_buttons', options, ...(chosen ? { initial_option: chosen } : {}) };
}

const picker = (seconds: number | null) => ({ type: 'datetimepicker', ...(seconds !== null ? { initial_date_time: seconds } : {}) });

export function regimeDecisionsModal(v: RegimeDecisionsView): ModalView {
  const now = formAnswers(v);
  const short = shortRegimeName(v.regime.id);
  const blocks = [
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `*${escapeMrkdwn(v.breach.reference)}* · What we decided about ${escapeMrkdwn(v.regime.name)} since the declaration. Every change is kept with your name.` }],
    },
    field(
      'significant',
      'Is this a significant incident?',
      radio([option('yes', 'Yes'), option('no', 'No'), option('unknown', 'Not known yet (the NIS2 clocks run until we decide)')], now.significant),
      { hint: 'Yes: the early warning is due 24 hours and the incident notification 72 hours from when we became aware of the breach, as on the card. No stops the NIS2 clocks and their reminders.' },
    ),
    field(
      'justification',
      'Why it is not significant',
      { type: 'plain_text_input', multiline: true, max_length: JUSTIFICATION_MAX, ...(now.justification ? { initial_value: now.justification } : {}) },
      { optional: true, hint: 'Required for No: a documented decision, kept in the record. Name the facts: no severe disruption, no financial loss, no considerable damage to others.' },
    ),
  ];
  if (v.condition) {
    blocks.push(
      field(
        'condition',
        'Is the incident likely to adversely affect the provision of our services?',
        radio([option('yes', 'Yes'), option('no', 'No'), option('unknown', 'Not decided yet')], now.condition),
        { hint: `Yes: the ${v.condition.stageName.toLowerCase()} is due without undue delay (NIS 2-loven § 15).` },
      ),
    );
  }
  if (v.onRequest) {
    blocks.push(
      field('requestedAt', `When the authority asked for an ${v.onRequest.stageName.replace(/ \(on request\)$/, '').toLowerCase()}`, picker(now.requestedAt), {
        optional: true,
        hint: 'Leave empty while it has not asked. Not before we became aware of the breach, not in the future.',
      }),
      field('requestDueAt', 'By when it asked for it', picker(now.requestDueAt), { optional: true, hint: 'If the authority gave a time; after it asked. The card then shows the clock, and reminders come.' }),
    );
  }
  return {
    type: 'modal',
    callback_id: REGIME_DECISIONS.view,
    title: text(`${short} decisions`.slice(0, 24)),
    submit: text('Save'),
    close: text('Cancel'),
    private_metadata: JSON.stringify({ breachId: v.breach.id }),
    blocks: blocks as ModalView['blocks'],
  };
}

/** Reads the modal's state into plain values; missing values are null. */
export function readRegimeDecisionsForm(values: ViewStateValues): DecisionFormInput {
  const el = (f: RegimeDecisionFieldId) => values[f]?.[regimeDecisionAction(f)];
  const seconds = (f: RegimeDecisionFieldId) => {
    const v = el(f)?.selected_date_time;
    return typeof v === 'number' ? v : null;
  };
  return {
    significant: el('significant')?.selected_option?.value ?? null,
    justification: el('justification')?.value ?? null,
    condition: el('condition')?.selected_option?.value ?? null,
    requestedAt: seconds('requestedAt'),
    requestDueAt: seconds('requestDueAt'),
  };
}
