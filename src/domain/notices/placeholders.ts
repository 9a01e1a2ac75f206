/**
 * Gaps: a fact the notice needs but the team has not recorded becomes a visible placeholder, and is
 * counted so the draft's header can say how many are left. One collector per draft.
 */

import { FIELD_LABELS, type FieldKey } from './fields.js';
import type { Lang } from './terms.js';

export interface MissingField {
  field: FieldKey;
  label: string;
}

const PLACEHOLDER_WORD: Record<Lang, string> = { en: 'MISSING', da: 'MANGLER' };

export function placeholder(field: FieldKey, lang: Lang): string {
  return `[${PLACEHOLDER_WORD[lang]}: ${FIELD_LABELS[field][lang]}]`;
}

/** Matches any placeholder in either language (for readability, and for callers counting gaps). */
export const PLACEHOLDER_PATTERN = /\[(?:MISSING|MANGLER): [^\]]*\]/g;

/** A blank string is as good as nothing: it would print an empty value that looks filled in. */
export function isRecorded(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export class GapCollector {
  readonly #lang: Lang;
  readonly #missing = new Map<FieldKey, MissingField>();

  constructor(lang: Lang) {
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
