import type { ModalView } from '@slack/types';
import { ENTRY_TEXT_MAX, type TimelineEntryInput } from '../../domain/timeline/entry.js';
import { inputBlock } from '../blocks/input-block.js';
import { TIMELINE_ENTRY_VIEW, timelineEntryAction as a } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import type { ViewStateValues } from './declare-state.js';

const text = (t: string) => ({ type: 'plain_text' as const, text: t });

/** Add timeline entry: what happened and when (default now; not in the future). */
export function timelineEntryModal(breach: { id: string; reference: string }, nowSeconds: number): ModalView {
  return {
    type: 'modal',
    callback_id: TIMELINE_ENTRY_VIEW,
    title: text('Add timeline entry'),
    submit: text('Add'),
    close: text('Cancel'),
    private_metadata: JSON.stringify({ breachId: breach.id }),
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `For the timeline of *${escapeMrkdwn(breach.reference)}* and the register. Describe what happened, not the personal data itself.`,
          },
        ],
      },
      inputBlock('what', a('what'), 'What happened', {
        type: 'plain_text_input',
        multiline: true,
        max_length: ENTRY_TEXT_MAX,
        placeholder: text('e.g. The recipient confirmed they deleted the e-mail'),
      }),
      inputBlock('occurredAt', a('occurredAt'), 'When', { type: 'datetimepicker', initial_date_time: nowSeconds }, { hint: 'Not in the future.' }),
    ],
  };
}

export function readTimelineEntry(values: ViewStateValues): TimelineEntryInput {
  const el = (f: 'what' | 'occurredAt') => values[f]?.[a(f)] as { value?: string | null; selected_date_time?: number | null } | undefined;
  return { what: el('what')?.value ?? null, occurredAt: el('occurredAt')?.selected_date_time ?? null };
}
