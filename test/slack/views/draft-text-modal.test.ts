import { describe, expect, it } from 'vitest';
import { draftAuthorityNotice } from '../../../src/domain/notices/index.js';
import { draftSummaryMessage } from '../../../src/slack/blocks/draft-summary.js';
import { NOTICE_ACTIONS } from '../../../src/slack/ids.js';
import { draftTextModal, TEXT_BLOCKS_MAX } from '../../../src/slack/views/draft-text-modal.js';
import { validateView } from '../../emulator/index.js';

const stored = (markdown: string) => ({ kind: 'authority', lang: 'en', version: 3, markdown, createdBy: 'U0RESP', createdAt: new Date('2026-10-24T08:00:00Z') });
const texts = (blocks: unknown[]) => (blocks as Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string }> }>).map((b) => b.text?.text ?? b.elements?.[0]?.text ?? '');

describe('Read full text: a draft in a modal', () => {
  it('shows a usual draft whole, escaped and verbatim, and names its file', () => {
    const view = draftTextModal('BR-2026-0007', stored('# Title\n\n**Label:** <!channel> & co\n\n## Section\n\n- one\n- two'), 'Europe/Copenhagen');
    expect(() => validateView(view, 'modal')).not.toThrow();
    const shown = texts(view.blocks);
    expect(shown[0]).toContain('`BR-2026-0007-authority-en-v3.md`');
    expect(shown[0]).toContain('Notification to Datatilsynet (English) v3, drafted by <@U0RESP> <!date^');
    expect(shown.slice(1).join('\n')).toBe('*Title*\n\n*Label:* &lt;!channel&gt; &amp; co\n\n*Section*\n\n• one\n• two');
    expect((view.blocks[1] as { text: { verbatim: boolean } }).text.verbatim).toBe(true);
    expect(shown.join('')).not.toContain('goes on');
  });

  it('fills at most a modal with a draft too long for one, says so and points to the file', () => {
    const long = 'The attacker copied the files from the shared drive over several nights. '.repeat(120);
    const draft = draftAuthorityNotice(
      { reference: 'BR-2026-0007', description: long, likelyConsequences: long, actualConsequences: long, measuresTaken: Array.from({ length: 100 }, (_, i) => `Measure ${i}: ${long}`) },
      { lang: 'en', now: '2026-10-24T00:00:00Z' },
    );
    expect(draft.markdown.length).toBeGreaterThan(300_000);
    const view = draftTextModal('BR-2026-0007', stored(draft.markdown), 'Europe/Copenhagen');
    expect(() => validateView(view, 'modal')).not.toThrow();
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const shown = texts(view.blocks);
    for (const t of shown) expect(t.length).toBeLessThanOrEqual(3000);
    expect(shown.at(-1)).toMatch(/^:scissors: \*The text goes on\*: \d+ more parts do not fit in a Slack window\. Read the whole draft in the file `BR-2026-0007-authority-en-v3\.md`/);
    expect(view.blocks.length - 2).toBeLessThanOrEqual(TEXT_BLOCKS_MAX);
  });
});

describe('the drafting round offers the full text', () => {
  const draft = (lang: 'en' | 'da') => draftAuthorityNotice({ reference: 'BR-2026-0007' }, { lang, now: '2026-10-24T00:00:00Z' });
  const read = (blocks: unknown[]) => (blocks as Array<{ block_id?: string; elements?: Array<Record<string, unknown>> }>).find((b) => b.block_id === 'draft_read')!.elements!;

  it('one draft: a Read full text button; several: a menu naming each', () => {
    const base = { createdBy: 'U0RESP', late: false, role: 'controller', breachId: 'b-1' };
    const one = draftSummaryMessage({ ...base, drafts: [{ draft: draft('en'), version: 2, id: 'd-en' }] });
    expect(read(one.blocks)).toEqual([expect.objectContaining({ type: 'button', action_id: NOTICE_ACTIONS.readDraft, value: 'b-1|d-en', text: expect.objectContaining({ text: 'Read full text' }) })]);
    const two = draftSummaryMessage({ ...base, drafts: [{ draft: draft('en'), version: 2, id: 'd-en' }, { draft: draft('da'), version: 2, id: 'd-da' }] });
    const [menu] = read(two.blocks);
    expect(menu).toMatchObject({ type: 'static_select', action_id: NOTICE_ACTIONS.readDraft });
    expect((menu!['options'] as Array<{ text: { text: string }; value: string }>).map((o) => [o.text.text, o.value])).toEqual([
      ['Notification to Datatilsynet (English) v2', 'b-1|d-en'],
      ['Notification to Datatilsynet (Danish) v2', 'b-1|d-da'],
    ]);
  });
});
