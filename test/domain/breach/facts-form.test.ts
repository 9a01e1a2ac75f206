import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  checkFactsForm as check, formatCountryCounts, keepHiddenLanguages, parseCountryCounts, parseList, type FactsFormContext, type FactsFormInput,
} from '../../../src/domain/breach/facts-form.js';
import { readRecordedFacts } from '../../../src/domain/breach/recorded-facts.js';

const empty: FactsFormInput = {
  title: {}, description: {}, discovery: {},
  subjectWhatHappened: {}, subjectNotAffected: {}, subjectCause: {}, subjectConsequences: {}, subjectMeasures: {},
  subjectNoActionReason: {}, publicNoticeReason: {}, subjectApology: {},
  subjectsDescription: {}, subjectsCount: null, dataDescription: {}, recordsCount: null, approximate: [], exposureWho: {},
  actualConsequences: {}, likelyConsequences: {}, causeOrigin: 'unknown', causeMalicious: 'unknown', causeDescription: {},
  measuresBefore: {}, measuresTaken: {}, measuresProposed: {}, mitigation: {}, subjectSteps: {}, controller: null,
  processors: null, policeInformed: 'unknown', policeReference: null, otherAuthorities: null, crossBorder: 'unknown',
  crossBorderCountries: null, delayReason: {}, supplementExpectedBy: null, incidentCategory: null, dataUnintelligible: 'unknown',
  detectedAt: null, endedAt: null, reporterName: null, reporterFunction: null, sector: null,
};

const now = DateTime.fromISO('2026-10-23T12:00:00Z', { zone: 'utc' });
const started = DateTime.fromISO('2026-10-20T06:00:00Z', { zone: 'utc' });
const declared: FactsFormContext = { startedAt: started, now, writing: 'en' };
const checkFactsForm = (input: FactsFormInput, context: FactsFormContext = declared) => check(input, context);
const seconds = (iso: string) => DateTime.fromISO(iso).toSeconds();

describe('the Update facts form', () => {
  it('records nothing for empty fields and "not known yet"', () => {
    expect(checkFactsForm(empty)).toEqual({ ok: true, value: {} });
  });

  it('reads counts, lists (with "none" as an answer) and yes/no', () => {
    const r = checkFactsForm({
      ...empty, subjectsCount: '1.200', approximate: ['subjects', 'records'], measuresTaken: { en: '- Reset passwords\n• Told the bank\n\n' }, measuresBefore: { en: 'none' },
      policeInformed: 'yes', policeReference: 'KBH-1', causeOrigin: 'external', causeMalicious: 'no',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        subjectsCount: 1200, subjectsApproximate: true, measuresTaken: { en: ['Reset passwords', 'Told the bank'] }, measuresBefore: { en: [] },
        policeInformed: true, policeReference: 'KBH-1', causeOrigin: 'external', causeMalicious: false,
      },
    });
    expect(parseList('  ')).toBeNull();
  });

  it('shows errors at the field', () => {
    const r = checkFactsForm({ ...empty, recordsCount: 'about 40', policeReference: 'KBH-1', crossBorderCountries: 'Sweden' });
    expect(r).toMatchObject({ ok: false, errors: { recordsCount: expect.any(String), policeReference: expect.any(String), crossBorderCountries: expect.any(String) } });
  });

  it('drops stored values that do not fit, rather than trust them', () => {
    expect(readRecordedFacts({ subjectsCount: -3, delayReason: 'Weekend', measuresTaken: 'not a list' }, 'en')).toEqual({ delayReason: { en: 'Weekend' } });
  });
});

