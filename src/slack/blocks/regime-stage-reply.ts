import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { REGIMES } from '../../domain/regimes/index.js';
import type { StageRecordedOutcome } from '../../flows/regimes.js';
import { slackDate } from '../date-token.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { mention, userText } from './text.js';

/**
 * The channel's confirmation of a recorded regime stage (issue 16): who recorded what and when it
 * was submitted, that its reminders stopped, and the stage now counted from it. The authority's
 * reference is user text: escaped.
 */
export function regimeStageReply(o: StageRecordedOutcome, zone: string): { text: string; blocks: KnownBlock[] } {
  const regime = REGIMES.get(o.clock.regime)?.name.en ?? o.clock.regime;
  const what = `the ${escapeMrkdwn(regime)} ${escapeMrkdwn(o.clock.name.en.toLowerCase())}`;
  const at = slackDate(DateTime.fromJSDate(o.row.doneAt, { zone: 'utc' }), { zone });
  const ref = o.row.externalReference ? ` (reference ${userText(o.row.externalReference, 100)})` : '';
  const lines = [`:white_check_mark: ${mention(o.row.recordedBy)} recorded ${what}, submitted ${at}${ref}. Its reminders have stopped.`];
  const next = o.clocks.filter((c) => c.regime === o.clock.regime && c.recordedAt === null && c.dueAt && !c.provisional && c.status !== 'not_applicable');
  for (const c of next) lines.push(`Next: the ${escapeMrkdwn(c.name.en.toLowerCase())}, due ${slackDate(c.dueAt!, { zone })}.`);
  const text = lines.join('\n');
  return { text: text.replace(/:[a-z_]+: /, ''), blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
