/** The processor's notice to the controller (Art. 33(2)): same headings, no risk decision. */

import { describe, expect, it } from 'vitest';
import { draftProcessorNotice, type NoticeFacts } from '../../../src/domain/notices/index.js';
import { ransomwareCase, ransomwareNow, sectionsById } from './fixtures.js';

const asProcessor: NoticeFacts = {
  ...ransomwareCase,
  role: 'processor',
  otherParties: [{ name: 'Region Testland', role: 'controller', contact: 'dpo@region.example' }],
  deadline: '2026-03-15T08:30:00Z', // the contract's 24 hours, as the clock recorded it
};

describe('processor notice', () => {
  describe.each(['en', 'da'] as const)('in %s', (lang) => {
    const draft = draftProcessorNotice(asProcessor, { lang, now: ransomwareNow });
    const byId = sectionsById(draft);

    it('uses the authority notice headings minus the decisions, and ends with the controller deciding', () => {
      expect(draft.sections.map((s) => s.id)).toEqual([
        'about', 'processor_contacts', 'timeline', 'delay', 'nature', 'subjects_and_data',
        'measures_before', 'consequences', 'measures_taken', 'controller_decides',
      ]);
      expect(draft.kind).toBe('processor');
      expect(draft.header).toContain(lang === 'en' ? '**To:** Region Testland (dpo@region.example)' : '**Til:** Region Testland (dpo@region.example)');
      expect(byId.get('about')?.body).toContain(lang === 'en' ? 'We, Klinik Nord ApS, process personal data on your behalf' : 'Vi, Klinik Nord ApS, behandler personoplysninger på jeres vegne');
      expect(byId.get('controller_decides')?.body).toContain(lang === 'en' ? 'makes no risk decision for you' : 'vi træffer ingen afgørelse om risikoen på jeres vegne');
    });

    it("tells the controller that its own 72 hours run from when it becomes aware, in the Regulation's words", () => {
      const body = byId.get('controller_decides')?.body ?? '';
      expect(body).toContain(lang === 'en'
        ? 'your own deadline runs from when you become aware of the breach, which is at the latest when you receive this notice: without undue delay and, where feasible, not later than 72 hours after becoming aware (Art. 33(1) GDPR)'
        : 'løber jeres egen frist fra det tidspunkt, hvor I bliver bekendt med bruddet, og dermed senest fra det tidspunkt, hvor I modtager denne meddelelse: uden unødig forsinkelse og om muligt senest 72 timer, efter at I er blevet bekendt med bruddet');
      // Its own duty is Art. 33(2); the controller's deadline is not the processor's.
      expect(byId.get('about')?.body).toContain(lang === 'en' ? 'Art. 33(2) GDPR' : 'art. 33, stk. 2');
      expect(byId.get('timeline')?.body).not.toMatch(/33\(1\)|stk\. 1/);
    });

    it('makes no risk decision, even when an assessment is recorded', () => {
      expect(draft.markdown).not.toContain('ENISA');
      expect(draft.markdown).not.toContain(ransomwareCase.assessment!.reasons[0]![lang]);
      expect(draft.markdown).not.toMatch(lang === 'en' ? /risk assessment|likely to result in/ : /risikovurdering|indebærer sandsynligvis/);
      expect(draft.markdown).not.toMatch(/communication|underretning af de registrerede/i);
    });

    it('gives the contract deadline and a delay section when it has passed', () => {
      expect(byId.get('timeline')?.body).toContain(lang === 'en' ? 'Deadline for telling the controller (our agreement):** 15 March 2026, 09:30 CET' : '15. marts 2026 kl. 09.30 dansk tid');
      expect(byId.get('delay')?.body).toContain(lang === 'en' ? '[MISSING: the reasons for the delay]' : '[MANGLER: begrundelse for forsinkelsen]');
      expect(draft.missing.map((m) => m.field)).toEqual(['delayReason']);
    });
  });

  it('asks which controller to notify when none is recorded, and derives no deadline for a processor', () => {
    const draft = draftProcessorNotice({ ...asProcessor, otherParties: [], deadline: null }, { lang: 'en', now: ransomwareNow });
    expect(draft.header).toContain('[MISSING: the controller this notice goes to]');
    expect(draft.sections.map((s) => s.id)).not.toContain('delay');
    expect(draft.missing.map((m) => m.field)).toEqual(['otherParties.controller']);
  });
});
