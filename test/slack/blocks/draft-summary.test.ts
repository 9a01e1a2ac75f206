import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, type FieldKey } from '../../../src/domain/notices/index.js';
import { fillGapsValue, parseFillGapsValue } from '../../../src/slack/blocks/draft-summary.js';
import { factsModal } from '../../../src/slack/views/facts-modal.js';
import { validateView } from '../../emulator/index.js';

const breachId = '00000000-0000-4000-8000-000000000001';
const ALL = Object.keys(FIELD_LABELS) as FieldKey[];

describe('the Fill gaps button', () => {
  it('carries every gap a draft can have within a button value, and reads back the same gaps', () => {
    const value = fillGapsValue(breachId, ALL);
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(parseFillGapsValue(value)).toEqual({ breachId, gaps: ALL });
  });

  it('drops names that are not gaps and refuses a value without the breach', () => {
    expect(parseFillGapsValue(`${breachId}|subjects.count,__proto__,<!channel>,subjects.count`)).toEqual({ breachId, gaps: ['subjects.count'] });
    expect(parseFillGapsValue(`${breachId}|`)).toEqual({ breachId, gaps: [] });
    expect(parseFillGapsValue(breachId)).toBeNull();
    expect(parseFillGapsValue('')).toBeNull();
  });
});

describe('Update facts opened at the gaps', () => {
  const breach = { id: breachId, reference: 'BR-2026-0001', role: 'processor', title: 'Tape lost', description: 'A backup tape was lost.', discovery: null };
  const both = { drafting: ['da', 'en'] as Array<'da' | 'en'>, writing: 'da' as const };

  it('puts the gaps first, in the order named, and keeps every other field below', () => {
    const plain = factsModal(breach, {}, both);
    const focused = factsModal(breach, { subjectsCount: 40 }, both, { gaps: ['subjects.count', 'cause.description', 'decision'] });
    const inputs = (v: typeof plain) => v.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);
    expect(inputs(focused).slice(0, 4)).toEqual(['subjectsCount', 'approximate', 'causeDescription_da', 'causeDescription_en']);
    // The same inputs as the whole form: nothing left out, nothing twice, so saving keeps the rest.
    expect([...inputs(focused)].sort()).toEqual([...inputs(plain)].sort());
    expect(JSON.stringify(focused.blocks[3])).toContain('"initial_value":"40"');
    expect(JSON.stringify(focused.blocks)).toContain("The DPO's decision on the assessment result: the decision on the risk assessment");
  });

  it('stays within Block Kit limits with every gap named and both languages', () => {
    const view = factsModal(breach, {}, both, { gaps: ALL });
    expect(() => validateView(view, 'modal')).not.toThrow();
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});
