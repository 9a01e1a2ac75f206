import { describe, expect, it } from 'vitest';
import { draftAuthorityNotice } from '../../../src/domain/notices/index.js';
import { draftMessages, markdownToMrkdwn, MESSAGE_TEXT_BUDGET, splitText } from '../../../src/slack/blocks/draft-messages.js';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('splitting a draft for Slack', () => {
  it('splits at paragraph, line or word boundaries, never inside a word', () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}${i % 17 === 0 ? '\n\n' : i % 5 === 0 ? '\n' : ' '}`).join('');
    const pieces = splitText(text, 300);
    expect(pieces.length).toBeGreaterThan(5);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(300);
    expect(pieces.flatMap(words)).toEqual(words(text));
  });

  it('cuts a single over-long word only as a last resort, and never inside an entity', () => {
    const pieces = splitText(`${'x'.repeat(298)}&amp;${'y'.repeat(10)}`, 300);
    expect(pieces[0]).toBe('x'.repeat(298));
    expect(pieces[1]).toMatch(/^&amp;y+$/);
  });

  it('escapes the user text and turns Markdown into mrkdwn', () => {
    expect(markdownToMrkdwn('## Heading\n\n**Label:** <!channel> & co\n\n- one')).toBe('*Heading*\n\n*Label:* &lt;!channel&gt; &amp; co\n\n• one');
  });

  it('packs a long draft into messages within the block, text and block-count limits', () => {
    const long = 'The attacker copied the files from the shared drive over several nights. '.repeat(120);
    const draft = draftAuthorityNotice(
      { reference: 'BR-2026-0001', description: long, likelyConsequences: long, actualConsequences: long, measuresTaken: Array.from({ length: 60 }, (_, i) => `Measure ${i}: ${long.slice(0, 200)}`) },
      { lang: 'en', now: '2026-10-24T00:00:00Z' },
    );
    const messages = draftMessages(draft, 3);
    expect(messages.length).toBeGreaterThan(2);
    for (const [i, m] of messages.entries()) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(m.blocks[0]).toMatchObject({ type: 'header', text: { text: `Notification to Datatilsynet (English) v3 (part ${i + 1} of ${messages.length})` } });
      const sections = m.blocks.slice(1).map((b) => (b as { text: { text: string; verbatim: boolean } }).text);
      for (const s of sections) {
        expect(s.text.length).toBeLessThanOrEqual(3000);
        expect(s.verbatim).toBe(true);
      }
      expect(sections.reduce((n, s) => n + s.text.length, 0)).toBeLessThanOrEqual(MESSAGE_TEXT_BUDGET);
    }
    // Nothing is lost: every word of the draft's text is posted, in order.
    const posted = messages.flatMap((m) => m.blocks.slice(1).map((b) => (b as { text: { text: string } }).text.text)).join('\n');
    expect(words(posted.replace(/[*•]/g, ''))).toEqual(words(markdownToMrkdwn(draft.markdown).replace(/[*•]/g, '')));
  });
});
