import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Role } from '../../domain/deadline.js';
import { proposedOutcome, type ReminderChanges } from '../../domain/decision.js';
import type { DecisionRecorded, DecisionRefusal } from '../../flows/decision.js';
import { slackDate } from '../date-token.js';
import { outcomePhrase } from './decision-text.js';
import { mention, quotedUserText } from './text.js';

/* What recording a decision says in Slack: a refusal, and the reply in the result message's thread. */

/** Why a decision cannot be recorded (flows/decision.ts `checkDecision`, `decide`). */
export function decisionRefusal(r: Exclude<DecisionRefusal, { why: 'duplicate' }>): string {
  switch (r.why) {
    case 'not_found':
      return 'That assessment no longer exists.';
    case 'closed':
      return `${r.breach.reference} is closed: its decision can no longer change.`;
    case 'outdated':
      return `This is assessment v${r.assessment.version}, but v${r.latestVersion} is newer. Decide on the latest result, so the decision rests on the current facts.`;
    case 'unchanged':
      return `Assessment v${r.assessment.version} is already accepted, by ${mention(r.decision.decidedBy)}.`;
  }
}

/** The thread reply: who decided what, the justification of an override, and what happens to the reminders. */
export function decisionReply(r: DecisionRecorded, zone: string): { text: string; blocks: KnownBlock[] } {
  const role = r.breach.role as Role;
  const d = r.decision;
  const deadline = slackDate(DateTime.fromJSDate(r.breach.deadlineAt, { zone: 'utc' }), { zone });
  const by = d.notifyAuthority || role === 'processor' ? ` (deadline ${deadline})` : '';
  const v = `assessment v${r.assessment.version}`;
  const text =
    d.kind === 'accepted'
      ? `:white_check_mark: ${mention(d.decidedBy)} accepted ${v}: ${outcomePhrase(role, d)}${by}.`
      : `:pencil2: ${mention(d.decidedBy)} overrode ${v}. Decision: ${outcomePhrase(role, d)}${by}. The assessment proposed: ${outcomePhrase(role, proposedOutcome(r.assessment.result))}.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (d.justification) {
    const quoted = quotedUserText(d.justification, 2700);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Justification*\n${quoted}` } });
  }
  const reminders = reminderNote(r.reminders);
  if (reminders) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: reminders }] });
  return { text, blocks };
}

function reminderNote(c: ReminderChanges): string | null {
  const notes: string[] = [];
  if (c.authorityCountdown === 'stop') notes.push('The reminders to notify Datatilsynet have stopped; the decision and its reasons go into the register (Art. 33(5)).');
  if (c.authorityCountdown === 'resume') notes.push('The reminders to notify Datatilsynet are back on.');
  if (c.subjectsDaily === 'start') notes.push('A daily reminder runs until the communication to the people affected is recorded.');
  if (c.subjectsDaily === 'stop') notes.push('The daily reminder to tell the people affected has stopped.');
  return notes.length ? notes.join(' ') : null;
}
