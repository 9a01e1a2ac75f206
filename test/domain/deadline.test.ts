import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/clock.js';
import {
  checkAwareness,
  checkStartedAt,
  deadlineFor,
  deadlineHours,
  formatDuration,
  timeLeft,
} from '../../src/domain/deadline.js';

const CPH = 'Europe/Copenhagen';
const cph = (iso: string) => DateTime.fromISO(iso, { zone: CPH });
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('deadlineFor', () => {
  it('counts the extra hour of the October DST change (25 Oct 2026) as it falls', () => {
    const awareAt = cph('2026-10-23T10:00'); // Friday, CEST = 08:00 UTC
    const deadline = deadlineFor({ awareAt, role: 'controller' });
    expect(deadline.toISO()).toBe('2026-10-26T08:00:00.000Z');
    expect(deadline.zoneName).toBe('UTC');
    expect(deadline.setZone(CPH).toFormat('ccc HH:mm ZZZZ', { locale: 'en-GB' })).toBe('Mon 09:00 CET');
  });

  it('counts the missing hour of the March DST change (29 Mar 2026) as it falls', () => {
    const awareAt = cph('2026-03-27T10:00'); // Friday, CET = 09:00 UTC
    const deadline = deadlineFor({ awareAt, role: 'controller' });
    expect(deadline.toISO()).toBe('2026-03-30T09:00:00.000Z');
    expect(deadline.setZone(CPH).toFormat('ccc HH:mm ZZZZ', { locale: 'en-GB' })).toBe('Mon 11:00 CEST');
  });

  it('gives a joint controller the controller’s 72 h', () => {
    const awareAt = utc('2026-05-01T12:00');
    expect(deadlineFor({ awareAt, role: 'joint_controller' }).toISO()).toBe('2026-05-04T12:00:00.000Z');
    expect(deadlineFor({ awareAt, role: 'controller', processorHours: 10 }).toISO()).toBe('2026-05-04T12:00:00.000Z');
  });

  it('gives a processor 24 h by default and the contract’s hours when set', () => {
    const awareAt = cph('2026-10-24T10:00'); // the night with 25 hours follows
    expect(deadlineFor({ awareAt, role: 'processor' }).setZone(CPH).toFormat('dd HH:mm')).toBe('25 09:00');
    expect(deadlineFor({ awareAt, role: 'processor', processorHours: null }).toISO()).toBe('2026-10-25T08:00:00.000Z');
    expect(deadlineFor({ awareAt, role: 'processor', processorHours: 36 }).toISO()).toBe('2026-10-25T20:00:00.000Z');
  });

  it('rejects impossible processor hours and invalid times', () => {
    const awareAt = utc('2026-05-01T12:00');
    for (const processorHours of [0, -5, 1.5, 169, Number.NaN]) {
      expect(() => deadlineFor({ awareAt, role: 'processor', processorHours })).toThrow(RangeError);
    }
    expect(deadlineHours('processor', 168)).toBe(168);
    expect(() => deadlineFor({ awareAt: DateTime.invalid('nope'), role: 'controller' })).toThrow(RangeError);
  });

  it('is awareness plus exactly the hours in elapsed milliseconds, in any zone (property)', () => {
    const zones = ['Europe/Copenhagen', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...zones),
        fc.constantFrom('controller', 'processor', 'joint_controller' as const),
        fc.option(fc.integer({ min: 1, max: 168 }), { nil: undefined }),
        (ms, zone, role, processorHours) => {
          const awareAt = DateTime.fromMillis(ms, { zone });
          const deadline = deadlineFor({ awareAt, role, processorHours });
          const hours = role === 'processor' ? (processorHours ?? 24) : 72;
          expect(deadline.toMillis() - ms).toBe(hours * 3_600_000);
        },
      ),
    );
  });
});

