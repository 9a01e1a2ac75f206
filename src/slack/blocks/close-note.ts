import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Closed, CloseRefusal } from '../../flows/close.js';
import { slackDate } from '../date-token.js';
import { mention, quotedUserText } from './text.js';

/* What closing a breach says in Slack: a refusal, and the closing note in the breach channel. */

/** Why a breach cannot be closed (flows/close.ts `checkClose`, `closeBreach`). */
export function closeRefusal(r: CloseRefusal, zone: string): string {
  switch (r.why) {
    case 'not_found':
      return 'That breach no longer exists.';
    case 'closed': {
      const at = r.breach.closedAt ? ` ${slackDate(DateTime.fromJSDate(r.breach.closedAt, { zone: 'utc' }), { zone })}` : '';
      return `${r.breach.reference} is already closed${r.breach.closedBy ? ` (by ${mention(r.breach.closedBy)}${at})` : ''}.`;
    }
    case 'incomplete':
      return `${r.breach.reference} cannot be closed yet: ${r.missing}.`;
  }
}

/** The note in the breach channel after a close (flows/close.ts `announceClose`). */
export function closeNote({ breach: b }: Closed, archive = false): { text: string; blocks: KnownBlock[] } {
  const text = `:lock: ${mention(b.closedBy ?? '')} closed ${b.reference}.`;
  const quoted = quotedUserText(b.closeReason ?? '', 2700);
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${text}\n*Closing note*\n${quoted}` } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `No more reminders will be posted. The breach stays in the register (\`/breach register\`) with its decision and timeline. ${archive ? 'This channel is now archived; its members can still read it.' : 'This channel is kept for the record.'}`,
          },
        ],
      },
    ],
  };
}
