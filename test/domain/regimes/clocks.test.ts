import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { deadlineFor, ROLES } from '../../../src/domain/deadline.js';
import { clocksFor, GDPR_DK, NIS2_DK, UK_GDPR, type ClockInput, type StageClock } from '../../../src/domain/regimes/index.js';

const CPH = 'Europe/Copenhagen';
const cph = (iso: string) => DateTime.fromISO(iso, { zone: CPH });
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/** The clock of one stage, failing the test if it is not there exactly once. */
function clockOf(clocks: StageClock[], regime: string, stage: string): StageClock {
  const found = clocks.filter((c) => c.regime === regime && c.stage === stage);
  expect(found, `${regime}/${stage}`).toHaveLength(1);
  return found[0]!;
}

const nis2 = (input: Partial<ClockInput> & Pick<ClockInput, 'awareAt'>) =>
  clocksFor({ regimes: [NIS2_DK], role: 'controller', now: input.awareAt, ...input });

describe('GDPR with Datatilsynet: today’s behaviour', () => {
  it('gives the same deadline as deadlineFor for every role, time and contract (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2018, 5, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...ROLES),
        fc.option(fc.integer({ min: 1, max: 168 }), { nil: null }),
        (ms, role, processorHours) => {
          const awareAt = DateTime.fromMillis(ms, { zone: CPH });
          const clocks = clocksFor({ regimes: [GDPR_DK], awareAt, role, processorHours, now: awareAt });
          const stage = role === 'processor' ? 'controller_notification' : 'authority_notification';
          expect(clockOf(clocks, 'gdpr-dk', stage).dueAt?.toMillis()).toBe(deadlineFor({ awareAt, role, processorHours }).toMillis());
        },
      ),
    );
  });

  it('counts the night of the October DST change as the 25 hours it has', () => {
    const clocks = clocksFor({ regimes: [GDPR_DK], awareAt: cph('2026-10-23T10:00'), role: 'controller', now: cph('2026-10-23T10:00') });
    const authority = clockOf(clocks, 'gdpr-dk', 'authority_notification');
    expect(authority.dueAt?.toISO()).toBe('2026-10-26T08:00:00.000Z');
    expect(authority.dueAt?.setZone(CPH).toFormat('ccc HH:mm', { locale: 'en-GB' })).toBe('Mon 09:00');
    expect(authority).toMatchObject({ ruleSet: '2018-05-25', status: 'pending', provisional: false, to: 'authority' });
  });

  it('runs the authority clock until the DPO decides no notification is needed', () => {
    const awareAt = utc('2026-05-01T12:00');
    const base = { regimes: [GDPR_DK], awareAt, role: 'controller' as const, now: awareAt };
    expect(clockOf(clocksFor({ ...base, conditions: { risk: null } }), 'gdpr-dk', 'authority_notification').status).toBe('pending');
    const decided = clockOf(clocksFor({ ...base, conditions: { risk: false } }), 'gdpr-dk', 'authority_notification');
    expect(decided).toMatchObject({ status: 'not_applicable', dueAt: null });
    expect(decided.note).toMatch(/unlikely to result in a risk/);
  });

  it('tells the people affected only once the decision says the risk is high, with no fixed hour', () => {
    const awareAt = utc('2026-05-01T12:00');
    const base = { regimes: [GDPR_DK], awareAt, role: 'controller' as const, now: awareAt.plus({ days: 30 }) };
    const subjects = (input: Partial<ClockInput>) => clockOf(clocksFor({ ...base, ...input }), 'gdpr-dk', 'subject_communication');
    expect(subjects({})).toMatchObject({ status: 'not_applicable', note: 'Waits for the decision.' });
    expect(subjects({ conditions: { high_risk: false } }).status).toBe('not_applicable');
    // "Without undue delay": no due time, so never late by the clock, however long it has been.
    expect(subjects({ conditions: { high_risk: true } })).toMatchObject({ status: 'pending', dueAt: null });
    const told = subjects({ conditions: { high_risk: true }, recorded: [{ regime: 'gdpr-dk', stage: 'subject_communication', at: awareAt.plus({ days: 2 }) }] });
    expect(told).toMatchObject({ status: 'met' });
    expect(told.recordedAt?.toISO()).toBe('2026-05-03T12:00:00.000Z');
  });

  it('gives a processor the controller as its only recipient, on the contract’s hours', () => {
    const awareAt = utc('2026-05-01T12:00');
    const clocks = clocksFor({ regimes: [GDPR_DK], awareAt, role: 'processor', processorHours: 36, now: awareAt });
    expect(clockOf(clocks, 'gdpr-dk', 'controller_notification')).toMatchObject({ to: 'controller', status: 'pending' });
    expect(clockOf(clocks, 'gdpr-dk', 'controller_notification').dueAt?.toISO()).toBe('2026-05-03T00:00:00.000Z');
    expect(clockOf(clocks, 'gdpr-dk', 'authority_notification').status).toBe('not_applicable');
    expect(clockOf(clocks, 'gdpr-dk', 'subject_communication').status).toBe('not_applicable');
    expect(() => clocksFor({ regimes: [GDPR_DK], awareAt, role: 'processor', processorHours: 0, now: awareAt })).toThrow(RangeError);
  });
});

