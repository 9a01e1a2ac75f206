import type { KnownBlock, ModalView } from '@slack/types';
import { DateTime } from 'luxon';
import { draftFileName, draftLabel, markdownToMrkdwn, SECTION_TEXT_MAX, splitText } from '../blocks/draft-messages.js';
import { clip, mention } from '../blocks/text.js';
import { slackDate } from '../date-token.js';
import { NOTICE_VIEWS } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/*
 * *Read full text* (issue 17): one draft's text in a modal, so it can be read in Slack without
 * opening its file. Within Slack's limits for a modal (slack-rules.md): at most 100 blocks, 3,000
 * characters per section text, 250 KB in all. A text longer than that is shown up to the limit and
 * the modal says so and names the file in the card's thread that holds all of it. The text is the
 * team's words: escaped, and posted `verbatim`, so nothing in it can mention anyone.
 */

/** Blocks a modal may have (Slack: 100), less the heading and the closing note. */
export const TEXT_BLOCKS_MAX = 97;
/** What the text may take of a modal's 250 KB (JSON bytes), leaving room for the rest. */
export const TEXT_BYTES_MAX = 200 * 1024;

export interface StoredDraft {
  kind: string;
  lang: string;
  version: number;
  markdown: string;
  createdBy: string;
  createdAt: Date;
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

export function draftTextModal(reference: string, d: StoredDraft, zone: string): ModalView {
  const file = draftFileName(reference, d.kind, d.lang, d.version);
  const when = slackDate(DateTime.fromJSDate(d.createdAt, { zone: 'utc' }), { zone });
  const pieces = splitText(markdownToMrkdwn(d.markdown), SECTION_TEXT_MAX);
  const shown: KnownBlock[] = [];
  let bytes = 0;
  for (const piece of pieces) {
    const block = section(piece);
    const size = Buffer.byteLength(JSON.stringify(block));
    if (shown.length === TEXT_BLOCKS_MAX || bytes + size > TEXT_BYTES_MAX) break;
    shown.push(block);
    bytes += size;
  }
  const left = pieces.length - shown.length;
  const blocks: KnownBlock[] = [
    context(`*${escapeMrkdwn(reference)}* · ${clip(draftLabel(d.kind, d.lang, d.version), 150)}, drafted by ${mention(d.createdBy)} ${when}. The same text is in the file \`${file}\` in the card's thread.`),
    ...shown,
  ];
  if (left > 0) {
    blocks.push(context(`:scissors: *The text goes on*: ${left} more ${left === 1 ? 'part does' : 'parts do'} not fit in a Slack window. Read the whole draft in the file \`${file}\` in the card's thread.`));
  }
  return {
    type: 'modal',
    callback_id: NOTICE_VIEWS.draftText,
    title: { type: 'plain_text', text: 'Draft text' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}
