/**
 * What every regime's drafts share: the profile says which stages have one (so the caller never
 * names a regime), the registry refuses a profile whose drafts could not be built in one of its
 * languages, and the due line follows the stage's clock.
 */

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_REGIMES, clocksFor, createRegistry, draftStage, draftStages, GDPR_DK, NIS2_DK, UK_GDPR,
} from '../../../src/domain/regimes/index.js';

const awareAt = DateTime.fromISO('2026-03-10T08:00:00Z', { zone: 'utc' });
const facts = { awareAt: awareAt.toISO()! };

describe('regime drafts', () => {
  it('are listed by the profile, in stage order: the caller asks each regime which stages have a draft', () => {
    expect(Object.fromEntries(BUILT_IN_REGIMES.map((r) => [r.id, draftStages(r)]))).toEqual({
      // The notices to Datatilsynet and to the people affected are drafted by src/domain/notices.
      'gdpr-dk': [],
      'nis2-dk': ['early_warning', 'incident_notification', 'final_report'],
      'uk-gdpr': ['authority_notification'],
    });
    expect(draftStage(GDPR_DK, 'authority_notification', { lang: 'da', facts, clocks: [] })).toBeNull();
  });

  it('are built in every language of the regime’s authority', () => {
    for (const regime of BUILT_IN_REGIMES) {
      for (const stage of draftStages(regime)) {
        for (const lang of regime.languages) {
          expect(draftStage(regime, stage, { lang, facts, clocks: [] })?.lang, `${regime.id} ${stage} ${lang}`).toBe(lang);
        }
      }
    }
  });

  it('are refused at registration when a draft names an unknown stage or the unconfirmed points are not in each language', () => {
    const { unconfirmedIn: _dropped, ...untranslated } = NIS2_DK;
    expect(() => createRegistry([untranslated])).toThrow(/nis2-dk: its drafts are in da, but unconfirmedIn\.da does not give each of the 5 unconfirmed points/);
    const typo = { ...UK_GDPR, drafts: { ...UK_GDPR.drafts, authority_notificaton: UK_GDPR.drafts!['authority_notification']! } };
    expect(() => createRegistry([typo])).toThrow(/uk-gdpr: a draft is given for unknown stage "authority_notificaton"/);
  });

  it('give the due time as the clock has it, or say that it is not counted or does not apply', () => {
    const due = (clocks: ReturnType<typeof clocksFor>) => draftStage(UK_GDPR, 'authority_notification', { lang: 'en', facts, clocks })!.header;
    expect(due([])).toContain('**Due:** Not counted for this incident.');
    const decidedNoRisk = clocksFor({ regimes: [UK_GDPR], awareAt, role: 'controller', conditions: { risk: false }, now: awareAt });
    expect(due(decidedNoRisk)).toContain('**Due:** According to the clocks, this stage does not apply to this incident.');
    // A processor has no duty to report to the ICO itself (Art. 33(2)): its clock says not applicable.
    const processor = clocksFor({ regimes: [UK_GDPR], awareAt, role: 'processor', now: awareAt });
    expect(due(processor)).toContain('does not apply');
  });
});
