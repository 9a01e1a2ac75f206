import type { Button } from '@slack/types';
import type { Breach } from '../../store/breaches.js';
import { ACTIONS, NOTICE_ACTIONS } from '../ids.js';

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

export const CARD_BUTTONS: CardButton[] = [
  // Hidden once closed: a closed breach's assessment is part of the record.
  { actionId: ACTIONS.assess, label: 'Assess risk', when: (b) => !b.closedAt },
  // Flows 5 and 6: anyone in the channel records facts and drafts; recording what was sent is checked on the server.
  { actionId: NOTICE_ACTIONS.updateFacts, label: 'Update facts', when: (b) => !b.closedAt },
  { actionId: ACTIONS.draftNotices, label: 'Draft notices', when: (b) => !b.closedAt },
  { actionId: ACTIONS.recordNotification, label: 'Record notification', when: (b) => !b.closedAt },
  // Issue 7: any channel member adds to the timeline; closing is checked on the server (access.ts, domain/close.ts).
  { actionId: ACTIONS.addTimelineEntry, label: 'Add timeline entry', when: (b) => !b.closedAt },
  { actionId: ACTIONS.closeBreach, label: 'Close breach', when: (b) => !b.closedAt },
];

export function cardButtons(b: Breach): Button[] {
  return CARD_BUTTONS.filter((x) => !x.when || x.when(b)).map((x) => ({
    type: 'button',
    action_id: x.actionId,
    text: { type: 'plain_text', text: x.label },
    value: b.id,
    ...(x.style ? { style: x.style } : {}),
  }));
}
