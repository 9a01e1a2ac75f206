import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { clocksFor, createRegistry, GDPR_DK, ruleSetFor, type RegimeProfile, type RuleSet } from '../../../src/domain/regimes/index.js';

const CPH = 'Europe/Copenhagen';
const cph = (iso: string) => DateTime.fromISO(iso, { zone: CPH });

/**
 * A FICTIONAL future version of the GDPR rules, for these tests only: 96 hours from 1 January 2030.
 * (The EU's Digital Omnibus proposal would move the GDPR's deadline to 96 hours if adopted; nothing
 * here says when or whether.)
 */
const FICTIONAL_2030: RuleSet = {
  ...GDPR_DK.ruleSets[0]!,
  version: '2030-01-01-fictional',
  effectiveFrom: '2030-01-01',
  basis: 'A fictional amendment, for tests',
  stages: GDPR_DK.ruleSets[0]!.stages.map((stage) =>
    stage.id !== 'authority_notification'
      ? stage
      : { ...stage, byRole: { controller: { from: 'awareness', within: { kind: 'hours', hours: 96 } } } },
  ),
};
const AMENDED: RegimeProfile = { ...GDPR_DK, ruleSets: [...GDPR_DK.ruleSets, FICTIONAL_2030] };

const authorityDue = (awareAt: DateTime) => {
  const clock = clocksFor({ regimes: [AMENDED], awareAt, role: 'controller', now: awareAt }).find((c) => c.stage === 'authority_notification');
  return { version: clock?.ruleSet, hours: clock?.dueAt ? clock.dueAt.diff(awareAt, 'hours').hours : null };
};

describe('rule-set versions', () => {
  it('uses the rules in force when we became aware, by the regime’s local date', () => {
    // 23:59 on 31 Dec 2029 in Copenhagen is still the old law; 00:00 on 1 Jan 2030 (23:00 UTC) the new one.
    expect(authorityDue(cph('2029-12-31T23:59'))).toEqual({ version: '2018-05-25', hours: 72 });
    expect(authorityDue(cph('2030-01-01T00:00'))).toEqual({ version: '2030-01-01-fictional', hours: 96 });
  });

  it('keeps a breach on the old rules when the law changes during it', () => {
    const awareAt = cph('2029-12-30T12:00');
    const clock = clocksFor({ regimes: [AMENDED], awareAt, role: 'controller', now: cph('2030-01-02T13:00') }).find(
      (c) => c.stage === 'authority_notification',
    );
    expect(clock).toMatchObject({ ruleSet: '2018-05-25', status: 'late' });
    expect(clock?.dueAt?.toISO()).toBe('2030-01-02T11:00:00.000Z');
  });

  it('drops a stage for a role the new version no longer gives it to', () => {
    // The fictional version names only the controller; a joint controller has no authority stage under it.
    const awareAt = cph('2030-06-01T12:00');
    const clock = clocksFor({ regimes: [AMENDED], awareAt, role: 'joint_controller', now: awareAt }).find((c) => c.stage === 'authority_notification');
    expect(clock).toMatchObject({ status: 'not_applicable', ruleSet: '2030-01-01-fictional' });
  });

  it('has no rule set before the first one takes effect', () => {
    expect(ruleSetFor(GDPR_DK, cph('2018-05-24T23:59'))).toBeNull();
    expect(ruleSetFor(GDPR_DK, cph('2018-05-25T00:00'))?.version).toBe('2018-05-25');
  });

  it('refuses versions listed out of order, so the newest is always last', () => {
    const shuffled: RegimeProfile = { ...GDPR_DK, ruleSets: [FICTIONAL_2030, ...GDPR_DK.ruleSets] };
    expect(() => createRegistry([shuffled])).toThrow(/rule set 2018-05-25: takes effect 2018-05-25, not after the version before it \(2030-01-01\)/);
  });
});
