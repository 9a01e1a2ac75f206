import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { otherRegimeClocks } from '../../../src/domain/regimes/breach-regimes.js';
import { draftStage } from '../../../src/domain/regimes/drafts.js';
import { NIS2_DK } from '../../../src/domain/regimes/index.js';
import { cardRegimeDraftBlocks, parseRegimeDraftValue, regimeDraftSummaryMessage } from '../../../src/slack/blocks/regime-drafts.js';
import { validateBlocks } from '../../emulator/index.js';

/* The card's *Draft …* buttons and the thread message of a regime stage's drafts (issue 16), as Slack takes them. */

const AWARE = DateTime.fromISO('2026-10-23T08:00:00Z', { zone: 'utc' });
const BREACH = '00000000-0000-4000-8000-000000000001';
const clocksWith = (recorded: Array<{ regime: string; stage: string }>, conditions: Record<string, boolean | null> = { risk: true }) =>
  otherRegimeClocks({
    regimes: ['gdpr-dk', 'nis2-dk', 'uk-gdpr'], awareAt: AWARE, role: 'controller', processorHours: null, conditions,
    recorded: recorded.map((r) => ({ ...r, at: AWARE.plus({ hours: 2 }) })), now: AWARE.plus({ hours: 3 }),
  });
const labels = (blocks: ReturnType<typeof cardRegimeDraftBlocks>) =>
  blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => ('text' in e && e.text ? e.text.text : '')) : []));

it('offer each regime\'s next stage to draft, one actions block each, and none once closed', () => {
  const blocks = cardRegimeDraftBlocks(clocksWith([]), BREACH, true);
  expect(validateBlocks(blocks, 'message').errors).toEqual([]);
  expect(blocks.map((b) => b.block_id)).toEqual(['card_regime_draft_nis2-dk', 'card_regime_draft_uk-gdpr']);
  expect(labels(blocks)).toEqual(['Draft NIS2 early warning', 'Draft report to the ICO']);
  expect(labels(cardRegimeDraftBlocks(clocksWith([{ regime: 'nis2-dk', stage: 'early_warning' }]), BREACH, true))[0]).toBe('Draft NIS2 incident notification');
  // The ICO report does not apply when the decision is that no notification is needed; a closed breach offers nothing.
  expect(labels(cardRegimeDraftBlocks(clocksWith([], { risk: false }), BREACH, true))).toEqual(['Draft NIS2 early warning']);
  expect(cardRegimeDraftBlocks(clocksWith([]), BREACH, false)).toEqual([]);
});

it('carry the breach, the regime and the stage in the value, and nothing else is read as one', () => {
  const value = (cardRegimeDraftBlocks(clocksWith([]), BREACH, true)[0] as { elements: Array<{ value: string }> }).elements[0]!.value;
  expect(parseRegimeDraftValue(value)).toEqual({ breachId: BREACH, regime: 'nis2-dk', stage: 'early_warning' });
  expect(parseRegimeDraftValue(`${BREACH}|nis2-dk`)).toBeNull();
  expect(parseRegimeDraftValue(`${value}|x`)).toBeNull();
});

it('list the gaps of the English draft in a message Slack accepts, with Fill gaps for those Update facts asks', () => {
  const clocks = clocksWith([]);
  const drafts = (['da', 'en'] as const).map((lang) => draftStage(NIS2_DK, 'early_warning', { lang, facts: { awareAt: AWARE.toISO()!, role: 'controller' }, clocks })!);
  const m = regimeDraftSummaryMessage({ breachId: BREACH, reference: 'BR-2026-0001', regime: 'nis2-dk', regimeName: 'NIS2 (Denmark)', stageName: 'Early warning', drafts, createdBy: 'U1' });
  expect(validateBlocks(m.blocks, 'message').errors).toEqual([]);
  const text = JSON.stringify(m.blocks);
  expect(text).toContain(`*Danish*: ${drafts[0]!.missingCount} gaps`);
  expect(text).toContain(`*Gaps to fill* (${drafts[1]!.missing.length})`);
  expect(text).toContain('breach_fill_gaps');
  expect(text).toContain('_…and ');
});
