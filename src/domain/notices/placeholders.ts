/**
 * Gaps: a fact the notice needs but the team has not recorded becomes a visible placeholder, and is
 * counted so the draft's header can say how many are left. One collector per draft.
 */

import { FIELD_LABELS, type FieldKey } from './fields.js';
import { LANGUAGE_NAMES } from '../language.js';
import type { Language } from './terms.js';

export interface MissingField {
  field: FieldKey;
  label: string;
  /** The text is recorded, but not in this draft's language: a translation is missing. */
  translation?: true;
}

const PLACEHOLDER_WORD: Record<Language, string> = { en: 'MISSING', da: 'MANGLER' };

export function placeholder(field: FieldKey, lang: Language): string {
  return `[${PLACEHOLDER_WORD[lang]}: ${FIELD_LABELS[field][lang]}]`;
}

/**
 * The gap for a text the team wrote, but not in this draft's language: it names the field, never
 * quotes the text, so no other language's words reach the draft.
 */
export function untranslatedPlaceholder(field: FieldKey, lang: Language): string {
  const what = lang === 'da' ? `${LANGUAGE_NAMES.da.own} tekst for` : `${LANGUAGE_NAMES.en.own} text for`;
  return `[${PLACEHOLDER_WORD[lang]}: ${what} "${FIELD_LABELS[field][lang]}"]`;
}

/** Matches an untranslated-text gap in either language; group 1 is the field's label. */
export const UNTRANSLATED_PATTERN = /\[(?:MISSING: English text for|MANGLER: dansk tekst for) "([^"\]]*)"\]/g;

/** Matches any placeholder in either language (for readability, and for callers counting gaps). */
export const PLACEHOLDER_PATTERN = /\[(?:MISSING|MANGLER): [^\]]*\]/g;

/** A blank string is as good as nothing: it would print an empty value that looks filled in. */
export function isRecorded(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export class GapCollector {
  readonly #lang: Language;
  readonly #missing = new Map<FieldKey, MissingField>();

  constructor(lang: Language) {
    this.#lang = lang;
  }

  /** Records the gap (once per field, however often it is shown) and returns its placeholder. */
  gap(field: FieldKey): string {
    if (!this.#missing.has(field)) {
      this.#missing.set(field, { field, label: FIELD_LABELS[field][this.#lang] });
    }
    return placeholder(field, this.#lang);
  }

  /** The recorded text, trimmed, or the field's placeholder. */
  text(value: string | null | undefined, field: FieldKey): string {
    return isRecorded(value) ? value.trim() : this.gap(field);
  }

  get missing(): MissingField[] {
    return [...this.#missing.values()];
  }
}
