import type { KnownBlock } from '@slack/types';
import type { NoticeDraft } from '../../domain/notices/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { clip } from './text.js';

/*
 * A notice draft as thread messages (flow 5), within Slack's limits (slack-rules §3): each section
 * text ≤ 3000 characters, ≤ 50 blocks per message, and well under the undocumented cumulative limit
 * on a message's block text (rejections seen from about 11,300 characters). Drafts carry the team's
 * own words, so the whole text is escaped and posted `verbatim`: nothing in it can mention anyone.
 */

export const SECTION_TEXT_MAX = 3000;
export const MESSAGE_BLOCKS_MAX = 50;
/** Block text per message: below the ~11,300 characters at which Slack was seen to say msg_blocks_too_long. */
export const MESSAGE_TEXT_BUDGET = 10_000;

export const KIND_LABELS: Record<string, string> = {
  authority: 'Notification to Datatilsynet',
  processor: 'Notice to the controller',
  subject: 'Notice to the people affected',
  subject_public: 'Public notice to the people affected',
};
export const LANG_LABELS: Record<string, string> = { en: 'English', da: 'Danish' };

export const draftLabel = (kind: string, lang: string, version: number) =>
  `${KIND_LABELS[kind] ?? kind} (${LANG_LABELS[lang] ?? lang}) v${version}`;

/** Plain Markdown (as the drafts are written) to Slack mrkdwn, escaped first so the user text is inert. */
export function markdownToMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/^(\s*)- /gm, '$1• ');
}

/**
 * Splits text into pieces of at most `max` characters, at the largest boundary that fits: a blank
 * line, then a line break, then a space. Only a single "word" longer than `max` is cut inside, and
 * then never inside an `&amp;`-style entity.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = -1;
    for (const sep of ['\n\n', '\n', ' ']) {
      const at = window.lastIndexOf(sep);
      if (at > 0) {
        cut = at;
        break;
      }
    }
    if (cut <= 0) {
      cut = max;
      const amp = rest.lastIndexOf('&', cut);
      if (amp > cut - 6 && amp > 0) cut = amp;
    }
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } });

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** One draft as one or more messages: a header, then its sections, packed within the limits. */
export function draftMessages(draft: NoticeDraft, version: number): SlackMessage[] {
  const label = draftLabel(draft.kind, draft.lang, version);
  const texts = [
    `*${markdownToMrkdwn(draft.title)}*\n\n${markdownToMrkdwn(draft.header)}`,
    ...draft.sections.map((s) => `*${escapeMrkdwn(s.heading)}*\n\n${markdownToMrkdwn(s.body)}`),
  ].flatMap((t) => splitText(t, SECTION_TEXT_MAX));
  const groups: string[][] = [[]];
  let size = 0;
  for (const t of texts) {
    const current = groups.at(-1)!;
    // One block is the header of the first message; the budget counts the header's text too.
    if (current.length > 0 && (size + t.length > MESSAGE_TEXT_BUDGET || current.length >= MESSAGE_BLOCKS_MAX - 1)) {
      groups.push([t]);
      size = t.length;
    } else {
      current.push(t);
      size += t.length;
    }
  }
  return groups.map((group, i) => {
    const part = groups.length > 1 ? ` (part ${i + 1} of ${groups.length})` : '';
    const title = clip(`${label}${part}`, 150);
    return { text: `Draft: ${title}`, blocks: [{ type: 'header', text: { type: 'plain_text', text: title } }, ...group.map(section)] };
  });
}

/** A draft's file name in the card's thread: `BR-2026-0001-authority-en-v2.md`. */
export const draftFileName = (reference: string, kind: string, lang: string, version: number) => `${reference}-${kind.replace('_', '-')}-${lang}-v${version}.md`;

/** The Markdown file of a draft: its name in the thread and its title. */
export function draftFile(reference: string, draft: NoticeDraft, version: number) {
  return {
    filename: draftFileName(reference, draft.kind, draft.lang, version),
    title: draftLabel(draft.kind, draft.lang, version),
    content: draft.markdown,
  };
}
