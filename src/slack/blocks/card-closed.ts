import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { slackDate } from '../date-token.js';
import { CARD_CLOSED_BLOCK } from '../ids.js';
import { mention, quotedUserText } from './text.js';
import type { Breach } from '../../domain/breach/entity.js';

/** The card's "Closed" section: who closed it, when, and the closing note (clipped; the register has it whole). */
export function cardClosedBlock(b: Breach, zone: string): KnownBlock | null {
  if (!b.closedAt) return null;
  const when = slackDate(DateTime.fromJSDate(b.closedAt, { zone: 'utc' }), { zone });
  const by = b.closedBy ? ` by ${mention(b.closedBy)}` : '';
  const note = b.closeReason ? `\n${quotedUserText(b.closeReason, 1000)}` : '';
  return { type: 'section', block_id: CARD_CLOSED_BLOCK, text: { type: 'mrkdwn', text: `:lock: *Closed*${by} ${when}${note}` } };
}
