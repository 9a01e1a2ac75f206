import type { Button } from '@slack/types';
import type { Breach } from '../../store/breaches.js';

/**
 * The breach card's buttons (flow 2). Each flow adds its button here when it is built, so the card
 * never shows a button that does nothing. `when` hides a button that makes no sense in a state.
 */
export interface CardButton {
  actionId: string;
  label: string;
  style?: 'primary' | 'danger';
  when?: (b: Breach) => boolean;
}

export const CARD_BUTTONS: CardButton[] = [];

export function cardButtons(b: Breach): Button[] {
  return CARD_BUTTONS.filter((x) => !x.when || x.when(b)).map((x) => ({
    type: 'button',
    action_id: x.actionId,
    text: { type: 'plain_text', text: x.label },
    value: b.id,
    ...(x.style ? { style: x.style } : {}),
  }));
}
