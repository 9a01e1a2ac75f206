import { detectLanguage } from '../language-check.js';
import type { Language, LocalizedText } from '../language.js';
import type { RecordedFacts } from './recorded-facts.js';

/*
 * The Declare modal's title, description and discovery are typed once, in whatever language, and
 * kept as typed (breaches columns). They count as the language the detector reads them as (else the
 * team's writing language), until Update facts records that language's text (recorded-facts.ts).
 */

export type DeclaredField = 'title' | 'description' | 'discovery';
export const DECLARED_FIELDS: readonly DeclaredField[] = ['title', 'description', 'discovery'];
export type DeclaredTexts = Record<DeclaredField, string | null>;

export function declaredLanguage(typed: string, writing: Language): Language {
  return detectLanguage(typed) ?? writing;
}

/** The declared text in its language, overridden by what Update facts recorded. */
export function withDeclared(typed: string | null, stored: LocalizedText | undefined, writing: Language): LocalizedText {
  return { ...(typed ? { [declaredLanguage(typed, writing)]: typed } : {}), ...stored };
}

/**
 * A declared text sent back unchanged in its language's box is the declaration, not a new fact: it
 * is not copied into the facts (nor announced as changed).
 */
export function withoutDeclared(after: RecordedFacts, declared: DeclaredTexts, writing: Language): RecordedFacts {
  const out: RecordedFacts = { ...after };
  for (const f of DECLARED_FIELDS) {
    const typed = declared[f];
    const v = out[f];
    if (!typed || !v) continue;
    const lang = declaredLanguage(typed, writing);
    if (v[lang] !== typed.trim()) continue;
    const { [lang]: _same, ...rest } = v;
    if (Object.keys(rest).length > 0) out[f] = rest;
    else delete out[f];
  }
  return out;
}