describe('timeLeft and formatDuration', () => {
  const deadline = utc('2026-10-26T08:00');
  const at = (iso: string) => timeLeft(deadline, utc(iso));

  it('splits the time left into hours and minutes', () => {
    expect(at('2026-10-24T02:55')).toEqual({ overdue: false, totalMinutes: 3185, hours: 53, minutes: 5 });
    expect(at('2026-10-26T08:00')).toEqual({ overdue: false, totalMinutes: 0, hours: 0, minutes: 0 });
    expect(at('2026-10-26T11:10')).toEqual({ overdue: true, totalMinutes: 190, hours: 3, minutes: 10 });
  });

  it('rounds the time left up and the time overdue down', () => {
    expect(at('2026-10-24T08:00:05').totalMinutes).toBe(48 * 60); // a reminder posted 5 s late still says 2 d
    expect(at('2026-10-26T08:00:30')).toMatchObject({ overdue: true, totalMinutes: 0 });
  });

  it('follows a manual clock', () => {
    const clock = manualClock('2026-10-23T08:00:00Z');
    expect(formatDuration(timeLeft(deadline, clock.now()))).toBe('3 d');
    clock.advance({ hours: 71, minutes: 15 });
    expect(formatDuration(timeLeft(deadline, clock.now()))).toBe('45 min');
    clock.set('2026-10-26T11:10:00Z');
    expect(formatDuration(timeLeft(deadline, clock.now()))).toBe('overdue by 3 h 10 min');
  });

  it('formats English for Slack', () => {
    expect(formatDuration(at('2026-10-24T02:55'))).toBe('2 d 5 h');
    expect(formatDuration(at('2026-10-25T08:00'))).toBe('1 d');
    expect(formatDuration(at('2026-10-26T02:00'))).toBe('6 h');
    expect(formatDuration(at('2026-10-26T04:50'))).toBe('3 h 10 min');
    expect(formatDuration(at('2026-10-26T07:15'))).toBe('45 min');
    expect(formatDuration(at('2026-10-26T08:00'))).toBe('0 min');
    expect(formatDuration(at('2026-10-26T08:00:30'))).toBe('overdue by under 1 min');
    expect(formatDuration(at('2026-10-26T11:10'))).toBe('overdue by 3 h 10 min');
    expect(formatDuration(at('2026-10-28T09:00'))).toBe('overdue by 2 d 1 h');
  });

  it('formats Danish for notices', () => {
    expect(formatDuration(at('2026-10-24T02:55'), 'da')).toBe('2 dage og 5 timer');
    expect(formatDuration(at('2026-10-25T07:00'), 'da')).toBe('1 dag og 1 time');
    expect(formatDuration(at('2026-10-26T07:59'), 'da')).toBe('1 minut');
    expect(formatDuration(at('2026-10-26T07:15'), 'da')).toBe('45 minutter');
    expect(formatDuration(at('2026-10-26T11:10'), 'da')).toBe('overskredet med 3 timer og 10 minutter');
    expect(formatDuration(at('2026-10-26T08:00:30'), 'da')).toBe('overskredet med under 1 minut');
  });
});

describe('checkAwareness', () => {
  const now = utc('2026-10-23T08:00');

  it('accepts now, the past and a little clock skew', () => {
    expect(checkAwareness(now, now)).toEqual({ ok: true });
    expect(checkAwareness(now.minus({ days: 40 }), now)).toEqual({ ok: true });
    expect(checkAwareness(now.plus({ minutes: 2 }), now)).toEqual({ ok: true });
  });

  it('rejects the future beyond the allowance, and invalid input', () => {
    expect(checkAwareness(now.plus({ minutes: 2, seconds: 1 }), now)).toMatchObject({ ok: false, error: 'in_future' });
    expect(checkAwareness(now.plus({ minutes: 1 }), now, Duration.fromMillis(0))).toMatchObject({ ok: false });
    expect(checkAwareness(DateTime.invalid('bad'), now)).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('checks when it started against awareness and now', () => {
    const awareAt = now.minus({ hours: 3 });
    expect(checkStartedAt(now.minus({ days: 2 }), awareAt, now)).toEqual({ ok: true });
    expect(checkStartedAt(awareAt, awareAt, now)).toEqual({ ok: true });
    expect(checkStartedAt(now.minus({ hours: 1 }), awareAt, now)).toMatchObject({ error: 'started_after_awareness' });
    expect(checkStartedAt(now.plus({ hours: 1 }), awareAt, now)).toMatchObject({ error: 'started_in_future' });
  });
});
