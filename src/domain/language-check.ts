import { francAll } from 'franc';
import { LANGUAGE_NAMES, type Language } from './language.js';

/*
 * Which language a typed text is in, with franc (a maintained n-gram detector, restricted to Danish
 * and English), so a text typed in the wrong language box is caught at the field instead of landing
 * in a draft of the other language (issue 12). Detection is unreliable on short texts and names
 * ("Acme Retail A/S", "Microsoft 365"): those are never flagged.
 */

/** Shorter texts are names, references or fragments: n-gram detection guesses there. */
export const DETECT_MIN_CHARS = 40;
/** franc scores the runner-up relative to the best (1.0): this close, the text could be either. */
const UNSURE_RATIO = 0.8;
const CODES: Readonly<Record<string, Language>> = { dan: 'da', eng: 'en' };

/** The text's language when the detector is sure; null for short or ambiguous text. */
export function detectLanguage(text: string): Language | null {
  const t = text.trim();
  if (t.length < DETECT_MIN_CHARS) return null;
  const [best, second] = francAll(t, { only: ['dan', 'eng'], minLength: DETECT_MIN_CHARS });
  if (!best || best[0] === 'und') return null;
  if (second && second[1] >= UNSURE_RATIO) return null;
  return CODES[best[0]] ?? null;
}

/** A translation this much shorter than its source has likely lost content. */
export const MIN_TRANSLATION_RATIO = 1 / 3;

/**
 * The problem with a text typed in the `lang` box, in words for the person typing, or null. `source`
 * is the same field in the team's writing language, when this box is a translation of it.
 */
export function checkTextLanguage(text: string, lang: Language, source: { lang: Language; text: string } | null): string | null {
  const detected = detectLanguage(text);
  const name = (l: Language) => LANGUAGE_NAMES[l].en;
  if (detected && detected !== lang) {
    return `This reads as ${name(detected)}, but this box is for the ${name(lang)} text. Move it to the ${name(detected)} box, or write it in ${name(lang)}.`;
  }
  if (source && source.lang !== lang && text.trim().length < source.text.trim().length * MIN_TRANSLATION_RATIO) {
    return `This is much shorter than the ${name(source.lang)} text (${text.trim().length} against ${source.text.trim().length} characters): translate all of it, or leave the box empty to keep a gap in the ${name(lang)} drafts.`;
  }
  return null;
}
