import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/clock.js';
import { deadlineFor } from '../../src/domain/deadline.js';
import {
  CATCH_UP_KEY,
  DEFAULT_REMINDER_SCHEDULE,
  collapseMissed,
  nextOverdueReminder,
  nextPhasedFollowUp,
  nextSubjectReminder,
  parseReminderSchedule,
  planReminders,
  reminderScheduleSchema,
  type PlannedReminder,
} from '../../src/domain/reminder-plan.js';

const CPH = 'Europe/Copenhagen';
const cph = (iso: string) => DateTime.fromISO(iso, { zone: CPH });
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const summary = (plan: PlannedReminder[]) => plan.map((r) => `${r.key}@${r.dueAt.toUTC().toISO({ suppressMilliseconds: true })}`);

describe('planReminders', () => {
  it('plans the default schedule across the October DST change in elapsed hours', () => {
    const awareAt = cph('2026-10-23T10:00');
    const deadline = deadlineFor({ awareAt, role: 'controller' });
    const plan = planReminders({ awareAt, deadline, now: awareAt });
    expect(summary(plan)).toEqual([
      'countdown-48h@2026-10-24T08:00:00Z',
      'countdown-24h@2026-10-25T08:00:00Z',
      'countdown-12h@2026-10-25T20:00:00Z',
      'countdown-6h@2026-10-26T02:00:00Z',
      'countdown-3h@2026-10-26T05:00:00Z',
      'countdown-1h@2026-10-26T07:00:00Z',
      'deadline@2026-10-26T08:00:00Z',
      'overdue-1@2026-10-26T20:00:00Z',
    ]);
    // The 24 h reminder is at 09:00 local on Sunday, one wall-clock hour "early" because the night had 25.
    expect(plan[1]?.dueAt.setZone(CPH).toFormat('ccc HH:mm')).toBe('Sun 09:00');
    expect(plan[0]).toMatchObject({ kind: 'countdown', hoursBefore: 48 });
    expect(plan[6]).toMatchObject({ kind: 'deadline' });
    expect(plan[7]).toMatchObject({ kind: 'overdue', index: 1, hoursOverdue: 12 });
  });

  it('plans across the March DST change', () => {
    const awareAt = cph('2026-03-27T10:00');
    const deadline = deadlineFor({ awareAt, role: 'controller' });
    const plan = planReminders({ awareAt, deadline, now: awareAt });
    const local = plan.map((r) => `${r.key} ${r.dueAt.setZone(CPH).toFormat('ccc HH:mm')}`);
    expect(local).toEqual([
      'countdown-48h Sat 10:00',
      'countdown-24h Sun 11:00',
      'countdown-12h Sun 23:00',
      'countdown-6h Mon 05:00',
      'countdown-3h Mon 08:00',
      'countdown-1h Mon 10:00',
      'deadline Mon 11:00',
      'overdue-1 Mon 23:00',
    ]);
  });

  it('leaves out countdown reminders that would fall at or before awareness (processor, 24 h)', () => {
    const awareAt = utc('2026-06-01T12:00');
    const deadline = deadlineFor({ awareAt, role: 'processor' });
    const plan = planReminders({ awareAt, deadline, now: awareAt.plus({ minutes: 5 }) });
    expect(plan.map((r) => r.key)).toEqual(['countdown-12h', 'countdown-6h', 'countdown-3h', 'countdown-1h', 'deadline', 'overdue-1']);
    expect(plan.some((r) => r.kind === 'catch_up')).toBe(false);
  });

  it('uses a configured schedule', () => {
    const schedule = parseReminderSchedule({ countdownHours: [36, 1.5], atDeadline: false, overdueEveryHours: 6 });
    const awareAt = utc('2026-06-01T00:00');
    const deadline = deadlineFor({ awareAt, role: 'controller' });
    const plan = planReminders({ awareAt, deadline, schedule, now: awareAt });
    expect(summary(plan)).toEqual([
      'countdown-36h@2026-06-02T12:00:00Z',
      'countdown-1.5h@2026-06-03T22:30:00Z',
      'overdue-1@2026-06-04T06:00:00Z',
    ]);
  });

  it('skips reminders already past when awareness was long ago, with one catch-up due now', () => {
    const awareAt = cph('2026-10-23T10:00');
    const deadline = deadlineFor({ awareAt, role: 'controller' });
    const now = utc('2026-10-25T21:30'); // declared on Sunday evening
    const plan = planReminders({ awareAt, deadline, now });
    expect(summary(plan)).toEqual([
      'catch-up@2026-10-25T21:30:00Z',
      'countdown-6h@2026-10-26T02:00:00Z',
      'countdown-3h@2026-10-26T05:00:00Z',
      'countdown-1h@2026-10-26T07:00:00Z',
      'deadline@2026-10-26T08:00:00Z',
      'overdue-1@2026-10-26T20:00:00Z',
    ]);
    expect(plan[0]).toEqual({
      kind: 'catch_up',
      key: CATCH_UP_KEY,
      dueAt: now,
      skippedKeys: ['countdown-48h', 'countdown-24h', 'countdown-12h'],
    });
  });

  it('folds a reminder due exactly now into the catch-up', () => {
    const awareAt = utc('2026-06-01T00:00');
    const deadline = deadlineFor({ awareAt, role: 'controller' });
    const now = deadline.minus({ hours: 24 });
    expect(planReminders({ awareAt, deadline, now })[0]).toMatchObject({ kind: 'catch_up', skippedKeys: ['countdown-48h', 'countdown-24h'] });
    // With nothing else missed, a reminder due exactly now is simply due now.
    expect(planReminders({ awareAt, deadline, now: deadline.minus({ hours: 48 }) })[0]?.key).toBe('countdown-48h');
  });

  it('continues the overdue cadence from the deadline when already overdue', () => {
    const awareAt = utc('2026-06-01T00:00');
    const deadline = deadlineFor({ awareAt, role: 'controller' }); // 06-04T00:00
    const now = utc('2026-06-05T03:00'); // 27 h overdue: overdue-1 and -2 passed
    expect(summary(planReminders({ awareAt, deadline, now }))).toEqual(['catch-up@2026-06-05T03:00:00Z', 'overdue-3@2026-06-05T12:00:00Z']);
    const catchUp = planReminders({ awareAt, deadline, now })[0];
    expect(catchUp?.kind === 'catch_up' && catchUp.skippedKeys).toEqual([
      'countdown-48h', 'countdown-24h', 'countdown-12h', 'countdown-6h', 'countdown-3h', 'countdown-1h', 'deadline',
    ]);
  });

  it('keeps invariants: strictly increasing, unique keys, nothing before now, at most one catch-up (property)', () => {
    const scheduleArb = fc
      .record({
        countdownHours: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 8 }),
        atDeadline: fc.boolean(),
        overdueEveryHours: fc.integer({ min: 1, max: 48 }),
      })
      .map((s) => parseReminderSchedule({ ...s, countdownHours: [...s.countdownHours].sort((a, b) => b - a) }));
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.constantFrom('controller', 'processor' as const),
        fc.integer({ min: -60, max: 200 * 60 }), // minutes from awareness to planning
        scheduleArb,
        (awareMs, role, planAfterMin, schedule) => {
          const awareAt = DateTime.fromMillis(awareMs, { zone: 'utc' });
          const deadline = deadlineFor({ awareAt, role });
          const now = awareAt.plus({ minutes: planAfterMin });
          const plan = planReminders({ awareAt, deadline, schedule, now });
          const times = plan.map((r) => r.dueAt.toMillis());
          times.forEach((t, i) => i > 0 && expect(t).toBeGreaterThan(times[i - 1] ?? -Infinity));
          expect(new Set(plan.map((r) => r.key)).size).toBe(plan.length);
          expect(plan.every((r) => r.dueAt >= now)).toBe(true);
          expect(plan.filter((r) => r.kind === 'catch_up').length).toBeLessThanOrEqual(1);
          expect(plan.filter((r) => r.kind === 'overdue')).toHaveLength(1);
          for (const r of plan) {
            if (r.kind === 'catch_up') expect(r.dueAt.toMillis()).toBe(now.toMillis());
            if (r.kind === 'countdown') {
              expect(r.dueAt > awareAt).toBe(true);
              expect(deadline.toMillis() - r.dueAt.toMillis()).toBe(r.hoursBefore * 3_600_000);
            }
          }
          // No catch-up at declaration time, whatever the schedule.
          if (planAfterMin <= 0) expect(plan.some((r) => r.kind === 'catch_up')).toBe(false);
        },
      ),
    );
  });
});

