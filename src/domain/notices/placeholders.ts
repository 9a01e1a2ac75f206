/**
 * Gaps: a fact the notice needs but the team has not recorded becomes a visible placeholder, and is
 * counted so the draft's header can say how many are left. One collector per draft.
 */

import { FIELD_LABELS, type FieldKey } from './fields.js';
import { LANGUAGE_NAMES } from '../language.js';
import type { Language } from './terms.js';

/** `field` names the fact (a FieldKey for the GDPR notices; a regime's drafts add their own keys). */
export interface MissingField<K extends string = FieldKey> {
  field: K;
  label: string;
  /** The text is recorded, but not in this draft's language: a translation is missing. */
  translation?: true;
}

/**
 * A fact's label for gaps, in English and in the other languages it is drafted in. The notices'
 * labels (fields.ts) are in both; a regime drafted in English only (the ICO) labels in English only.
 */
export type GapLabel = Readonly<{ en: string } & Partial<Record<Language, string>>>;
export type GapLabels<K extends string> = Readonly<Record<K, GapLabel>>;

/** The label in the draft's language; a label missing there is a programming error, never English in a Danish draft. */
export function labelIn(label: GapLabel, lang: Language): string {
  const text = label[lang];
  if (text === undefined) throw new RangeError(`No ${LANGUAGE_NAMES[lang].en} label for the gap "${label.en}"`);
  return text;
}

const PLACEHOLDER_WORD: Record<Language, string> = { en: 'MISSING', da: 'MANGLER' };

export function placeholder(field: FieldKey, lang: Language): string {
  return placeholderFor(FIELD_LABELS[field], lang);
}

/** `[MISSING: label]` / `[MANGLER: label]` for any labelled fact. */
export function placeholderFor(label: GapLabel, lang: Language): string {
  return `[${PLACEHOLDER_WORD[lang]}: ${labelIn(label, lang)}]`;
}

/**
 * The gap for a text the team wrote, but not in this draft's language: it names the field, never
 * quotes the text, so no other language's words reach the draft.
 */
export function untranslatedPlaceholder(field: FieldKey | GapLabel, lang: Language): string {
  const what = lang === 'da' ? `${LANGUAGE_NAMES.da.own} tekst for` : `${LANGUAGE_NAMES.en.own} text for`;
  const label = typeof field === 'string' ? FIELD_LABELS[field] : field;
  return `[${PLACEHOLDER_WORD[lang]}: ${what} "${labelIn(label, lang)}"]`;
}

/** Matches an untranslated-text gap in either language; group 1 is the field's label. */
export const UNTRANSLATED_PATTERN = /\[(?:MISSING: English text for|MANGLER: dansk tekst for) "([^"\]]*)"\]/g;

/** Matches any placeholder in either language (for readability, and for callers counting gaps). */
export const PLACEHOLDER_PATTERN = /\[(?:MISSING|MANGLER): [^\]]*\]/g;

/** A blank string is as good as nothing: it would print an empty value that looks filled in. */
export function isRecorded(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** One per draft; `labels` names every fact it can mark (the notices' FIELD_LABELS unless given). */
export class GapCollector<K extends string = FieldKey> {
  readonly #lang: Language;
  readonly #labels: GapLabels<K>;
  readonly #missing = new Map<K, MissingField<K>>();

  constructor(lang: Language, labels: GapLabels<K> = FIELD_LABELS as GapLabels<string> as GapLabels<K>) {
    this.#lang = lang;
    this.#labels = labels;
  }

  /** Records the gap (once per field, however often it is shown) and returns its placeholder. */
  gap(field: K): string {
    const label = this.#labels[field];
    if (!this.#missing.has(field)) {
      this.#missing.set(field, { field, label: labelIn(label, this.#lang) });
    }
    return placeholderFor(label, this.#lang);
  }

  /** The recorded text, trimmed, or the field's placeholder. */
  text(value: string | null | undefined, field: K): string {
    return isRecorded(value) ? value.trim() : this.gap(field);
  }

  get missing(): MissingField<K>[] {
    return [...this.#missing.values()];
  }
}
