/**
 * Readability of a draft (notices.md §2 "Plain language, measured"):
 * - Danish: LIX = words per sentence + 100 × words longer than six letters / words.
 *   notices.md aims for 40 or less, so the data-subject notice warns above 40.
 * - English: Flesch Reading Ease = 206.835 − 1.015 × words/sentence − 84.6 × syllables/word.
 *   notices.md aims for 50 or more, so the data-subject notice warns below 50.
 * Placeholders and Markdown markup are removed first: they are not text the reader will get. Only
 * text in the draft's language is measured (issue 12): a sentence the detector reads as the other
 * language (a team text quoted untranslated) is left out, and the count of those is reported.
 */

import { detectLanguage } from '../language-check.js';
import { PLACEHOLDER_PATTERN } from './placeholders.js';
import type { Language } from './terms.js';

export const LIX_WARN_ABOVE = 40;
export const FLESCH_WARN_BELOW = 50;

export interface Readability {
  metric: 'LIX' | 'Flesch';
  score: number;
  warning?: string;
  /** The hardest sentences, hardest first (named in the warning). */
  hardest: string[];
  /** Sentences left out of the score as being in the other language. */
  otherLanguageSentences: number;
}

export interface TextStats {
  words: number;
  sentences: number;
  longWords: number;
  syllables: number;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu;
/** A sentence ends at . ! ? or : followed by a space or the end of the line. */
const SENTENCE_END = /[.!?:]+(?=\s|$)/g;

/** Drops placeholders and Markdown markers so only readable prose is measured. */
export function plainText(markdown: string): string {
  return markdown
    .replace(PLACEHOLDER_PATTERN, ' ')
    .replace(/^\s*#+\s*/gm, '')
    .replace(/^\s*[-*]\s+/gm, '')
    .replace(/[*_`]/g, '');
}

/**
 * English syllables by the usual vowel-group heuristic: drop a silent final e / es / ed, a leading y
 * (a consonant there), then count groups of one or two vowels. Good enough for a readability warning.
 */
export function countSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return 1; // a number or a non-English word still takes a beat to read
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, w.match(/[aeiouy]{1,2}/g)?.length ?? 0);
}

function letterCount(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}

export function textStats(markdown: string): TextStats {
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  let syllables = 0;
  // Per line: a heading or a bullet without a full stop still ends where the line ends.
  for (const line of plainText(markdown).split('\n')) {
    const lineWords = line.match(WORD) ?? [];
    if (lineWords.length === 0) continue;
    words += lineWords.length;
    longWords += lineWords.filter((w) => letterCount(w) > 6).length;
    syllables += lineWords.reduce((sum, w) => sum + countSyllables(w), 0);
    const ends = line.match(SENTENCE_END)?.length ?? 0;
    const tail = line.replace(/^.*[.!?:](?=\s|$)/, '');
    sentences += ends + ((tail.match(WORD)?.length ?? 0) > 0 ? 1 : 0);
  }
  return { words, sentences, longWords, syllables };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function lix(markdown: string): number {
  const s = textStats(markdown);
  if (s.words === 0) return 0;
  return round1(s.words / s.sentences + (100 * s.longWords) / s.words);
}

export function fleschReadingEase(markdown: string): number {
  const s = textStats(markdown);
  if (s.words === 0) return 0;
  return round1(206.835 - 1.015 * (s.words / s.sentences) - 84.6 * (s.syllables / s.words));
}

/**
 * LIX for Danish, Flesch for English. `warn` is set for the data-subject notices, whose plain
 * language is a legal requirement (Art. 34(2)); the authority notices only report the score.
 */
export function measureReadability(markdown: string, lang: Language, warn: boolean): Readability {
  const all = sentences(markdown);
  const own = all.filter((s) => { const d = detectLanguage(s); return d === null || d === lang; });
  const text = own.join('\n');
  // Per sentence, the same formula: the hardest are the ones to rewrite first.
  const difficulty = (s: string) => (lang === 'da' ? lix(s) : -fleschReadingEase(s));
  const hardest = [...own].sort((a, b) => difficulty(b) - difficulty(a)).slice(0, 2);
  const quoted = hardest.map((s) => `"${s.length > 90 ? `${s.slice(0, 87)}…` : s}"`).join(lang === 'da' ? ' og ' : ' and ');
  const base = { hardest, otherLanguageSentences: all.length - own.length };
  if (lang === 'da') {
    const score = lix(text);
    return warn && score > LIX_WARN_ABOVE
      ? { metric: 'LIX', score, ...base, warning: `LIX ${score} er over ${LIX_WARN_ABOVE}: Teksten er svær at læse. Brug kortere sætninger og kortere ord, især i ${quoted}.` }
      : { metric: 'LIX', score, ...base };
  }
  const score = fleschReadingEase(text);
  return warn && score < FLESCH_WARN_BELOW
    ? { metric: 'Flesch', score, ...base, warning: `Flesch Reading Ease ${score} is below ${FLESCH_WARN_BELOW}: the text is hard to read. Use shorter sentences and shorter words, above all in ${quoted}.` }
    : { metric: 'Flesch', score, ...base };
}

/** The prose as sentences, each with its end mark (a line without one ends a sentence too). */
export function sentences(markdown: string): string[] {
  return plainText(markdown)
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?:])\s+/))
    .map((s) => s.trim())
    .filter((s) => (s.match(WORD)?.length ?? 0) > 0);
}
