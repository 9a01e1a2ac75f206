import type { KnownBlock } from '@slack/types';
import type { Progress } from '../../domain/breach/progress.js';
import { formatDuration, type Role } from '../../domain/deadline.js';
import { deadlineSummary, nextStepLine } from './breach-card.js';
import { decidersText, userText } from './text.js';
import type { Breach } from '../../domain/breach/entity.js';

export interface ListedBreach {
  breach: Breach;
  /** Where it stands, from the same state function as its card (flows/progress.ts progressOfEach). */
  progress: Progress;
  /** Member of the breach's channel: may read its title, status and next step. */
  canSeeDetails: boolean;
}

/**
 * One entry about a breach for lists (App Home, `/breach list`), said as its card says it: the
 * deadline and time left while the notification is owed, what happened once it is not (issue 17),
 * and the next step. People outside the breach's channel see only its reference and deadline: the
 * title may hint at what happened, and the channel is private for a reason. `tail` ends the first line.
 */
export function breachLine({ breach: b, progress, canSeeDetails }: ListedBreach, zone: string, dpoUserIds: readonly string[], tail = ''): string {
  const role = b.role as Role;
  const d = progress.deadline;
  const when = d.kind === 'countdown' ? `${deadlineSummary(d, role, zone)} (${formatDuration(d.left)})` : deadlineSummary(d, role, zone);
  if (!canSeeDetails) return `• *${b.reference}*: ${when}${tail}`;
  const where = b.channelId ? ` in <#${b.channelId}>` : '';
  const next = nextStepLine(progress, decidersText(b.leadId, dpoUserIds));
  return `• *${b.reference}* ${userText(b.title, 150)}: ${progress.status}, ${when}${where}${tail}\n      Next step: ${next}`;
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
