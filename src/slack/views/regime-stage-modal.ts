import type { ModalView, PlainTextOption } from '@slack/types';
import { REFERENCE_MAX } from '../../domain/notification-form.js';
import { regimeStream } from '../../domain/regimes/breach-regimes.js';
import type { StageFormInput } from '../../domain/regimes/stage-form.js';
import type { StageModalInput } from '../../flows/regimes.js';
import { inputBlock } from '../blocks/input-block.js';
import { shortRegimeName } from '../blocks/card-regimes.js';
import { REGIME_STAGE, regimeStageAction, type RegimeStageFieldId } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import type { ViewStateValues } from './declare-state.js';

/*
 * "Record a report" (issue 16): a stage of a regime other than the GDPR (NIS2's early warning,
 * incident notification, final report; the ICO report) was submitted. Only the stages that apply and
 * are not recorded yet are offered. The block ids are the fields, so errors land under the input.
 */

const text = (t: string) => ({ type: 'plain_text' as const, text: t });

const field = (f: RegimeStageFieldId, label: string, element: Record<string, unknown>, opts: { optional?: boolean; hint?: string } = {}) =>
  inputBlock(f, regimeStageAction(f), label, element, opts);

export function regimeStageModal(m: StageModalInput): ModalView {
  const options: PlainTextOption[] = m.stages.map((c) => ({
    text: text(`${shortRegimeName(c.regime)}: ${c.name.en}`.slice(0, 75)),
    value: regimeStream(c.regime, c.stage),
  }));
  return {
    type: 'modal',
    callback_id: REGIME_STAGE.view,
    title: text('Record a report'),
    submit: text('Record'),
    close: text('Cancel'),
    private_metadata: JSON.stringify({ breachId: m.breach.id }),
    blocks: [
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `*${escapeMrkdwn(m.breach.reference)}* · Record a report once it has been submitted. Its reminders stop, and the next stage's clock counts from it.` }],
      },
      field('stage', 'Which report', { type: 'static_select', options, ...(options.length === 1 ? { initial_option: options[0] } : {}), placeholder: text('Choose one') }),
      field('doneAt', 'When it was submitted', { type: 'datetimepicker', initial_date_time: m.nowSeconds }, { hint: 'Not in the future, and not before we became aware of the breach.' }),
      field('reference', "The authority's reference", { type: 'plain_text_input', max_length: REFERENCE_MAX }, { optional: true, hint: 'From the receipt, if one was given.' }),
    ],
  };
}

/** Reads the modal's state into plain values; missing values are null. */
export function readRegimeStageForm(values: ViewStateValues): StageFormInput {
  const el = (f: RegimeStageFieldId) => values[f]?.[regimeStageAction(f)];
  return {
    stage: el('stage')?.selected_option?.value ?? null,
    doneAt: el('doneAt')?.selected_date_time ?? null,
    reference: el('reference')?.value ?? null,
  };
}
