import { describe, expect, it } from 'vitest';
import { buildDraftSet, draftKinds, factsHash, notificationWaived } from '../../../src/domain/notices/draft-set.js';
import type { NoticeFacts } from '../../../src/domain/notices/index.js';
import { decided, misSentAnswers, misSentEmailCase } from './fixtures.js';

/*
 * Issue 17: no notice to Datatilsynet once the recorded decision is that none is needed, unless it is
 * asked for; then it says so at its top, in the draft's language, so nobody files it by mistake.
 */

const opts = { now: '2026-02-03T08:00:00Z', zone: 'Europe/Copenhagen' };
const notYetSent = { notification: { type: 'new' as const }, communication: null };
const waived: NoticeFacts = {
  ...misSentEmailCase, ...notYetSent,
  ...decided(misSentAnswers, { kind: 'overridden', notifyAuthority: false, communicateToSubjects: 'no', justification: 'The recipient is our own accountant.' }),
};
const waivedButTell: NoticeFacts = {
  ...waived,
  ...decided(misSentAnswers, { kind: 'overridden', notifyAuthority: false, communicateToSubjects: 'individual', justification: 'We tell the customers as a courtesy.' }),
  communication: { status: 'planned', at: null, channels: null, isPublic: false },
};
const toNotify: NoticeFacts = { ...misSentEmailCase, ...notYetSent };
const both = { en: waived, da: { ...waived } };

describe('the drafts a round holds', () => {
  it('a decision to notify, or none yet: the notice to Datatilsynet', () => {
    expect(notificationWaived(toNotify)).toBe(false);
    expect(draftKinds(toNotify)).toEqual(['authority']);
    expect(draftKinds({ ...toNotify, decision: null })).toEqual(['authority']);
  });

  it('"not required": no notice to Datatilsynet; the notice to the people when they must be told', () => {
    expect(notificationWaived(waived)).toBe(true);
    expect(draftKinds(waived)).toEqual([]);
    expect(buildDraftSet(both, opts)).toEqual([]);
    expect(draftKinds(waivedButTell)).toEqual(['subject']);
  });

  it('a processor tells the controller whatever the decision', () => {
    const processor = { ...waived, role: 'processor' as const };
    expect(notificationWaived(processor)).toBe(false);
    expect(draftKinds(processor)).toEqual(['processor']);
  });

  it('asked for after "not required": the notice to Datatilsynet, labelled at its top in its language', () => {
    const drafts = buildDraftSet(both, opts, 'authority_on_request');
    expect(drafts.map((d) => `${d.kind}/${d.lang}`)).toEqual(['authority/en', 'authority/da']);
    const [en, da] = drafts;
    expect(en!.markdown.split('\n\n').slice(0, 2)).toEqual([
      '# Notification of a personal data breach to Datatilsynet',
      '**Drafted on request: the recorded decision is that Datatilsynet need not be notified**',
    ]);
    expect(da!.markdown.split('\n\n')[1]).toBe('**Udkast på anmodning: den registrerede beslutning er, at Datatilsynet ikke skal underrettes**');
    expect(da!.markdown).not.toContain('Drafted on request');
    // Not labelled when the notice is needed; and a requested draft is not the same text as a needed one.
    const needed = buildDraftSet({ en: toNotify }, opts);
    expect(needed[0]!.markdown).not.toMatch(/on request|på anmodning/i);
    expect(factsHash(both, opts, 'authority_on_request')).not.toBe(factsHash(both, opts));
  });
});