describe('NIS2 in Denmark', () => {
  it('puts the early warning at aware + 24 h and the notification at aware + 72 h, elapsed, across the October DST change', () => {
    const awareAt = cph('2026-10-24T10:00'); // Saturday, CEST; the night after has 25 hours
    const clocks = nis2({ awareAt });
    const warning = clockOf(clocks, 'nis2-dk', 'early_warning');
    expect(warning.dueAt?.toISO()).toBe('2026-10-25T08:00:00.000Z');
    expect(warning.dueAt?.setZone(CPH).toFormat('ccc HH:mm ZZZZ', { locale: 'en-GB' })).toBe('Sun 09:00 CET');
    expect(clockOf(clocks, 'nis2-dk', 'incident_notification').dueAt?.toISO()).toBe('2026-10-27T08:00:00.000Z');
  });

  it('counts the missing hour of the March DST change', () => {
    const warning = clockOf(nis2({ awareAt: cph('2026-03-28T10:00') }), 'nis2-dk', 'early_warning');
    expect(warning.dueAt?.setZone(CPH).toFormat('ccc HH:mm ZZZZ', { locale: 'en-GB' })).toBe('Sun 11:00 CEST');
  });

  it('applies to the organisation whatever its GDPR role', () => {
    const awareAt = utc('2026-05-01T12:00');
    for (const role of ROLES) {
      expect(clockOf(nis2({ awareAt, role }), 'nis2-dk', 'early_warning').status).toBe('pending');
    }
  });

  it('moves the final report to one month after the notification once the notification is recorded', () => {
    const awareAt = utc('2026-03-02T08:00'); // Monday 09:00 in Copenhagen
    const before = clockOf(nis2({ awareAt }), 'nis2-dk', 'final_report');
    // Until then it counts from the notification's own deadline (5 Mar 09:00 CET): 5 Apr 09:00 CEST.
    expect(before).toMatchObject({ provisional: true, status: 'pending' });
    expect(before.dueAt?.toISO()).toBe('2026-04-05T07:00:00.000Z');

    const early = { regime: 'nis2-dk', stage: 'incident_notification', at: utc('2026-03-03T14:00') };
    const after = clockOf(nis2({ awareAt, recorded: [early] }), 'nis2-dk', 'final_report');
    expect(after).toMatchObject({ provisional: false, status: 'pending' });
    expect(after.dueAt?.toISO()).toBe('2026-04-03T13:00:00.000Z'); // 3 Apr 15:00 CEST, the local time it was sent

    const late = { regime: 'nis2-dk', stage: 'incident_notification', at: utc('2026-03-06T08:00') };
    const clocks = nis2({ awareAt, recorded: [late] });
    expect(clockOf(clocks, 'nis2-dk', 'incident_notification').status).toBe('late');
    expect(clockOf(clocks, 'nis2-dk', 'final_report').dueAt?.toISO()).toBe('2026-04-06T07:00:00.000Z');
  });

  it('never calls a provisional final report late: the real one is still a month away', () => {
    const awareAt = utc('2026-03-02T08:00');
    const final = clockOf(nis2({ awareAt, now: utc('2026-06-01T00:00') }), 'nis2-dk', 'final_report');
    expect(final).toMatchObject({ provisional: true, status: 'pending' });
    expect(clockOf(nis2({ awareAt, now: utc('2026-06-01T00:00') }), 'nis2-dk', 'incident_notification').status).toBe('late');
  });

  it.each([
    ['31 Jan + 1 month is the last day of February', '2027-01-31T10:00', '2027-02-28T09:00:00.000Z'],
    ['and 29 Feb in a leap year', '2028-01-31T10:00', '2028-02-29T09:00:00.000Z'],
    ['a month across the March DST change keeps the local time', '2027-02-28T12:00', '2027-03-28T10:00:00.000Z'],
    ['the calendar is Copenhagen’s, not UTC’s, just after midnight', '2027-01-31T00:30', '2027-02-27T23:30:00.000Z'],
  ])('reckons one month in calendar months: %s', (_, notifiedLocal, due) => {
    const notifiedAt = cph(notifiedLocal);
    const recorded = [{ regime: 'nis2-dk', stage: 'incident_notification', at: notifiedAt }];
    const final = clockOf(nis2({ awareAt: notifiedAt.minus({ hours: 30 }), recorded }), 'nis2-dk', 'final_report');
    expect(final.dueAt?.toISO()).toBe(due);
  });

  it('has an intermediate report only when the authority asks, due when it says', () => {
    const awareAt = utc('2026-05-01T12:00');
    expect(clockOf(nis2({ awareAt }), 'nis2-dk', 'intermediate_report')).toMatchObject({ status: 'not_applicable', dueAt: null });

    const request = { regime: 'nis2-dk', stage: 'intermediate_report', at: utc('2026-05-05T09:00'), dueAt: utc('2026-05-08T12:00') };
    const asked = (now: string) => clockOf(nis2({ awareAt, requests: [request], now: utc(now) }), 'nis2-dk', 'intermediate_report');
    expect(asked('2026-05-08T12:00').status).toBe('pending');
    expect(asked('2026-05-08T12:01').status).toBe('late');
    expect(asked('2026-05-08T12:00').dueAt?.toISO()).toBe('2026-05-08T12:00:00.000Z');

    const noTime = clockOf(nis2({ awareAt, requests: [{ ...request, dueAt: null }], now: utc('2026-06-01T00:00') }), 'nis2-dk', 'intermediate_report');
    expect(noTime).toMatchObject({ status: 'pending', dueAt: null });
  });

  it('is not in force for an incident we became aware of before 1 July 2025 (Copenhagen time)', () => {
    const before = nis2({ awareAt: cph('2025-06-30T23:59') });
    expect(before.map((c) => c.status)).toEqual(NIS2_DK.ruleSets[0]!.stages.map(() => 'not_applicable'));
    expect(before.every((c) => c.ruleSet === null && c.note === 'Not in force when we became aware (in force from 2025-07-01).')).toBe(true);
    expect(clockOf(nis2({ awareAt: cph('2025-07-01T00:00') }), 'nis2-dk', 'early_warning')).toMatchObject({ ruleSet: '2025-07-01', status: 'pending' });
  });
});

