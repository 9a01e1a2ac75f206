import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_REGIMES, clocksFor, createRegistry, DEFAULT_REGIME_SETTINGS, registerCells } from '../../../../src/domain/regimes/index.js';
import { FICTIONAL_XR } from './index.js';

const AKL = 'Pacific/Auckland';

describe('a new regime is one folder', () => {
  const registry = createRegistry([...BUILT_IN_REGIMES, FICTIONAL_XR]);

  it('is offered and applies once registered, beside the built-in ones', () => {
    const context = { settings: { establishedIn: ['DK', 'XR'], nis2EntityIn: [] }, answers: {} };
    expect(registry.applicable(context).map((r) => r.id)).toEqual(['gdpr-dk', 'fictional-xr']);
    expect(registry.applicable({ settings: DEFAULT_REGIME_SETTINGS, answers: {} }).map((r) => r.id)).toEqual(['gdpr-dk']);
    expect(registry.get('fictional-xr')).toBe(FICTIONAL_XR);
  });

  it('gets its clocks from clocksFor, its own calendar and all', () => {
    // 31 Dec 2026 in Auckland is summer time (NZDT, +13); two months on, 28 Feb 2027, still NZDT.
    const awareAt = DateTime.fromISO('2026-12-31T09:00', { zone: AKL });
    const regimes = registry.applicable({ settings: { establishedIn: ['XR'], nis2EntityIn: [] }, answers: {} });
    const alertDone = [{ regime: 'fictional-xr', stage: 'alert', at: awareAt.plus({ hours: 5 }) }];
    const clocks = clocksFor({ regimes, awareAt, role: 'controller', recorded: alertDone, now: awareAt.plus({ hours: 5 }) });

    expect(clocks.map((c) => [c.stage, c.status, c.dueAt?.setZone(AKL).toISO()])).toEqual([
      ['alert', 'met', '2026-12-31T15:00:00.000+13:00'],
      ['review', 'pending', '2027-02-28T14:00:00.000+13:00'], // 31 Dec 14:00 + 2 months: the last day of February
    ]);
    expect(registerCells(FICTIONAL_XR, clocks)).toEqual([{ header: 'XR review due (UTC)', value: '2027-02-28T01:00:00.000Z' }]);
  });

  it('is refused with every problem named when its folder has a mistake', () => {
    const broken = {
      ...FICTIONAL_XR,
      zone: 'Pacific/Nowhere',
      ruleSets: [{ ...FICTIONAL_XR.ruleSets[0]!, stages: [...FICTIONAL_XR.ruleSets[0]!.stages].reverse() }],
    };
    expect(() => createRegistry([...BUILT_IN_REGIMES, broken])).toThrow(
      /fictional-xr: unknown time zone "Pacific\/Nowhere"\nfictional-xr: rule set 2026-01-01: stage "review" for a controller counts from "alert", which is not an earlier stage/,
    );
    expect(() => createRegistry([...BUILT_IN_REGIMES, FICTIONAL_XR, FICTIONAL_XR])).toThrow(/fictional-xr: registered twice/);
  });
});
