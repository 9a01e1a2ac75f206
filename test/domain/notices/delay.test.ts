/**
 * Art. 33(1): a notification made after the deadline must give the reasons for the delay. The
 * authority notice carries that section whenever the notification is, or will be, late.
 */

import { describe, expect, it } from 'vitest';
import { draftAuthorityNotice, type NoticeFacts } from '../../../src/domain/notices/index.js';
import { misSentEmailCase, sectionsById } from './fixtures.js';

const aware = '2026-02-02T13:15:00Z'; // deadline: 5 February 2026, 13:15 UTC
const base: NoticeFacts = { ...misSentEmailCase, awareAt: aware, deadline: null, delayReason: null, notification: { type: 'new', completeness: 'complete' } };

function sectionIds(facts: NoticeFacts, now: string): string[] {
  return draftAuthorityNotice(facts, { lang: 'en', now }).sections.map((s) => s.id);
}

describe('reasons for the delay', () => {
  it('is absent while the notification can still be on time', () => {
    expect(sectionIds(base, '2026-02-05T13:14:00Z')).not.toContain('delay');
  });

  it('appears right after the timeline once the deadline has passed, with a placeholder for the reason', () => {
    const draft = draftAuthorityNotice(base, { lang: 'en', now: '2026-02-05T13:16:00Z' });
    const ids = draft.sections.map((s) => s.id);
    expect(ids.indexOf('delay')).toBe(ids.indexOf('timeline') + 1);
    const body = sectionsById(draft).get('delay')?.body ?? '';
    expect(body).toContain('after the deadline of 5 February 2026, 14:15 CET');
    expect(body).toContain('**Reasons for the delay:** [MISSING: the reasons for the delay]');
    expect(draft.missing.map((m) => m.field)).toContain('delayReason');
  });

  it('carries the recorded reason, in Danish too, and then counts no gap for it', () => {
    const facts = { ...base, delayReason: 'The loss was found in a later audit.' };
    const draft = draftAuthorityNotice(facts, { lang: 'da', now: '2026-02-09T09:00:00Z' });
    expect(sectionsById(draft).get('delay')?.body).toContain('**Begrundelse for forsinkelsen:** The loss was found in a later audit.');
    expect(draft.missing.map((m) => m.field)).not.toContain('delayReason');
  });

  it('never shows the reason when the notification is on time, even if one was recorded', () => {
    const facts = { ...base, delayReason: 'SHOULD-NOT-APPEAR' };
    expect(draftAuthorityNotice(facts, { lang: 'en', now: '2026-02-03T09:00:00Z' }).markdown).not.toContain('SHOULD-NOT-APPEAR');
  });

  it('appears when the notification was submitted after the deadline', () => {
    const facts = { ...base, notification: { type: 'new' as const, completeness: 'complete' as const, submittedAt: '2026-02-06T10:00:00Z' } };
    expect(sectionIds(facts, '2026-02-06T11:00:00Z')).toContain('delay');
  });

  it('is absent when the notification was submitted on time and is redrafted later', () => {
    const facts = { ...base, notification: { type: 'new' as const, completeness: 'complete' as const, submittedAt: '2026-02-04T10:00:00Z' } };
    expect(sectionIds(facts, '2026-03-01T00:00:00Z')).not.toContain('delay');
  });

  it('is absent from a late follow-up to an on-time notification, present for a follow-up to a late one', () => {
    const followUp = (earlierSubmittedAt: string): NoticeFacts => ({
      ...base,
      notification: { type: 'follow_up', earlierReference: '2026-123-4567', earlierSubmittedAt, completeness: 'complete' },
    });
    expect(sectionIds(followUp('2026-02-04T10:00:00Z'), '2026-03-01T00:00:00Z')).not.toContain('delay');
    expect(sectionIds(followUp('2026-02-07T10:00:00Z'), '2026-03-01T00:00:00Z')).toContain('delay');
  });

  it('uses the recorded deadline in preference to awareness + 72 hours', () => {
    const facts = { ...base, deadline: '2026-02-03T00:00:00Z' };
    const draft = draftAuthorityNotice(facts, { lang: 'en', now: '2026-02-04T00:00:00Z' });
    expect(sectionsById(draft).get('delay')?.body).toContain('3 February 2026, 01:00 CET');
  });

  it('formats the deadline in the zone asked for', () => {
    const draft = draftAuthorityNotice(base, { lang: 'en', now: '2026-02-06T00:00:00Z', zone: 'UTC' });
    expect(sectionsById(draft).get('delay')?.body).toContain('5 February 2026, 13:15 UTC');
  });

  it('rejects an unknown zone or an unreadable drafting time rather than print wrong times', () => {
    expect(() => draftAuthorityNotice(base, { lang: 'en', now: '2026-02-06T00:00:00Z', zone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => draftAuthorityNotice(base, { lang: 'en', now: 'yesterday' })).toThrow(RangeError);
  });
});