describe('the Update facts form: each text in its language (issue 12)', () => {
  const english = 'The criminal group behind the attack copied the customer list from the web shop.';
  const danish = 'Den kriminelle gruppe bag angrebet har kopieret kundelisten fra webshoppen.';

  it('keeps each language box apart, and an empty translation is allowed (it stays a gap in the drafts)', () => {
    const r = checkFactsForm({ ...empty, exposureWho: { en: english, da: '' }, measuresTaken: { en: 'Closed the account', da: 'Lukkede kontoen' } });
    expect(r).toEqual({ ok: true, value: { exposureWho: { en: english }, measuresTaken: { en: ['Closed the account'], da: ['Lukkede kontoen'] } } });
  });

  it('flags text typed in the wrong language at its box, and keeps what was typed', () => {
    const r = checkFactsForm({ ...empty, exposureWho: { en: english, da: english }, causeDescription: { da: danish, en: danish } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual({
      exposureWho_da: 'This reads as English, but this box is for the Danish text. Move it to the English box, or write it in Danish.',
      causeDescription_en: 'This reads as Danish, but this box is for the English text. Move it to the Danish box, or write it in English.',
    });
  });

  it('does not flag names and short texts, where detection guesses', () => {
    const r = checkFactsForm({ ...empty, exposureWho: { en: 'Acme Retail A/S', da: 'Acme Retail A/S' }, measuresTaken: { da: 'Microsoft 365' } });
    expect(r.ok).toBe(true);
  });

  it('flags a translation far shorter than the text in the writing language', () => {
    const r = checkFactsForm({ ...empty, likelyConsequences: { en: english, da: 'Svindel.' } });
    expect(!r.ok && r.errors['likelyConsequences_da']).toMatch(/^This is much shorter than the English text \(8 against \d+ characters\)/);
  });

  it('keeps a text stored in a language the form does not show, and reads an old plain text as the writing language', () => {
    const before = readRecordedFacts({ exposureWho: { da: danish, en: 'old' }, delayReason: 'Weekend' }, 'da');
    expect(before.delayReason).toEqual({ da: 'Weekend' });
    expect(keepHiddenLanguages(before, { exposureWho: { en: english } }, ['en'])).toEqual({ exposureWho: { da: danish, en: english }, delayReason: { da: 'Weekend' } });
  });
});

describe('the Update facts form: the EDPB template items (issue 11)', () => {
  it('records the kind of incident, encryption, the times, the reporter and the sector', () => {
    const r = checkFactsForm({
      ...empty, incidentCategory: 'phishing', dataUnintelligible: 'no', detectedAt: seconds('2026-10-21T09:30:00Z'),
      endedAt: seconds('2026-10-22T17:00:00Z'), reporterName: ' Lars Leth ', reporterFunction: 'IT security officer', sector: 'Health care',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        incidentCategory: 'phishing', dataUnintelligible: false, detectedAt: '2026-10-21T09:30:00.000Z', endedAt: '2026-10-22T17:00:00.000Z',
        reporterName: 'Lars Leth', reporterFunction: 'IT security officer', sector: 'Health care',
      },
    });
    // What is stored reads back as the same facts.
    expect(readRecordedFacts(r.ok ? JSON.parse(JSON.stringify(r.value)) : {}, 'en')).toEqual(r.ok && r.value);
  });

  it('says at the field when the times cannot be right', () => {
    const r = checkFactsForm({
      ...empty, detectedAt: seconds('2026-10-19T09:00:00Z'), endedAt: seconds('2026-10-18T09:00:00Z'),
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        detectedAt: 'It cannot have been detected before it started (it started 20 Oct 2026 06:00 UTC).',
        endedAt: 'It cannot have ended before it started (it started 20 Oct 2026 06:00 UTC).',
      },
    });
    const future = checkFactsForm({ ...empty, detectedAt: seconds('2026-10-24T09:00:00Z'), endedAt: seconds('2026-10-24T09:00:00Z') });
    expect(future).toMatchObject({ ok: false, errors: { detectedAt: expect.stringContaining('future'), endedAt: expect.stringContaining('future') } });
  });

  it('accepts detection after awareness, and any order when the start is not known', () => {
    expect(checkFactsForm({ ...empty, detectedAt: seconds('2026-10-23T11:00:00Z') }).ok).toBe(true);
    expect(checkFactsForm({ ...empty, endedAt: seconds('2026-01-01T00:00:00Z') }, { startedAt: null, now, writing: 'en' }).ok).toBe(true);
  });

  it('refuses a kind of incident that is not on the list', () => {
    expect(checkFactsForm({ ...empty, incidentCategory: 'aliens' })).toMatchObject({ ok: false, errors: { incidentCategory: expect.stringContaining('listed') } });
  });

  it('reads the countries of a cross-border breach with the number of people in each', () => {
    const r = checkFactsForm({ ...empty, crossBorder: 'yes', crossBorderCountries: 'Germany: 120\nSE 40\nNorge - ca. 1.200\nPolen: unknown' });
    expect(r).toEqual({
      ok: true,
      value: {
        crossBorder: true,
        crossBorderCountries: [
          { country: 'DE', count: 120 }, { country: 'SE', count: 40 }, { country: 'NO', count: 1200 }, { country: 'PL', count: null },
        ],
      },
    });
    expect(formatCountryCounts(r.ok ? r.value.crossBorderCountries : [])).toBe('Germany: 120\nSweden: 40\nNorway: 1200\nPoland: unknown');
  });

  it.each([
    ['Germny: 120', /"Germny" is not an EU\/EEA country/],
    ['USA: 5', /"USA" is not an EU\/EEA country/],
    ['Germany', /number of people in Germany/],
    ['Germany: lots', /"Germany: lots" is not an EU\/EEA country|number of people in Germany/],
    ['Germany: 12.5.6x', /./],
    ['Germany: 10\nDE: 3', /Germany is listed twice/],
  ])('says what is wrong with the country list %j', (typed, message) => {
    const r = parseCountryCounts(typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
    expect(checkFactsForm({ ...empty, crossBorder: 'yes', crossBorderCountries: typed })).toMatchObject({ ok: false, errors: { crossBorderCountries: expect.any(String) } });
  });

  it('reads countries stored as names before the counts, as countries whose count is not known', () => {
    expect(readRecordedFacts({ crossBorderCountries: ['Sweden'] }, 'en')).toEqual({ crossBorderCountries: [{ country: 'Sweden', count: null }] });
  });
});
