import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { describeEvent, happenedAt } from '../../../src/domain/timeline/describe.js';
import { validateTimelineEntry } from '../../../src/domain/timeline/entry.js';

const now = DateTime.fromISO('2026-10-23T08:00:00Z', { zone: 'utc' });
const s = (dt: DateTime) => Math.floor(dt.toSeconds());

describe('a timeline entry', () => {
  it('needs what happened and when, not in the future', () => {
    expect(validateTimelineEntry({ what: ' ', occurredAt: null }, now)).toEqual({
      ok: false,
      errors: { what: 'Say what happened', occurredAt: 'Say when it happened' },
    });
    expect(validateTimelineEntry({ what: 'x', occurredAt: s(now.plus({ hours: 1 })) }, now)).toEqual({
      ok: false,
      errors: { occurredAt: 'When it happened cannot be in the future' },
    });
    const ok = validateTimelineEntry({ what: '  Recipient deleted the mail  ', occurredAt: s(now.minus({ days: 2 })) }, now);
    expect(ok).toEqual({ ok: true, value: { text: 'Recipient deleted the mail', occurredAt: now.minus({ days: 2 }) } });
  });

  it('a minute of clock skew is not "the future"', () => {
    expect(validateTimelineEntry({ what: 'x', occurredAt: s(now.plus({ minutes: 1 })) }, now).ok).toBe(true);
  });
});

describe('events in plain words', () => {
  it('describes what the flows record, and anything newer by its type', () => {
    expect(describeEvent({ type: 'breach_declared', data: { title: 'Laptop stolen' } })).toBe('Breach declared: "Laptop stolen"');
    expect(describeEvent({ type: 'decision_overridden', data: { version: 2, justification: 'Test data only.', after: { decision: { notifyAuthority: false, communicateToSubjects: 'no' } } } })).toBe(
      'Assessment v2 overridden: no notification to Datatilsynet needed; no need to tell the people affected. Justification: "Test data only."',
    );
    expect(describeEvent({ type: 'reminders_cancelled', data: { stream: 'authority_countdown', reason: 'closed' } })).toBe('Reminders stopped: the countdown to notify (closed)');
    expect(describeEvent({ type: 'timeline_entry', data: { text: 'Called the police' } })).toBe('Timeline entry: "Called the police"');
    expect(describeEvent({ type: 'notification_recorded', data: { target: 'authority', method: 'online_form', completeness: 'initial', reference: '2026-431', late: true } })).toBe(
      'Notification to Datatilsynet recorded: online form, initial, reference 2026-431 (after the deadline)',
    );
    expect(describeEvent({ type: 'facts_updated', data: { changed: ['actualConsequences', 'measuresTaken'] } })).toBe('Facts updated: actual consequences, measures taken');
    expect(describeEvent({ type: 'some_future_event', data: {} })).toBe('Some future event');
    expect(describeEvent({ type: 'breach_closed', data: null })).toBe('Breach closed. Closing note: (none given)');
  });

  it('a timeline entry happened when the person said; everything else when recorded', () => {
    const at = new Date('2026-10-23T08:00:00Z');
    expect(happenedAt({ type: 'timeline_entry', data: { occurredAt: '2026-10-20T10:00:00.000Z' }, at })).toEqual(new Date('2026-10-20T10:00:00Z'));
    expect(happenedAt({ type: 'timeline_entry', data: { occurredAt: 'garbage' }, at })).toEqual(at);
    expect(happenedAt({ type: 'breach_declared', data: { occurredAt: '2026-10-20T10:00:00.000Z' }, at })).toEqual(at);
  });
});
