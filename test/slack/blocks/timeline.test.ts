import { describe, expect, it } from 'vitest';
import { renderTimeline } from '../../../src/slack/blocks/timeline.js';
import { validateBlocks } from '../../emulator/index.js';
import type { StoredEvent } from '../../../src/domain/timeline/event.js';

const event = (id: number, over: Partial<StoredEvent> = {}): StoredEvent => ({
  id,
  breachId: '00000000-0000-4000-8000-000000000001',
  at: new Date(Date.UTC(2026, 9, 23, 8, 0, id)),
  actor: 'U0DPO',
  type: 'timeline_entry',
  chainSeq: id,
  prevHash: null,
  hash: null,
  data: { text: `${'<!channel> & a long entry. '.repeat(120)}${id}`, occurredAt: new Date(Date.UTC(2026, 9, 23, 8, 0, id)).toISOString() },
  ...over,
});

describe('the timeline in Slack', () => {
  it('splits a long timeline into messages Slack accepts, keeping one line per event', () => {
    const events = Array.from({ length: 500 }, (_, i) => event(i + 1));
    const messages = renderTimeline('BR-2026-0001', events, 'Europe/Copenhagen');
    expect(messages.length).toBeGreaterThan(1);
    let lines = 0;
    messages.forEach((m, i) => {
      expect(validateBlocks(m.blocks, 'message').errors).toEqual([]);
      const texts = m.blocks.map((b) => String((b as { text?: { text?: string } }).text?.text ?? ''));
      expect(texts.join('').length).toBeLessThan(11_000);
      expect(m.text).toBe(`Timeline of BR-2026-0001 (part ${i + 1} of ${messages.length})`);
      lines += texts.join('\n').split('\n').filter((l) => l.startsWith('• ')).length;
      expect(texts.join('')).not.toContain('<!channel>');
    });
    expect(lines).toBe(500);
  });

  it('orders by when things happened, and says when a late entry was added', () => {
    const declared = event(1, { type: 'breach_declared', data: { title: 'Lost laptop' }, actor: 'U0REP' });
    const backdated = event(2, { data: { text: 'Laptop left on the train', occurredAt: '2026-10-20T07:00:00.000Z' } });
    const [m] = renderTimeline('BR-2026-0001', [declared, backdated], 'Europe/Copenhagen');
    const text = JSON.stringify(m!.blocks);
    expect(text.indexOf('Laptop left on the train')).toBeLessThan(text.indexOf('Lost laptop'));
    expect(text).toContain('_(added <!date^');
    expect(text).toContain('<@U0REP>: Breach declared');
  });

  it('names the lead it was about, and the bot by name', () => {
    const [m] = renderTimeline('BR-2026-0001', [event(1, { type: 'lead_named', data: { before: null, after: 'U0LEAD' } }), event(2, { actor: 'breachbot', type: 'setup_completed', data: {} })], 'UTC');
    const text = JSON.stringify(m!.blocks);
    expect(text).toContain('Breach lead named <@U0LEAD>');
    expect(text).toContain('breachbot: Setup completed');
  });
});
