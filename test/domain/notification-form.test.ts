import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkCommunication, checkNotification, checkRestriction } from '../../src/domain/notification-form.js';

const now = DateTime.fromISO('2026-10-26T12:00:00Z', { zone: 'utc' });
const ctx = { now, awareAt: DateTime.fromISO('2026-10-23T08:00:00Z', { zone: 'utc' }), zone: 'Europe/Copenhagen', earlier: [] };
const s = (iso: string) => DateTime.fromISO(iso).toSeconds();

describe('recording a notification', () => {
  const input = { submittedAt: s('2026-10-26T11:00:00Z'), method: 'online_form', reference: ' 2026-431 ', completeness: 'initial', notes: '' };

  it('accepts a submission between awareness and now', () => {
    const r = checkNotification(input, ctx);
    expect(r).toMatchObject({ ok: true, value: { method: 'online_form', reference: '2026-431', completeness: 'initial', notes: null } });
  });

  it('refuses the future, before awareness, and a supplement without an earlier notification', () => {
    expect(checkNotification({ ...input, submittedAt: s('2026-10-26T13:00:00Z') }, ctx)).toMatchObject({ ok: false, errors: { submittedAt: expect.stringContaining('future') } });
    expect(checkNotification({ ...input, submittedAt: s('2026-10-22T13:00:00Z') }, ctx)).toMatchObject({ ok: false, errors: { submittedAt: expect.stringContaining('before we became aware') } });
    expect(checkNotification({ ...input, completeness: 'supplement' }, ctx)).toMatchObject({ ok: false, errors: { completeness: expect.stringContaining('No earlier notification') } });
    const earlier = [{ completeness: 'initial', submittedAt: new Date('2026-10-26T11:30:00Z') }];
    expect(checkNotification({ ...input, completeness: 'supplement' }, { ...ctx, earlier })).toMatchObject({ ok: false, errors: { submittedAt: expect.stringContaining('comes after') } });
    expect(checkNotification({ ...input, method: 'other' }, ctx)).toMatchObject({ ok: false, errors: { notes: 'Say how it was submitted.' } });
  });
});

describe('recording the communication and a restriction', () => {
  it('a direct communication needs the number of people; a public one does not', () => {
    const base = { submittedAt: s('2026-10-26T11:00:00Z'), count: null, notes: null };
    expect(checkCommunication({ ...base, channel: 'email' }, ctx)).toMatchObject({ ok: false, errors: { count: expect.any(String) } });
    expect(checkCommunication({ ...base, channel: 'website' }, ctx)).toMatchObject({ ok: true, value: { method: 'website', isPublic: true, count: null } });
    expect(checkCommunication({ ...base, channel: 'sms', count: '1,200' }, ctx)).toMatchObject({ ok: true, value: { isPublic: false, count: 1200 } });
  });

  it('a § 22 restriction needs a real justification', () => {
    expect(checkRestriction({ justification: 'police' })).toMatchObject({ ok: false });
    expect(checkRestriction({ justification: '  The police asked us not to tell them yet.  ' })).toEqual({ ok: true, value: { justification: 'The police asked us not to tell them yet.' } });
  });
});
