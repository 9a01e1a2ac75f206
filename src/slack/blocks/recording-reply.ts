import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { RecordOutcome } from '../../flows/notifications.js';
import { slackDate } from '../date-token.js';
import { lateBy, METHOD_LABELS } from './card-notices.js';
import { mention, userText, quotedUserText } from './text.js';

/*
 * The reply in the card's thread after a recording (flow 6): who recorded what, whether it was late,
 * and what the reminders do now. The reference, notes and justification are typed by people, so
 * they are escaped.
 */

const at = (d: Date, zone: string) => slackDate(DateTime.fromJSDate(d, { zone: 'utc' }), { zone });

export function recordingText(o: RecordOutcome): string {
  const who = mention(o.recorded.row.recordedBy);
  if (o.kind === 'restriction') return `${who} recorded a § 22 restriction: the people affected are not told for now.`;
  if (o.kind === 'communication') return `${who} recorded the communication to the people affected.`;
  const to = o.recorded.breach.role === 'processor' ? 'our notice to the controller' : 'the notification to Datatilsynet';
  return `${who} recorded ${to} (${o.recorded.row.completeness}).`;
}

export function recordingReply(o: RecordOutcome, zone: string): KnownBlock[] {
  const lines: string[] = [];
  const notes: string[] = [];
  const breach = o.recorded.breach;
  if (o.kind === 'restriction') {
    const quoted = quotedUserText(o.recorded.row.justification, 2500);
    lines.push(`:shield: ${recordingText(o)}`, `*Justification*\n${quoted}`);
    notes.push('The daily reminder to tell the people affected has stopped. Record the communication if they are told later.');
  } else if (o.kind === 'communication') {
    const n = o.recorded.row;
    const many = n.subjectsCount !== null ? `, ${n.subjectsCount.toLocaleString('en-GB')} people` : '';
    lines.push(`:white_check_mark: ${recordingText(o)} Told ${at(n.submittedAt, zone)} by ${METHOD_LABELS[n.method] ?? n.method}${many}${n.isPublic ? ' (public communication)' : ''}.`);
    notes.push('The daily reminder to tell the people affected has stopped.');
  } else {
    const n = o.recorded.row;
    const ref = n.externalReference ? `; their reference ${userText(n.externalReference, 100)}` : '';
    lines.push(`:white_check_mark: ${recordingText(o)} Submitted ${at(n.submittedAt, zone)} by ${METHOD_LABELS[n.method] ?? n.method}${ref}.`);
    const by = lateBy(n.submittedAt, breach.deadlineAt);
    if (by) {
      lines.push(breach.role === 'processor'
        ? `:warning: *Told late*, ${by} after the deadline in our contract (Art. 33(2): without undue delay). The next draft says why it is late.`
        : `:warning: *Notified late*, ${by} after the deadline: the notification must give the reasons for the delay (Art. 33(1)). The next draft has a section for them.`);
    }
    notes.push(breach.role === 'processor' ? 'The reminders to tell the controller have stopped.' : 'The reminders to notify Datatilsynet have stopped.');
    if (n.completeness === 'initial') notes.push('A follow-up reminder runs every day until the supplement is recorded (Art. 33(4)).');
    else if (o.recorded.cancelled.some((k) => k.startsWith('phased-'))) notes.push('The follow-up reminders have stopped.');
  }
  const notesTyped = o.kind === 'restriction' ? null : o.recorded.row.notes;
  if (notesTyped) lines.push(`*Notes*\n${userText(notesTyped, 1500)}`);
  return [
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: notes.join(' ') }] },
  ];
}
