import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { slackDate } from '../../src/slack/date-token.js';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('slackDate', () => {
  it('writes a token with integer epoch seconds and a Copenhagen fallback by default', () => {
    const deadline = utc('2026-10-26T08:00');
    expect(slackDate(deadline)).toBe(`<!date^${Date.UTC(2026, 9, 26, 8) / 1000}^{date_short_pretty} {time}|Mon 26 Oct 2026 09:00 CET>`);
  });

  it('names summer time in the fallback', () => {
    expect(slackDate(utc('2026-03-30T09:00'))).toBe('<!date^1774861200^{date_short_pretty} {time}|Mon 30 Mar 2026 11:00 CEST>');
  });

  it('does not depend on the zone of the DateTime passed in', () => {
    const a = utc('2026-10-26T08:00');
    expect(slackDate(a.setZone('America/New_York'))).toBe(slackDate(a));
  });

  it('drops milliseconds from the epoch', () => {
    expect(slackDate(utc('2026-10-26T08:00:00.999'))).toMatch(/^<!date\^1793001600\^/);
  });

  it('writes the fallback in the configured zone', () => {
    const dt = utc('2026-10-26T08:00');
    expect(slackDate(dt, { zone: 'UTC' })).toMatch(/\|Mon 26 Oct 2026 08:00 UTC>$/);
    expect(slackDate(dt, { zone: 'Asia/Kolkata' })).toMatch(/\|Mon 26 Oct 2026 13:30 GMT\+5:30>$/);
    expect(() => slackDate(dt, { zone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('supports other formats', () => {
    const dt = utc('2026-10-26T08:00');
    expect(slackDate(dt, { format: 'date_short_pretty' })).toBe('<!date^1793001600^{date_short_pretty}|Mon 26 Oct 2026>');
    expect(slackDate(dt, { format: 'time' })).toBe('<!date^1793001600^{time}|09:00 CET>');
    expect(slackDate(dt, { format: 'date_num' })).toBe('<!date^1793001600^{date_num}|2026-10-26>');
    expect(slackDate(dt, { format: 'date_long_pretty_time' })).toBe('<!date^1793001600^{date_long_pretty} {time}|Monday 26 October 2026 09:00 CET>');
  });

  it('rejects an invalid time', () => {
    expect(() => slackDate(DateTime.invalid('bad'))).toThrow(RangeError);
  });

  it('always has one fallback free of control characters (property)', () => {
    const zones = ['Europe/Copenhagen', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const token = slackDate(DateTime.fromMillis(ms, { zone: 'utc' }), { zone });
        const match = /^<!date\^(\d+)\^\{date_short_pretty\} \{time\}\|([^<>|]+)>$/.exec(token);
        expect(match).not.toBeNull();
        expect(Number(match?.[1])).toBe(Math.floor(ms / 1000));
      }),
    );
  });
});
