import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { formatDuration, timeLeft } from '../../domain/deadline.js';
import { isLate } from '../../domain/notification-form.js';
import type { NoticeCardSummary } from '../../flows/notice-card.js';
import { slackDate } from '../date-token.js';
import { NOTICE_BLOCKS } from '../ids.js';
import { mention, userText } from './text.js';
import type { NotificationRow } from '../../domain/notification-record.js';

/*
 * The card's "Notices" section (flows 5 and 6): the latest draft and whether the facts changed since,
 * the notification with its completeness and lateness, and the communication to the people or a
 * § 22 restriction. The authority's reference is typed by a person, so it is escaped.
 */

export const METHOD_LABELS: Record<string, string> = {
  online_form: 'online form',
  email: 'e-mail',
  other: 'other means',
  letter: 'letter',
  digital_post: 'Digital Post',
  sms: 'SMS',
  phone: 'phone',
  direct_message: 'direct message',
  website: 'a notice on our website',
  media: 'the media',
};

const COMPLETENESS_LABELS: Record<string, string> = {
  complete: 'complete',
  initial: 'initial, more to follow (Art. 33(4))',
  supplement: 'supplement',
};

const at = (d: Date, zone: string) => slackDate(DateTime.fromJSDate(d, { zone: 'utc' }), { zone });

function notificationLine(n: NotificationRow, zone: string): string {
  const ref = n.externalReference ? `, their reference ${userText(n.externalReference, 100)}` : '';
  return `${COMPLETENESS_LABELS[n.completeness ?? ''] ?? 'notification'} ${at(n.submittedAt, zone)} (${METHOD_LABELS[n.method] ?? n.method}${ref})`;
}

/** How long after the deadline something was sent ("4 h 50 min"), or null when it was on time. */
export function lateBy(submittedAt: Date, deadlineAt: Date): string | null {
  if (!isLate(submittedAt, deadlineAt)) return null;
  return formatDuration({ ...timeLeft(DateTime.fromJSDate(deadlineAt), DateTime.fromJSDate(submittedAt)), overdue: false });
}

export function cardNoticesBlock(s: NoticeCardSummary, zone: string, draftingApplies = true): KnownBlock {
  const lines: string[] = [];
  if (s.draft) {
    const gaps = s.draft.missingCount === 0 ? 'no gaps' : `${s.draft.missingCount} ${s.draft.missingCount === 1 ? 'gap' : 'gaps'} left`;
    lines.push(`Drafts: v${s.draft.version}, ${at(s.draft.createdAt, zone)} (${gaps}), in the card's thread.`);
    if (s.stale && draftingApplies) lines.push(`:arrows_counterclockwise: Facts changed since draft v${s.draft.version}: press *Draft notices* again.`);
  } else if (draftingApplies) {
    lines.push('No drafts yet: choose *Draft notices*.');
  }
  const first = s.notifications[0];
  const last = s.notifications.at(-1);
  const to = s.role === 'processor' ? 'Controller told' : 'Datatilsynet notified';
  if (first && last) {
    lines.push(`${to}: ${s.notifications.map((n) => notificationLine(n, zone)).join('; ')}.`);
    if (last.completeness === 'initial') lines.push('Supplement to follow: record it when sent; a follow-up reminder runs until then.');
    const by = lateBy(first.submittedAt, s.deadlineAt);
    if (by) {
      lines.push(`:warning: *${s.role === 'processor' ? 'Told the controller late' : 'Notified late'}* (reasons for the delay required): ${by} after the deadline.`);
    }
  }
  if (s.communication) {
    const c = s.communication;
    const howMany = c.subjectsCount !== null ? `, ${c.subjectsCount.toLocaleString('en-GB')} people` : '';
    lines.push(`People affected told ${at(c.submittedAt, zone)} by ${METHOD_LABELS[c.method] ?? c.method}${howMany}${c.isPublic ? ' (public communication)' : ''}.`);
  } else if (s.restriction) {
    lines.push(`§ 22 restriction recorded by ${mention(s.restriction.recordedBy)} ${at(s.restriction.recordedAt, zone)}: the people affected are not told for now.`);
  }
  return { type: 'section', block_id: NOTICE_BLOCKS.card, text: { type: 'mrkdwn', text: `*Notices*\n${lines.join('\n')}` } };
}
