import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { DeadlineState, Progress } from '../../domain/breach/progress.js';
import { formatDuration } from '../../domain/deadline.js';
import { slackDate } from '../date-token.js';
import { ACTIONS, CARD_BLOCKS } from '../ids.js';
import { cardActionElements } from './card-actions.js';
import { cardClosedBlock } from './card-closed.js';
import { cardRiskBlock } from './card-risk.js';
import { cardNoticesBlock } from './card-notices.js';
import { cardRegimeBlocks } from './card-regimes.js';
import { cardRegimeDecisionsBlock } from './card-regime-decisions.js';
import { cardRegimeDraftBlocks } from './regime-drafts.js';
import type { CardInput } from '../../flows/card.js';
import type { Role } from '../../domain/deadline.js';
import { clip, decidersText, mention, userText } from './text.js';
import type { Breach } from '../../domain/breach/entity.js';

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
  welcome: 'post the welcome message',
  dm_dpo: 'send the DPO a direct message',
};

export const stepLabel = (step: string) => STEP_LABELS[step] ?? step;

/** What the card shows: gathered by the card flow (flows/card.ts `storedCard`), rendered here. */
export type { CardInput };

/**
 * The breach card (flow 2): one message per breach, pinned in its channel and updated in place.
 * A function of the breach's state (issue 17): the deadline while it runs, what happened once it no
 * longer applies, the next step, its button as the only primary one, and the other actions that
 * still apply in an overflow menu.
 */
