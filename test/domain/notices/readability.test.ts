/** LIX for Danish, Flesch Reading Ease for English; the data-subject notice warns past the thresholds. */

import { describe, expect, it } from 'vitest';
import {
  FLESCH_WARN_BELOW, LIX_WARN_ABOVE, countSyllables, draftSubjectNotice, fleschReadingEase, lix,
  measureReadability, draftAuthorityNotice,
} from '../../../src/domain/notices/index.js';
import { ransomwareCase, ransomwareNow } from './fixtures.js';

describe('LIX', () => {
  it('is words per sentence plus the percentage of words over six letters', () => {
    // 10 words, 2 sentences, no long words: 5 + 0.
    expect(lix('Det er en kort tekst. Den er let at læse.')).toBe(5);
    // 4 words, 1 sentence, 3 words over six letters (all but "nøje"): 4 + 75.
    expect(lix('Databeskyttelsesrådgiveren vurderer persondatasikkerheden nøje.')).toBe(4 + 75);
  });

  it('counts a line without a full stop (a heading or bullet) as a sentence, and ignores placeholders', () => {
    expect(lix('- Skift kode\n- Ring til os')).toBe(2.5);
    expect(lix('Det er kort. [MANGLER: databeskyttelsesrådgiverens telefonnummer]')).toBe(3);
  });
});

describe('Flesch Reading Ease', () => {
  it('counts syllables by vowel groups, without a silent final e', () => {
    expect(countSyllables('cat')).toBe(1);
    expect(countSyllables('cake')).toBe(1);
    expect(countSyllables('table')).toBe(2);
    expect(countSyllables('reading')).toBe(2);
    expect(countSyllables('personal')).toBe(3);
    expect(countSyllables('2026')).toBe(1);
  });

  it('is 206.835 − 1.015 × words/sentence − 84.6 × syllables/word', () => {
    // 6 words, 1 sentence, 6 syllables.
    expect(fleschReadingEase('The cat sat on the mat.')).toBeCloseTo(206.835 - 1.015 * 6 - 84.6, 1);
  });
});

describe('readability warnings', () => {
  const hardEnglish = 'Notwithstanding the aforementioned considerations, the organisation subsequently determined that unauthorised exfiltration of comprehensive personal information necessitated extraordinary precautionary interventions affecting numerous individuals simultaneously.';
  const hardDanish = 'Databeskyttelsesrådgiveren konstaterede efterfølgende, at uautoriseret videregivelse af omfattende personoplysninger nødvendiggjorde ekstraordinære forebyggende foranstaltninger vedrørende adskillige registrerede samtidigt.';

  it('warns in the language of the text past the thresholds notices.md gives', () => {
    expect(measureReadability(hardEnglish, 'en', true)).toMatchObject({ metric: 'Flesch', warning: expect.stringContaining(`below ${FLESCH_WARN_BELOW}`) });
    expect(measureReadability(hardDanish, 'da', true)).toMatchObject({ metric: 'LIX', warning: expect.stringContaining(`over ${LIX_WARN_ABOVE}`) });
    expect(measureReadability('We lost your name. We are sorry.', 'en', true).warning).toBeUndefined();
    expect(measureReadability('Vi har mistet dit navn. Det er vi kede af.', 'da', true).warning).toBeUndefined();
  });

  it('flags a data-subject notice whose recorded text is hard to read', () => {
    for (const [lang, text] of [['en', hardEnglish], ['da', hardDanish]] as const) {
      // The fixed text is plain, so it takes a good deal of hard recorded text to tip the whole notice.
      const facts = { ...ransomwareCase, subjectText: { ...ransomwareCase.subjectText, whatHappened: `${text} ${text} ${text}`, consequences: `${text} ${text}` } };
      const draft = draftSubjectNotice(facts, { lang, now: ransomwareNow });
      expect(draft.readability.warning, lang).toBeDefined();
      const plain = draftSubjectNotice(ransomwareCase, { lang, now: ransomwareNow });
      expect(plain.readability.warning, lang).toBeUndefined();
    }
  });

  it('measures but does not warn on the authority notice', () => {
    const facts = { ...ransomwareCase, description: hardEnglish };
    const draft = draftAuthorityNotice(facts, { lang: 'en', now: ransomwareNow });
    expect(draft.readability.metric).toBe('Flesch');
    expect(draft.readability.warning).toBeUndefined();
  });
});

describe('readability per language (issue 12)', () => {
  const danish = 'Vi har lukket adgangen til systemet. Du behøver ikke at gøre noget.';
  const english = 'The breaches have been stopped and the consequences have been mitigated by our team.';

  it('measures only text in the draft language: a quoted sentence in the other language is left out', () => {
    const alone = measureReadability(danish, 'da', true);
    const mixed = measureReadability(`${danish}\n${english}`, 'da', true);
    expect(mixed.score).toBe(alone.score);
    expect(mixed.otherLanguageSentences).toBe(1);
    expect(alone.otherLanguageSentences).toBe(0);
  });

  it('names the hardest sentences in the warning', () => {
    const hard = 'Databeskyttelsesrådgiverens gennemgribende undersøgelse konkluderede, at persondatasikkerhedsforanstaltningerne utvivlsomt var utilstrækkelige.';
    const r = measureReadability(`Det er kort. ${hard}`, 'da', true);
    expect(r.hardest[0]).toBe(hard);
    expect(r.warning).toContain('"Databeskyttelsesrådgiverens gennemgribende');
  });

  it('prints the seed case figures', async () => {
    const { seedCase, seedCaseDa, seedNow } = await import('./fixtures.js');
    for (const lang of ['en', 'da'] as const) {
      const subject = draftSubjectNotice(lang === 'da' ? seedCaseDa : seedCase, { lang, now: seedNow, variant: 'public' }).readability;
      const authority = draftAuthorityNotice(seedCase, { lang, now: seedNow }).readability;
      console.log(`seed case (${lang}): subject notice ${subject.metric} ${subject.score}, authority notice ${authority.metric} ${authority.score}; other-language sentences left out: ${subject.otherLanguageSentences} / ${authority.otherLanguageSentences}`);
      expect(subject.metric).toBe(lang === 'da' ? 'LIX' : 'Flesch');
    }
  });
});
