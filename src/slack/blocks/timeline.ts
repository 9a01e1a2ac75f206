import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { describeEvent, eventUsers, happenedAt } from '../../domain/timeline/describe.js';
import { slackDate } from '../date-token.js';
import { mention, userText } from './text.js';
import { BOT_ACTOR, type StoredEvent } from '../../domain/timeline/event.js';

/*
 * A breach's timeline as thread messages: one line per event (when, who, what), ordered by when it
 * happened. Long timelines are split across messages so each stays inside Slack's limits (§3):
 * a section's text at most 3,000 characters, and a message's text well under the undocumented
 * ~12,000-character cumulative limit, with far fewer than 50 blocks.
 */

/**
 * Room for one event's words. Longer user text (an entry may hold 3,000 characters) is clipped so a
 * long timeline needs few messages (Slack posts about one per second per channel); the register
 * keeps every word.
 */
const LINE_WORDS_MAX = 600;
const SECTION_MAX = 2900;
const MESSAGE_TEXT_MAX = 9000;

export interface TimelineMessage {
  text: string;
  blocks: KnownBlock[];
}

const who = (actor: string) => (actor === BOT_ACTOR ? 'breachbot' : /^[UW][A-Z0-9]+$/.test(actor) ? mention(actor) : userText(actor, 40));
const when = (d: Date, zone: string) => slackDate(DateTime.fromJSDate(d, { zone: 'utc' }), { zone });

export function timelineLine(e: StoredEvent, zone: string): string {
  const about = eventUsers(e).map((u) => ` ${mention(u)}`).join('');
  const words = userText(describeEvent(e), LINE_WORDS_MAX).replace(/\s*\n\s*/g, ' ') + about;
  const happened = happenedAt(e);
  const added = happened.getTime() !== e.at.getTime() ? ` _(added ${when(e.at, zone)})_` : '';
  return `• ${when(happened, zone)} · ${who(e.actor)}: ${words}${added}`;
}

/** Lines packed into sections, sections into messages, each within its limit. */
function pack(lines: readonly string[]): string[][] {
  const messages: string[][] = [];
  let sections: string[] = [];
  let section = '';
  let size = 0;
  const closeSection = () => {
    if (!section) return;
    sections.push(section);
    size += section.length;
    section = '';
  };
  for (const line of lines) {
    if (section && section.length + 1 + line.length > SECTION_MAX) closeSection();
    if (sections.length && size + section.length + line.length > MESSAGE_TEXT_MAX) {
      closeSection();
      messages.push(sections);
      sections = [];
      size = 0;
    }
    section = section ? `${section}\n${line}` : line;
  }
  closeSection();
  if (sections.length) messages.push(sections);
  return messages;
}

export function renderTimeline(reference: string, events: readonly StoredEvent[], zone: string): TimelineMessage[] {
  const sorted = [...events].sort((a, b) => happenedAt(a).getTime() - happenedAt(b).getTime() || a.id - b.id);
  const parts = pack(sorted.map((e) => timelineLine(e, zone)));
  if (parts.length === 0) {
    const text = `Timeline of ${reference}: nothing recorded yet.`;
    return [{ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }];
  }
  return parts.map((sections, i) => {
    const part = parts.length > 1 ? ` (part ${i + 1} of ${parts.length})` : '';
    const heading = `*Timeline of ${reference}*${part}: ${events.length} events, as recorded in the audit trail. Add one with *Add timeline entry* on the card.`;
    return {
      text: `Timeline of ${reference}${part}`,
      blocks: [
        ...(i === 0 ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: heading }] } as KnownBlock] : []),
        ...sections.map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })),
      ],
    };
  });
}