export function renderBreachCard({ breach, steps, now, zone, risk, notices, progress, dpoUserIds, regimeClocks = [], regimeDecisions }: CardInput): { text: string; blocks: KnownBlock[] } {
  const aware = DateTime.fromJSDate(breach.awareAt, { zone: 'utc' });
  const status = progress.status;
  const deciders = decidersText(breach.leadId, dpoUserIds);
  const deadline = deadlineFields(progress.deadline, breach.role as Role, zone);
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: CARD_BLOCKS.header, text: { type: 'plain_text', text: clip(`${breach.reference}: ${breach.title}`, 150) } },
    {
      type: 'section',
      block_id: CARD_BLOCKS.facts,
      fields: [
        { type: 'mrkdwn', text: `*Status*\n${status}` },
        { type: 'mrkdwn', text: `*Role*\n${ROLE_LABELS[breach.role] ?? breach.role}` },
        ...deadline.map((text) => ({ type: 'mrkdwn' as const, text })),
        { type: 'mrkdwn', text: `*Became aware*\n${slackDate(aware, { zone })}` },
        { type: 'mrkdwn', text: `*Reported by*\n${mention(breach.reporterId)}` },
        { type: 'mrkdwn', text: `*Ongoing*\n${{ yes: 'Yes', no: 'No', unknown: 'Not known' }[breach.ongoing] ?? 'Not known'}` },
      ],
    },
    leadBlock(breach, dpoUserIds),
    { type: 'section', block_id: CARD_BLOCKS.description, text: { type: 'mrkdwn', text: `*What happened*\n${userText(breach.description, 2800)}` } },
    ...cardRegimeBlocks(regimeClocks, breach.id, zone, !breach.closedAt),
    ...cardRegimeDraftBlocks(regimeClocks, breach.id, !breach.closedAt),
    ...(regimeDecisions ? [cardRegimeDecisionsBlock(regimeDecisions, zone, !breach.closedAt)] : []),
    ...(risk ? [cardRiskBlock(risk, breach.role as Role, zone, deciders)] : []),
    ...(notices ? [cardNoticesBlock(notices, zone, [progress.primary, ...progress.secondary].includes('draft'))] : []),
    { type: 'section', block_id: CARD_BLOCKS.next, text: { type: 'mrkdwn', text: `*Next step*\n${nextStepLine(progress, deciders)}` } },
  ];
  const closed = cardClosedBlock(breach, zone);
  if (closed) blocks.push(closed);
  // Steps still pending are normal while the card itself is being posted; only a failure is news.
  const failed = steps.filter((s) => s.status === 'failed');
  const elements = cardActionElements(breach.id, progress.primary, progress.secondary, failed.length === 0);
  if (failed.length) {
    const why = failed.map((s) => `could not ${stepLabel(s.step)} (${userText(s.lastError ?? 'error', 200)})`).join('; ');
    blocks.push({ type: 'section', block_id: CARD_BLOCKS.setup, text: { type: 'mrkdwn', text: `:warning: *Setup incomplete*: ${why}.` } });
    elements.unshift({ type: 'button', action_id: ACTIONS.retrySetup, text: { type: 'plain_text', text: 'Retry setup' }, value: breach.id, style: 'primary' });
  }
  if (elements.length) blocks.push({ type: 'actions', block_id: CARD_BLOCKS.actions, elements });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Updated ${slackDate(now, { zone })}` }] });
  return { text: `${breach.reference}: ${userText(breach.title, 200)} (${status}, ${deadlineSummary(progress.deadline, breach.role as Role, zone)})`, blocks };
}

/**
 * Who leads, with a picker while the breach is open (issue 17). Until someone is named the DPO
 * leads, so the picker starts on them. Anyone may open the picker; only the DPO, the lead or an
 * admin may change it (checked on the server, and a refused choice is reset by refreshing the card).
 */
function leadBlock(breach: Breach, dpoUserIds: string[]): KnownBlock {
  const dpo = dpoUserIds[0];
  const who = breach.leadId ? mention(breach.leadId) : dpo ? `${mention(dpo)} (the DPO, until someone else is named)` : 'Not named yet';
  const text = { type: 'mrkdwn' as const, text: `*Breach lead*\n${who}` };
  const initial = breach.leadId ?? dpo;
  if (breach.closedAt) return { type: 'section', block_id: CARD_BLOCKS.lead, text };
  return {
    type: 'section',
    block_id: CARD_BLOCKS.lead,
    text,
    accessory: {
      type: 'users_select',
      action_id: ACTIONS.cardLead,
      placeholder: { type: 'plain_text', text: 'Name the breach lead' },
      ...(initial ? { initial_user: initial } : {}),
    },
  };
}

/** The next step, naming who must act when it is the decision (the card and the lists). */
export function nextStepLine(p: Progress, deciders: string): string {
  if (p.phase === 'decide') return `${p.nextStep} Awaiting ${deciders}.`;
  return p.overdue ? `:rotating_light: ${p.nextStep}` : p.nextStep;
}

const COMPLETENESS: Record<string, string> = { complete: 'complete', initial: 'initial, more to follow', supplement: 'complete after a supplement' };

/** The deadline and time left while they apply; afterwards, what happened instead. */
export function deadlineFields(d: DeadlineState, role: Role, zone: string): string[] {
  const at = (t: DateTime) => slackDate(t, { zone });
  const who = role === 'processor' ? 'tell the controller' : 'notify Datatilsynet';
  switch (d.kind) {
    case 'countdown':
      return [`*Deadline to ${who}*\n${at(d.deadlineAt)}`, `*Time left*\n${formatDuration(d.left)}`];
    case 'notified':
      return [`*Notification*\n${deadlineSummary(d, role, zone)}`, `*On time*\n${d.lateBy ? `No: ${formatDuration({ ...d.lateBy, overdue: false })} late` : 'Yes'}`];
    case 'not_required':
      return [`*Notification*\n${deadlineSummary(d, role, zone)}`];
  }
}

/** One line: "deadline …", "Notified … (complete)", "Not required: decided by @x …" (the card and the lists). */
export function deadlineSummary(d: DeadlineState, role: Role, zone: string): string {
  const at = (t: DateTime) => slackDate(t, { zone });
  switch (d.kind) {
    case 'countdown':
      return `deadline ${at(d.deadlineAt)}`;
    case 'notified':
      return `${role === 'processor' ? 'Controller told' : 'Notified'} ${at(d.at)} (${COMPLETENESS[d.completeness ?? ''] ?? 'recorded'})`;
    case 'not_required':
      return `Not required: decided by ${mention(d.decidedBy)} ${at(d.decidedAt)}`;
  }
}