describe('reminder schedule validation', () => {
  it('accepts the default and fills atDeadline', () => {
    expect(parseReminderSchedule(DEFAULT_REMINDER_SCHEDULE)).toEqual(DEFAULT_REMINDER_SCHEDULE);
    expect(parseReminderSchedule({ countdownHours: [], overdueEveryHours: 1 })).toEqual({ countdownHours: [], atDeadline: true, overdueEveryHours: 1 });
  });

  it.each([
    [{ countdownHours: [24, 48], overdueEveryHours: 12 }, 'sorted from largest to smallest'],
    [{ countdownHours: [24, 24, 1], overdueEveryHours: 12 }, 'unique'],
    [{ countdownHours: [24, 0], overdueEveryHours: 12 }, 'countdownHours'],
    [{ countdownHours: [24, -1], overdueEveryHours: 12 }, 'countdownHours'],
    [{ countdownHours: [24], overdueEveryHours: 0.5 }, 'overdueEveryHours'],
    [{ countdownHours: [24], overdueEveryHours: Number.POSITIVE_INFINITY }, 'overdueEveryHours'],
    [{ countdownHours: '48,24' }, 'countdownHours'],
  ])('rejects %j', (input, expected) => {
    const result = reminderScheduleSchema.safeParse(input);
    expect(result.success).toBe(false);
    const text = JSON.stringify(result.error?.issues);
    expect(text).toContain(expected);
  });
});

