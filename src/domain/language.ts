/**
 * The languages breachbot drafts and reads in: Danish (the supervisory authority's language,
 * notices.md §3) and English. Defined once here; the drafts, the facts and the settings use it.
 */

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (v: unknown): v is Language => v === 'da' || v === 'en';

/** The language's name in English (for the Slack surfaces) and in itself (for gaps in a draft). */
export const LANGUAGE_NAMES: Readonly<Record<Language, { en: string; own: string }>> = {
  da: { en: 'Danish', own: 'dansk' },
  en: { en: 'English', own: 'English' },
};

/**
 * The organisation's languages (App Home settings): the drafts are produced in `drafting` only, and
 * what the team types without saying otherwise is taken to be in `writing`.
 */
export interface LanguageSettings {
  drafting: Language[];
  writing: Language;
}

/** Both languages drafted (Datatilsynet reads Danish; a group may want English), written in Danish. */
export const DEFAULT_LANGUAGES: LanguageSettings = Object.freeze({ drafting: ['da', 'en'], writing: 'da' }) as LanguageSettings;

/** A stored value read defensively: anything unreadable is the default, and the order is fixed (da, en). */
export function readLanguageSettings(stored: unknown): LanguageSettings {
  const o = (stored ?? {}) as Record<string, unknown>;
  const drafting = Array.isArray(o['drafting']) ? LANGUAGES.filter((l) => (o['drafting'] as unknown[]).includes(l)) : [];
  return {
    drafting: drafting.length > 0 ? drafting : [...DEFAULT_LANGUAGES.drafting],
    writing: isLanguage(o['writing']) ? o['writing'] : DEFAULT_LANGUAGES.writing,
  };
}

/** A free text in one or both languages, e.g. { da: '…', en: '…' }; a missing key is not written yet. */
export type LocalizedText = Partial<Record<Language, string>>;
/** A list (measures, steps) in one or both languages. */
export type LocalizedList = Partial<Record<Language, string[]>>;
