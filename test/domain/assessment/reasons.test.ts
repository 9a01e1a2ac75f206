/**
 * Every reason the engine gives has a code and a Danish sentence (issue 12): a Danish notice to
 * Datatilsynet states the findings in Danish, so a rule whose reason has no Danish sentence would put
 * English into it. The checks run over what the engine actually says, for many answers, not over a
 * list kept by hand: a new rule whose reason is a plain English string, or a new code nobody wrote
 * Danish for, fails here with a message saying what to do.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REASON_CODES, assess, explainAssessment, type AssessmentAnswers, type Reason,
} from '../../../src/domain/assessment/index.js';
import { reasonText } from '../../../src/domain/assessment/reason.js';
import { spellCheckers } from '../../support/spelling.js';
import { validAnswers } from './arbitraries.js';
import { answers } from './fixtures.js';

/** Answers the arbitrary rarely or never draws, for the reasons they give. */
const RARE: AssessmentAnswers[] = [
  answers({ protection: 'intact' }),
  // A private person says they deleted the e-mail.
  answers({ recipients: 'known', recipientDeletedOrReturned: true }),
  // Little data, taken deliberately by unknown people: the floors, not the ENISA score, decide.
  answers({ malicious: true, recipients: 'unknown', identifiability: 'limited' }),
  answers({ recipients: 'unknown', disclosure: null, identifiability: 'limited' }),
  answers({ recipients: 'public', identifiability: 'limited' }),
  answers({ recipients: 'public', disclosure: 'unlikely', identifiability: 'limited' }),
  answers({ dataTypes: ['income'], subjectsCount: 40, subjectGroups: ['employees'], identifiability: 'limited' }),
  answers({ dataTypes: ['national_id'], subjectsCount: 1, subjectGroups: ['children'] }),
];

const SAMPLE: AssessmentAnswers[] = [...fc.sample(validAnswers, { numRuns: 3000, seed: 12 }), ...RARE];
const EXPLAINED: Array<{ answers: AssessmentAnswers; reasons: Reason[] }> = SAMPLE.map((a) => ({ answers: a, reasons: explainAssessment(a) }));
const ALL: Reason[] = EXPLAINED.flatMap((e) => e.reasons);

/** A reason with a known code and both sentences; the first test names any other. */
function coded(r: Reason): boolean {
  const o = r as Partial<Reason> | string;
  return typeof o === 'object' && REASON_CODES.includes(o.code as never) &&
    typeof o.text?.da === 'string' && o.text.da.trim() !== '' && typeof o.text.en === 'string' && o.text.en.trim() !== '';
}
const CODED: Reason[] = ALL.filter(coded);

const HOW_TO =
  'Write each reason in src/domain/assessment/reasons.ts as reason(code, { en, da }), with its code in ' +
  'REASON_CODES (src/domain/assessment/reason.ts) and its Danish sentence beside the English one.';

/** The numbers a sentence cites (counts, scores, articles, guidance), with 1,200 / 1.200 and 2.25 / 2,25 read alike. */
const numbers = (s: string): string[] => (s.replace(/(\d)[.,](?=\d)/g, '$1').match(/\d+/g) ?? []).sort();

describe('every reason of the assessment has a Danish sentence', () => {
  it('every reason the engine gives has a known code and a sentence in Danish and in English', () => {
    const bad = ALL.filter((r) => !coded(r));
    expect(bad.slice(0, 5), `Reasons without a code or a Danish sentence. ${HOW_TO}`).toEqual([]);
  });

  it("the English sentences are exactly what assess() returns and stores, in its order", () => {
    for (const { answers: a, reasons } of EXPLAINED.slice(0, 500)) expect(reasons.map((r) => reasonText(r, 'en'))).toEqual(assess(a).reasons);
  });

  it('every code is given for some answers, so its Danish sentence is checked below', () => {
    const given = new Set(CODED.map((r) => r.code));
    const never = REASON_CODES.filter((code) => !given.has(code));
    expect(never, 'No sampled answers give these codes: add answers that do to RARE in this file').toEqual([]);
  });

  it('every Danish sentence is Danish: each word is in the Danish dictionary or on the list of terms', () => {
    const spell = spellCheckers();
    const unknown = new Map<string, string>();
    for (const r of CODED) for (const w of spell.da.unknown(r.text.da)) if (!unknown.has(w)) unknown.set(w, `${r.code}: ${r.text.da}`);
    expect(Object.fromEntries(unknown), `Words that are not Danish (English left in a Danish sentence?). ${HOW_TO}`).toEqual({});
  });

  it('the Danish sentence says what the English one says: not the English copied, and the same numbers and references', () => {
    for (const r of CODED) {
      expect(r.text.da, r.code).not.toBe(r.text.en);
      expect(numbers(r.text.da), `${r.code}:\n${r.text.en}\n${r.text.da}`).toEqual(numbers(r.text.en));
      // Danish numbers: 1.200 and 2,25, never 1,200 or 2.25.
      expect(r.text.da, r.code).not.toMatch(/\d,\d{3}\b|\d\.\d{1,2}\b(?!\/)/);
    }
  });

  it('in Danish, the Regulation and the guidance are cited the Danish way (notices.md §3)', () => {
    for (const r of CODED) expect(r.text.da, r.code).not.toMatch(/\bArt\. \d|\d\(\d\)|GDPR|Recital|Annex|Guidelines/);
  });

  it('a reason that is only an English string is refused with a message saying where to write its Danish', () => {
    const stray = 'The data were on a lost laptop.' as unknown as Reason;
    // assess() turns every reason into its English sentence this way, so such a rule fails every assessment.
    expect(() => reasonText(stray, 'en')).toThrow(/plain string, with no code and no Danish sentence: "The data were on a lost laptop\."\. Write it in src\/domain\/assessment\/reasons\.ts/);
    const untranslated = { code: 'brief_loss', text: { en: 'Restored within the hour.' } } as unknown as Reason;
    expect(() => reasonText(untranslated, 'da')).toThrow(/has no Danish sentence: .*Restored within the hour/);
  });
});
