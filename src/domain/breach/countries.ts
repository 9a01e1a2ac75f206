import type { Language } from '../language.js';
/**
 * The EU/EEA countries a cross-border breach can reach (GDPR Art. 4(23), Art. 56; the EEA
 * Agreement adds Iceland, Liechtenstein and Norway), with their ISO 3166-1 alpha-2 codes and
 * names in English and Danish. The facts form accepts a code or either name; the store keeps the
 * code, and each draft prints the name in its own language.
 */

export interface Country {
  code: string;
  en: string;
  da: string;
  /** Other spellings people type (without diacritics, older names). */
  aliases?: readonly string[];
}

export const EEA_COUNTRIES: readonly Country[] = [
  { code: 'AT', en: 'Austria', da: 'Østrig', aliases: ['Oestrig', 'Ostrig'] },
  { code: 'BE', en: 'Belgium', da: 'Belgien' },
  { code: 'BG', en: 'Bulgaria', da: 'Bulgarien' },
  { code: 'HR', en: 'Croatia', da: 'Kroatien' },
  { code: 'CY', en: 'Cyprus', da: 'Cypern' },
  { code: 'CZ', en: 'Czechia', da: 'Tjekkiet', aliases: ['Czech Republic'] },
  { code: 'DK', en: 'Denmark', da: 'Danmark' },
  { code: 'EE', en: 'Estonia', da: 'Estland' },
  { code: 'FI', en: 'Finland', da: 'Finland' },
  { code: 'FR', en: 'France', da: 'Frankrig' },
  { code: 'DE', en: 'Germany', da: 'Tyskland' },
  { code: 'GR', en: 'Greece', da: 'Grækenland', aliases: ['Graekenland', 'Grakenland'] },
  { code: 'HU', en: 'Hungary', da: 'Ungarn' },
  { code: 'IE', en: 'Ireland', da: 'Irland' },
  { code: 'IT', en: 'Italy', da: 'Italien' },
  { code: 'LV', en: 'Latvia', da: 'Letland' },
  { code: 'LT', en: 'Lithuania', da: 'Litauen' },
  { code: 'LU', en: 'Luxembourg', da: 'Luxembourg' },
  { code: 'MT', en: 'Malta', da: 'Malta' },
  { code: 'NL', en: 'Netherlands', da: 'Nederlandene', aliases: ['The Netherlands', 'Holland'] },
  { code: 'PL', en: 'Poland', da: 'Polen' },
  { code: 'PT', en: 'Portugal', da: 'Portugal' },
  { code: 'RO', en: 'Romania', da: 'Rumænien', aliases: ['Rumaenien', 'Rumanien'] },
  { code: 'SK', en: 'Slovakia', da: 'Slovakiet' },
  { code: 'SI', en: 'Slovenia', da: 'Slovenien' },
  { code: 'ES', en: 'Spain', da: 'Spanien' },
  { code: 'SE', en: 'Sweden', da: 'Sverige' },
  { code: 'IS', en: 'Iceland', da: 'Island' },
  { code: 'LI', en: 'Liechtenstein', da: 'Liechtenstein' },
  { code: 'NO', en: 'Norway', da: 'Norge' },
];

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

const BY_NAME = new Map<string, Country>();
for (const c of EEA_COUNTRIES) {
  for (const name of [c.code, c.en, c.da, ...(c.aliases ?? [])]) BY_NAME.set(norm(name), c);
}

/** The country a person typed (code, English or Danish name), or null when it is not an EU/EEA country. */
export function findCountry(typed: string): Country | null {
  return BY_NAME.get(norm(typed)) ?? null;
}

/** The name of a stored country in a language; a value that is not a known code is shown as recorded. */
export function countryName(code: string, lang: Language): string {
  const c = BY_NAME.get(norm(code));
  return c ? c[lang] : code;
}
