import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { listDeadline } from '../../domain/breach/progress.js';
import { formatDuration, timeLeft } from '../../domain/deadline.js';
import type { Breach } from '../../store/breaches.js';
import { slackDate } from '../date-token.js';
import { STATUS_LABELS } from './breach-card.js';
import { userText } from './text.js';

/**
 * One line about a breach for lists. People outside the breach's channel see only its reference
 * and deadline: the title may hint at what happened, and the channel is private for a reason.
 */
export function breachLine(b: Breach, canSeeDetails: boolean, now: DateTime, zone: string): string {
  const when = deadlineText(b, now, zone);
  if (!canSeeDetails) return `• *${b.reference}*: ${when}`;
  const where = b.channelId ? ` in <#${b.channelId}>` : '';
  return `• *${b.reference}* ${userText(b.title, 150)}: ${STATUS_LABELS[b.status] ?? b.status}, ${when}${where}`;
}

/** The deadline and time left while the notification is owed; afterwards what happened instead (domain/breach/progress.ts). */
function deadlineText(b: Breach, now: DateTime, zone: string): string {
  const who = b.role === 'processor' ? 'controller told' : 'notified';
  switch (listDeadline(b.status, Boolean(b.closedAt))) {
    case 'notified':
      return `${who}, no deadline running`;
    case 'not_required':
      return 'no notification needed (decided), no deadline running';
    case 'closed':
      return 'closed';
    case 'countdown': {
      const deadline = DateTime.fromJSDate(b.deadlineAt, { zone: 'utc' });
      return `deadline ${slackDate(deadline, { zone })} (${formatDuration(timeLeft(deadline, now))})`;
    }
  }
}

/** Section blocks of at most ~2,900 characters each, so long lists stay within Block Kit limits. */
export function linesToBlocks(heading: string, lines: string[], maxBlocks = 45): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: heading } }];
  let chunk = '';
  for (const line of lines) {
    if (chunk && chunk.length + line.length + 1 > 2900) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n${line}` : line;
  }
  if (chunk) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
  if (blocks.length > maxBlocks) {
    const hidden = blocks.length - maxBlocks + 1;
    return [...blocks.slice(0, maxBlocks - 1), { type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${hidden} more sections not shown.` }] }];
  }
  return blocks;
}
