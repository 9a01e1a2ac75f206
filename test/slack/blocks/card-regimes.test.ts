import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { otherRegimeClocks } from '../../../src/domain/regimes/breach-regimes.js';
import { cardRegimeBlocks } from '../../../src/slack/blocks/card-regimes.js';
import { REGIME_STAGE } from '../../../src/slack/ids.js';
import { validateBlocks } from '../../emulator/index.js';

const AWARE = DateTime.fromISO('2026-10-23T08:00:00Z', { zone: 'utc' });
const clocks = (role: 'controller' | 'processor', conditions: Record<string, boolean | null> = {}) =>
  otherRegimeClocks({ regimes: ['gdpr-dk', 'nis2-dk', 'uk-gdpr'], awareAt: AWARE, role, processorHours: null, recorded: [], conditions, now: AWARE.plus({ hours: 30 }) });
const text = (blocks: unknown[]) => JSON.stringify(blocks);

describe("the card's clocks of the other regimes", () => {
  it('show a section per regime, each stage with its recipient, due time and status, and one button to record', () => {
    const blocks = cardRegimeBlocks(clocks('controller'), '00000000-0000-4000-8000-000000000001', 'Europe/Copenhagen', true);
    expect(validateBlocks(blocks, 'message').errors).toEqual([]);
    expect(blocks.map((b) => b.block_id)).toEqual(['card_regime_nis2-dk', 'card_regime_uk-gdpr', 'card_regime_actions']);
    // 30 hours after awareness: the 24-hour early warning is late, the 72-hour notification pending.
    expect(text(blocks)).toContain(`*Early warning* to The sectoral competent authority and the CSIRT, through Virk.dk: due <!date^${AWARE.plus({ hours: 24 }).toUnixInteger()}^`);
    expect(text(blocks)).toMatch(/Early warning\*[^•]*:rotating_light: late: not recorded/);
    expect(text(blocks)).toMatch(/Incident notification\*[^•]*· pending/);
    expect(text(blocks)).toContain(`*Report to the ICO* to The ICO (Information Commissioner's Office): due <!date^${AWARE.plus({ hours: 72 }).toUnixInteger()}^`);
    expect(text(blocks)).toContain('Record a NIS2 or ICO report');
    expect(text(blocks)).toContain(REGIME_STAGE.record);
  });

  it('say why a stage does not apply, and offer no button on a closed breach', () => {
    const blocks = cardRegimeBlocks(clocks('processor', { risk: false }), '00000000-0000-4000-8000-000000000001', 'Europe/Copenhagen', false);
    expect(text(blocks)).toContain('*Report to the ICO* to The ICO (Information Commissioner');
    expect(text(blocks)).toContain('not applicable: No duty for a processor');
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});
