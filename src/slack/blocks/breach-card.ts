import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { formatDuration, timeLeft } from '../../domain/deadline.js';
import type { Breach, StepState } from '../../store/breaches.js';
import { slackDate } from '../date-token.js';
import { ACTIONS, CARD_BLOCKS } from '../ids.js';
import { cardButtons } from './card-actions.js';
import { cardClosedBlock } from './card-closed.js';
import { cardRiskBlock, riskNextStep } from './card-risk.js';
import { cardNoticesBlock } from './card-notices.js';
import type { NoticeCardSummary } from '../../flows/notice-card.js';
import type { RiskSummary } from '../../store/decisions.js';
import type { Role } from '../../domain/deadline.js';
import { clip, mention, userText } from './text.js';

export const STATUS_LABELS: Record<string, string> = {
  assessing: 'Assessing risk',
  notify: 'Notify the authority',
  no_notification: 'No notification needed',
  notified: 'Notified',
  closed: 'Closed',
};

const ROLE_LABELS: Record<string, string> = {
  controller: 'Controller',
  processor: 'Processor',
  joint_controller: 'Joint controller',
};

const STEP_LABELS: Record<string, string> = {
  create_channel: 'create the breach channel',
  invite: 'invite the responders',
  set_topic: 'set the channel topic',
  post_card: 'post the breach card',
  pin_card: 'pin the breach card',
};

export const stepLabel = (step: string) => STEP_LABELS[step] ?? step;

export interface CardInput {
  breach: Breach;
  steps: StepState[];
  now: DateTime;
  zone: string;
  /** The latest risk assessment and the decision in force (flow 3); absent until assessed. */
  risk?: RiskSummary | null;
  /** Drafts and what was sent (flows 5 and 6); absent until there is something to show. */
  notices?: NoticeCardSummary | null;
}

/**
 * The breach card (flow 2): one message per breach, pinned in its channel and updated in place.
 * Rendered from the stored breach alone, so every update shows the same truth.
 */
export function renderBreachCard({ breach, steps, now, zone, risk, notices }: CardInput): { text: string; blocks: KnownBlock[] } {
  const deadline = DateTime.fromJSDate(breach.deadlineAt, { zone: 'utc' });
  const aware = DateTime.fromJSDate(breach.awareAt, { zone: 'utc' });
  const left = timeLeft(deadline, now);
  const status = STATUS_LABELS[breach.status] ?? breach.status;
  const who = breach.role === 'processor' ? 'tell the controller' : 'notify Datatilsynet';
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: CARD_BLOCKS.header, text: { type: 'plain_text', text: clip(`${breach.reference}: ${breach.title}`, 150) } },
    {
      type: 'section',
      block_id: CARD_BLOCKS.facts,
      fields: [
        { type: 'mrkdwn', text: `*Status*\n${status}` },
        { type: 'mrkdwn', text: `*Role*\n${ROLE_LABELS[breach.role] ?? breach.role}` },
        { type: 'mrkdwn', text: `*Deadline to ${who}*\n${slackDate(deadline, { zone })}` },
        { type: 'mrkdwn', text: `*Time left*\n${breach.closedAt ? 'None: closed' : formatDuration(left)}` },
        { type: 'mrkdwn', text: `*Became aware*\n${slackDate(aware, { zone })}` },
        { type: 'mrkdwn', text: `*Reported by*\n${mention(breach.reporterId)}` },
        { type: 'mrkdwn', text: `*Breach lead*\n${breach.leadId ? mention(breach.leadId) : 'Not named yet'}` },
        { type: 'mrkdwn', text: `*Ongoing*\n${{ yes: 'Yes', no: 'No', unknown: 'Not known' }[breach.ongoing] ?? 'Not known'}` },
      ],
    },
    { type: 'section', block_id: CARD_BLOCKS.description, text: { type: 'mrkdwn', text: `*What happened*\n${userText(breach.description, 2800)}` } },
    ...(risk ? [cardRiskBlock(risk, breach.role as Role, zone)] : []),
    ...(notices ? [cardNoticesBlock(notices, zone)] : []),
    { type: 'section', block_id: CARD_BLOCKS.next, text: { type: 'mrkdwn', text: `*Next step*\n${(!breach.closedAt && riskNextStep(risk)) || nextStep(breach)}` } },
  ];
  const closed = cardClosedBlock(breach, zone);
  if (closed) blocks.push(closed);
  // Steps still pending are normal while the card itself is being posted; only a failure is news.
  const failed = steps.filter((s) => s.status === 'failed');
  const buttons = breach.closedAt ? [] : cardButtons(breach);
  if (failed.length) {
    const why = failed.map((s) => `could not ${stepLabel(s.step)} (${userText(s.lastError ?? 'error', 200)})`).join('; ');
    blocks.push({ type: 'section', block_id: CARD_BLOCKS.setup, text: { type: 'mrkdwn', text: `:warning: *Setup incomplete*: ${why}.` } });
    buttons.unshift({ type: 'button', action_id: ACTIONS.retrySetup, text: { type: 'plain_text', text: 'Retry setup' }, value: breach.id, style: 'primary' });
  }
  if (buttons.length) blocks.push({ type: 'actions', block_id: CARD_BLOCKS.actions, elements: buttons });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Updated ${slackDate(now, { zone })}` }] });
  return { text: `${breach.reference}: ${userText(breach.title, 200)} (${status}, deadline ${slackDate(deadline, { zone })})`, blocks };
}

function nextStep(breach: Breach): string {
  switch (breach.status) {
    case 'assessing':
      return breach.role === 'processor'
        ? 'Find out what happened and tell the controller without undue delay (Art. 33(2)).'
        : 'Assess the risk to the people affected and decide whether to notify Datatilsynet (Art. 33) and them (Art. 34).';
    case 'notify':
      return 'Notify Datatilsynet before the deadline.';
    case 'no_notification':
      return 'Document the decision and the reasons in the register (Art. 33(5)).';
    case 'notified':
      return 'Follow up: supplement the notification if it was initial, and tell the people affected if required.';
    default:
      return 'None: the breach is closed.';
  }
}
