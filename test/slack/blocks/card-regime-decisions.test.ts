import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { RegimeDecisionsView } from '../../../src/flows/regime-decisions.js';
import { cardRegimeDecisionsBlock } from '../../../src/slack/blocks/card-regime-decisions.js';
import { REGIME_DECISIONS } from '../../../src/slack/ids.js';

const AWARE = DateTime.fromISO('2026-10-23T08:00:00Z', { zone: 'utc' });
const view = (over: Partial<RegimeDecisionsView>): RegimeDecisionsView => ({
  breach: { id: '7f0c1f8e-3b7a-4a39-9a53-0f4c6a1c2d10', reference: 'BR-2026-0007', awareAt: AWARE },
  regime: { id: 'nis2-dk', name: 'NIS2 (Denmark)' },
  applies: true,
  significant: 'unknown',
  significance: null,
  condition: { question: '…', stageName: 'Notice to the recipients of our services', ifFalse: 'Not likely to affect our services.', answer: 'unknown', decided: null },
  onRequest: { stageName: 'Intermediate report (on request)', request: null, recorded: false },
  declinedClocks: [],
  nowSeconds: AWARE.toUnixInteger(),
  ...over,
});
const json = (v: RegimeDecisionsView, open = true) => JSON.stringify(cardRegimeDecisionsBlock(v, 'Europe/Copenhagen', open));

describe("the card's NIS2 decisions section", () => {
  it('offers the form while the breach is open, and not once it is closed', () => {
    expect(json(view({}))).toContain(REGIME_DECISIONS.open);
    expect(json(view({}), false)).not.toContain(REGIME_DECISIONS.open);
  });

  it('quotes the justification escaped, names who decided, and says what § 15 "no" means', () => {
    const text = json(view({
      applies: false,
      significant: 'no',
      significance: { by: 'U0DPO', at: '2026-10-23T21:00:00.000Z', justification: 'Paper bookings for an hour <!here>' },
      condition: { question: '…', stageName: 'Notice to the recipients of our services', ifFalse: 'Not likely to affect our services.', answer: 'no', decided: null },
    }));
    expect(text).toContain('Significant incident: *no*: the NIS2 stages do not apply (<@U0DPO>, <!date^');
    expect(text).toContain('> Paper bookings for an hour &lt;!here&gt;');
    expect(text).toContain('(§ 15): *no*: Not likely to affect our services.');
  });

  it('says when a breach was declared before the question was asked, and a request with no due time', () => {
    const text = json(view({
      applies: false,
      significant: 'not_asked',
      onRequest: { stageName: 'Intermediate report (on request)', request: { at: AWARE.plus({ days: 1 }), dueAt: null }, recorded: false },
    }));
    expect(text).toContain('*not asked* when it was declared');
    expect(text).toContain('The authority asked for an intermediate report <!date^');
    expect(text).toContain('with no due time');
  });
});