describe('overdue chain', () => {
  const deadline = utc('2026-10-26T08:00');

  it('gives the first overdue reminder strictly after a time, every 12 h from the deadline', () => {
    const at = (iso: string) => nextOverdueReminder({ deadline, after: utc(iso) });
    expect(at('2026-10-20T00:00')).toMatchObject({ key: 'overdue-1', index: 1, hoursOverdue: 12 });
    expect(at('2026-10-26T20:00').key).toBe('overdue-2');
    expect(at('2026-10-26T20:00').dueAt.toISO()).toBe('2026-10-27T08:00:00.000Z');
    expect(at('2026-10-27T07:59').key).toBe('overdue-2');
    expect(at('2026-11-05T09:00').key).toBe('overdue-21');
  });

  it('follows a configured cadence and a clock walking the chain', () => {
    const schedule = parseReminderSchedule({ countdownHours: [], overdueEveryHours: 5 });
    const clock = manualClock(deadline);
    const seen: string[] = [];
    let next = nextOverdueReminder({ deadline, schedule, after: clock.now() });
    for (let i = 0; i < 4; i++) {
      clock.set(next.dueAt);
      seen.push(`${next.key} +${next.hoursOverdue}h`);
      next = nextOverdueReminder({ deadline, schedule, after: clock.now() });
    }
    expect(seen).toEqual(['overdue-1 +5h', 'overdue-2 +10h', 'overdue-3 +15h', 'overdue-4 +20h']);
  });
});

describe('subject and phased reminders', () => {
  it('reminds daily from the decision, across DST', () => {
    const decidedAt = cph('2026-10-24T14:00');
    const first = nextSubjectReminder({ decidedAt, after: decidedAt });
    expect(first.key).toBe('subjects-1');
    expect(first.dueAt.setZone(CPH).toFormat('dd HH:mm')).toBe('25 13:00'); // 24 elapsed hours over the long night
    const third = nextSubjectReminder({ decidedAt, after: decidedAt.plus({ hours: 50 }) });
    expect(third).toMatchObject({ key: 'subjects-3', index: 3 });
    expect(third.dueAt.toMillis() - decidedAt.toMillis()).toBe(72 * 3_600_000);
  });

  it('follows up a phased notification every 24 h by default, or as configured', () => {
    const notifiedAt = utc('2026-06-03T10:00');
    expect(nextPhasedFollowUp({ notifiedAt, after: notifiedAt }).dueAt.toISO()).toBe('2026-06-04T10:00:00.000Z');
    const r = nextPhasedFollowUp({ notifiedAt, after: utc('2026-06-05T10:00'), everyHours: 48 });
    expect(r).toMatchObject({ key: 'phased-2', index: 2 });
    expect(() => nextPhasedFollowUp({ notifiedAt, after: notifiedAt, everyHours: 0 })).toThrow(RangeError);
  });
});

describe('collapseMissed', () => {
  const r = (key: string, iso: string) => ({ key, dueAt: utc(iso), extra: key.toUpperCase() });

  it('posts the latest missed reminder once, late, and skips the others', () => {
    const now = utc('2026-10-26T07:30');
    const result = collapseMissed([r('countdown-6h', '2026-10-26T02:00'), r('countdown-1h', '2026-10-26T07:00'), r('countdown-3h', '2026-10-26T05:00'), r('deadline', '2026-10-26T08:00')], now);
    expect(result?.post).toMatchObject({ key: 'countdown-1h', extra: 'COUNTDOWN-1H', late: true, lateByMinutes: 30 });
    expect(result?.skippedKeys).toEqual(['countdown-3h', 'countdown-6h']);
  });

  it('does not call a reminder late within the polling grace', () => {
    const result = collapseMissed([r('deadline', '2026-10-26T08:00')], utc('2026-10-26T08:00:20'));
    expect(result).toEqual({ post: { ...r('deadline', '2026-10-26T08:00'), late: false, lateByMinutes: 0 }, skippedKeys: [] });
  });

  it('returns null when nothing is due yet', () => {
    expect(collapseMissed([], utc('2026-10-26T08:00'))).toBeNull();
    expect(collapseMissed([r('deadline', '2026-10-26T08:00')], utc('2026-10-26T07:59'))).toBeNull();
  });

  it('always posts exactly one and skips the rest (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 20 }), (offsets) => {
        const now = utc('2026-10-26T08:00');
        const due = offsets.map((m) => ({ key: `k${m}`, dueAt: now.minus({ minutes: m }) }));
        const result = collapseMissed(due, now);
        expect(result?.post.key).toBe(`k${Math.min(...offsets)}`);
        expect(new Set([result?.post.key, ...(result?.skippedKeys ?? [])]).size).toBe(offsets.length);
      }),
    );
  });
});