describe('status', () => {
  const awareAt = utc('2026-05-01T12:00');
  const warning = (input: Partial<ClockInput>) => clockOf(nis2({ awareAt, ...input }), 'nis2-dk', 'early_warning');
  const at = (iso: string) => [{ regime: 'nis2-dk', stage: 'early_warning', at: utc(iso) }];

  it('is met when recorded by the due time, late when after it', () => {
    expect(warning({ recorded: at('2026-05-02T12:00') }).status).toBe('met');
    expect(warning({ recorded: at('2026-05-02T12:01') }).status).toBe('late');
    // The earliest recording counts: a second, later entry does not make it late.
    expect(warning({ recorded: [...at('2026-05-03T00:00'), ...at('2026-05-01T20:00')] }).recordedAt?.toISO()).toBe('2026-05-01T20:00:00.000Z');
  });

  it('is pending up to the due time itself and late strictly after it when nothing is recorded', () => {
    expect(warning({ now: utc('2026-05-02T12:00') }).status).toBe('pending');
    expect(warning({ now: utc('2026-05-02T12:00').plus({ milliseconds: 1 }) }).status).toBe('late');
  });
});

describe('several regimes at once', () => {
  it('lists every clock of every regime given, regime by regime', () => {
    const awareAt = cph('2026-09-10T14:00');
    const clocks = clocksFor({ regimes: [GDPR_DK, NIS2_DK, UK_GDPR], awareAt, role: 'controller', now: awareAt });
    expect(clocks.filter((c) => c.status !== 'not_applicable').map((c) => [c.regime, c.stage, c.dueAt?.toISO() ?? null])).toEqual([
      ['gdpr-dk', 'authority_notification', '2026-09-13T12:00:00.000Z'],
      ['nis2-dk', 'early_warning', '2026-09-11T12:00:00.000Z'],
      ['nis2-dk', 'incident_notification', '2026-09-13T12:00:00.000Z'],
      ['nis2-dk', 'final_report', '2026-10-13T12:00:00.000Z'],
      ['uk-gdpr', 'authority_notification', '2026-09-13T12:00:00.000Z'],
    ]);
  });

  it('rejects an invalid awareness time', () => {
    expect(() => clocksFor({ regimes: [GDPR_DK], awareAt: DateTime.invalid('nope'), role: 'controller', now: utc('2026-01-01T00:00') })).toThrow(RangeError);
  });
});
