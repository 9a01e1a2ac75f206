import type { KnownBlock } from '@slack/types';
import { formatDuration, timeLeft, type TimeLeft } from '../../domain/deadline.js';
import { reminderChecklist, type ChecklistItemId } from '../../domain/reminder-status.js';
import type { RegimeReminderInput, ReminderInput } from '../../flows/reminders.js';
import { slackDate } from '../date-token.js';
import { cardButton } from './card-actions.js';
import { mention } from './text.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { REGIME_STAGE } from '../ids.js';

/** What a reminder says: gathered by the reminder flow (flows/reminders.ts `postReminder`). */
export type { ReminderInput };

/** Reminders from this close to the deadline on (and overdue ones) call the lead and the DPO by name (issue 17). */
export const MENTION_FROM_HOURS_LEFT = 12;

/** Whether a reminder of the countdown is close enough to the deadline (or past it) to mention people. */
export function callsPeople(stream: ReminderInput['stream'], left: TimeLeft): boolean {
  return stream === 'authority_countdown' && (left.overdue || left.totalMinutes <= MENTION_FROM_HOURS_LEFT * 60);
}

const LABELS: Record<ChecklistItemId, string> = {
  assessment: 'risk assessment',
  dpo_decision: 'DPO decision',
  draft: 'notice drafted',
  notification: 'notification recorded',
  subjects: 'people affected told',
};

/**
 * A reminder in the breach channel (flow 4): time left, what is done, what is missing. Nothing
 * here comes from user text: only the reference, times and the checklist.
 */
export function renderReminder(r: ReminderInput): { text: string; blocks: KnownBlock[] } {
  const deadline = slackDate(r.deadlineAt, { zone: r.zone });
  const left = timeLeft(r.deadlineAt, r.now);
  const target = r.role === 'processor' ? 'tell the controller' : 'notify Datatilsynet';
  const article = r.role === 'processor' ? 'Art. 33(2); the hours are from our contract' : 'Art. 33(1)';
  let headline: string;
  if (r.stream === 'subjects_daily') {
    headline = `:bell: *${r.reference}*: the decision says the people affected must be told (Art. 34). No communication is recorded yet.`;
  } else if (r.stream === 'phased_follow_up') {
    headline = `:bell: *${r.reference}*: the notification was initial (Art. 33(4)). Record the supplement when the missing information is sent.`;
  } else if (left.overdue) {
    // A processor's duty is Art. 33(2) (without undue delay, the hours from its contract); the
    // reasons for a late notification are the controller's duty under Art. 33(1).
    const duty = r.role === 'processor'
      ? 'a processor must tell the controller without undue delay (Art. 33(2))'
      : 'the notification must give the reasons for the delay (Art. 33(1))';
    headline = `:rotating_light: *${r.reference}* is overdue by ${formatDuration({ ...left, overdue: false })}: ${target} now, and ${duty}. Deadline was ${deadline}.`;
  } else if (r.kind === 'deadline') {
    headline = `:rotating_light: *${r.reference}*: the deadline to ${target} is now (${deadline}, ${article}).`;
  } else {
    headline = `:alarm_clock: *${r.reference}*: ${formatDuration(left)} left to ${target}. Deadline ${deadline} (${article}).`;
  }
  const items = reminderChecklist(r.state);
  const done = items.filter((i) => i.status === 'done').map((i) => LABELS[i.id]);
  const missing = items.filter((i) => i.status === 'missing').map((i) => LABELS[i.id]);
  const lines = [headline, `*Done:* ${done.join(', ') || 'nothing yet'}`, `*Missing:* ${missing.join(', ') || 'nothing'}`];
  const notes: string[] = [];
  if (r.kind === 'catch_up') notes.push(`Catching up: we became aware long ago, so ${r.skippedCount || 'earlier'} reminders are not repeated.`);
  if (r.late) notes.push(`Posted late: it was due ${slackDate(r.dueAt, { zone: r.zone })}, while the bot was unavailable${r.skippedCount && r.kind !== 'catch_up' ? `; ${r.skippedCount} missed reminders are folded into this one` : ''}.`);
  const who = r.mention?.length && callsPeople(r.stream, left) ? [...new Set(r.mention)].map(mention).join(' ') : '';
  if (who) lines.unshift(`${who}: this needs you now.`);
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }];
  if (r.next) blocks.push({ type: 'actions', block_id: 'reminder_next', elements: [cardButton(r.next.action, r.next.breachId, true)] });
  if (notes.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: notes.join(' ') }] });
  const plain = headline.replace(/:[a-z_]+: /, '');
  return { text: who ? `${who} ${plain}` : plain, blocks };
}

/**
 * A reminder of a regime stage other than the GDPR's (issue 16): names the regime, the stage, the
 * authority and the due time, and offers "Record a report". Only profile words, times and the
 * reference: no user text.
 */
export function renderRegimeReminder(r: RegimeReminderInput): { text: string; blocks: KnownBlock[] } {
  const due = r.clock.dueAt ?? r.dueAt;
  const left = timeLeft(due, r.now);
  const what = `the ${escapeMrkdwn(r.regime)} ${escapeMrkdwn(r.clock.name.en.toLowerCase())}${r.authority ? ` to ${escapeMrkdwn(r.authority)}` : ''}`;
  const at = slackDate(due, { zone: r.zone });
  const basis = escapeMrkdwn(r.clock.basis);
  let headline: string;
  if (left.overdue) {
    headline = `:rotating_light: *${r.reference}*: ${what} is overdue by ${formatDuration({ ...left, overdue: false })}: submit it now and record it. It was due ${at} (${basis}).`;
  } else if (r.kind === 'deadline') {
    headline = `:rotating_light: *${r.reference}*: ${what} is due now (${at}, ${basis}).`;
  } else {
    headline = `:alarm_clock: *${r.reference}*: ${formatDuration(left)} left for ${what}. Due ${at} (${basis}).`;
  }
  const lines = [headline];
  const notes: string[] = [];
  if (r.kind === 'catch_up') notes.push(`Catching up: we became aware long ago, so ${r.skippedCount || 'earlier'} reminders are not repeated.`);
  if (r.late) notes.push(`Posted late: it was due ${slackDate(r.dueAt, { zone: r.zone })}, while the bot was unavailable.`);
  const close = left.overdue || left.totalMinutes <= MENTION_FROM_HOURS_LEFT * 60;
  const who = r.mention?.length && close ? [...new Set(r.mention)].map(mention).join(' ') : '';
  if (who) lines.unshift(`${who}: this needs you now.`);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    {
      type: 'actions',
      block_id: 'reminder_next',
      elements: [{ type: 'button', action_id: REGIME_STAGE.record, text: { type: 'plain_text', text: 'Record a report' }, value: r.breachId }],
    },
  ];
  if (notes.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: notes.join(' ') }] });
  const plain = headline.replace(/:[a-z_]+: /, '');
  return { text: who ? `${who} ${plain}` : plain, blocks };
}
