import type { ActionsBlockElement, Button, Overflow } from '@slack/types';
import type { CardAction } from '../../domain/breach/progress.js';
import { ACTIONS, NOTICE_ACTIONS } from '../ids.js';

/**
 * The breach card's actions (issue 17): the one that does the next step is a primary button, the
 * others that still apply sit in one overflow menu, and the rest are not shown at all. Which is
 * which comes from the breach's progress (domain/breach/progress.ts); this file only names them.
 * Every action is checked again on the server when chosen, whatever the card showed.
 */
export const CARD_ACTION_IDS: Record<CardAction, { actionId: string; label: string }> = {
  assess: { actionId: ACTIONS.assess, label: 'Assess risk' },
  update_facts: { actionId: NOTICE_ACTIONS.updateFacts, label: 'Update facts' },
  draft: { actionId: ACTIONS.draftNotices, label: 'Draft notices' },
  record: { actionId: ACTIONS.recordNotification, label: 'Record notification' },
  timeline: { actionId: ACTIONS.addTimelineEntry, label: 'Add timeline entry' },
  close: { actionId: ACTIONS.closeBreach, label: 'Close breach' },
  draft_anyway: { actionId: ACTIONS.draftAuthorityAnyway, label: 'Draft a Datatilsynet notice anyway' },
};

/** Slack allows five options in an overflow menu (slack-rules.md §3). */
const OVERFLOW_MAX = 5;

/** The overflow option's value: the action id it stands for and the breach, parsed by parseMoreValue. */
export const moreValue = (actionId: string, breachId: string) => `${actionId}|${breachId}`;

export function parseMoreValue(value: string | undefined): { actionId: string; breachId: string } | null {
  const [actionId, breachId, ...rest] = (value ?? '').split('|');
  return actionId && breachId && rest.length === 0 ? { actionId, breachId } : null;
}

export function cardButton(action: CardAction, breachId: string, primary: boolean): Button {
  const { actionId, label } = CARD_ACTION_IDS[action];
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text: label }, value: breachId, ...(primary ? { style: 'primary' as const } : {}) };
}

/** The primary button, then the overflow; when more than five actions are secondary, the first extras stay plain buttons. */
export function cardActionElements(breachId: string, primary: CardAction | null, secondary: CardAction[], primaryStyle = true): ActionsBlockElement[] {
  const elements: ActionsBlockElement[] = primary ? [cardButton(primary, breachId, primaryStyle)] : [];
  const plain = secondary.slice(0, Math.max(0, secondary.length - OVERFLOW_MAX));
  const inMenu = secondary.slice(plain.length);
  elements.push(...plain.map((a) => cardButton(a, breachId, false)));
  if (inMenu.length) {
    const overflow: Overflow = {
      type: 'overflow',
      action_id: ACTIONS.cardMore,
      options: inMenu.map((a) => ({ text: { type: 'plain_text', text: CARD_ACTION_IDS[a].label }, value: moreValue(CARD_ACTION_IDS[a].actionId, breachId) })),
    };
    elements.push(overflow);
  }
  return elements;
}
