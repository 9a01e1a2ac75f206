import type { ModalView } from '@slack/types';
import { CLOSE_NOTE_MAX } from '../../domain/close.js';
import { inputBlock } from '../blocks/input-block.js';
import { CLOSE_VIEW, closeAction } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import type { ViewStateValues } from './declare-state.js';

const text = (t: string) => ({ type: 'plain_text' as const, text: t });

/** The Close breach modal: the required closing note that goes into the register with the decision. */
export function closeModal(breach: { id: string; reference: string }): ModalView {
  return {
    type: 'modal',
    callback_id: CLOSE_VIEW,
    title: text('Close breach'),
    submit: text('Close breach'),
    close: text('Cancel'),
    private_metadata: JSON.stringify({ breachId: breach.id }),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            `Closing *${escapeMrkdwn(breach.reference)}* ends its reminders and freezes its record: the card loses its buttons, ` +
            'and the breach stays in the register (Art. 33(5)) with this note. The channel is kept.',
        },
      },
      inputBlock(
        'note',
        closeAction('note'),
        'Closing note',
        { type: 'plain_text_input', multiline: true, max_length: CLOSE_NOTE_MAX, placeholder: text('What was done, and why the breach can be closed') },
        { hint: 'Recorded in the register with your name and the time.' },
      ),
    ],
  };
}

export const readCloseNote = (values: ViewStateValues): string | null =>
  (values['note']?.[closeAction('note')] as { value?: string | null } | undefined)?.value ?? null;
