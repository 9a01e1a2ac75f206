/**
 * A team-written text for one draft language: the text in that language, or (when it exists only in
 * the other language) a visible gap naming the field, never the other language's words (issue 12).
 * Null when nothing is recorded, so the draft's usual gap applies.
 */

import type { Language, LocalizedList, LocalizedText } from '../language.js';
import type { FieldKey } from './fields.js';
import { untranslatedPlaceholder, type GapLabel } from './placeholders.js';

/** `field`: a notice field, or the label of a fact only a regime's drafts use. */
export function textIn(value: LocalizedText | undefined, lang: Language, field: FieldKey | GapLabel): string | null {
  if (!value) return null;
  return value[lang] ?? (Object.values(value).some((v) => v !== undefined) ? untranslatedPlaceholder(field, lang) : null);
}

export function listIn(value: LocalizedList | undefined, lang: Language, field: FieldKey | GapLabel): string[] | null {
  if (!value) return null;
  return value[lang] ?? (Object.values(value).some((v) => v !== undefined) ? [untranslatedPlaceholder(field, lang)] : null);
}
