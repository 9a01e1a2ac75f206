/**
 * Which drafts a breach needs, built together from one set of facts, and the hash that tells whether
 * the facts changed since the last version: the notice to Datatilsynet (or a processor's notice to
 * the controller), and the notice to the people affected when they are to be told; each in English
 * and Danish.
 */

import { createHash } from 'node:crypto';
import { isNotificationLate } from './deadline.js';
import type { NoticeDraft, NoticeKind } from './draft.js';
import type { NoticeFacts } from './facts.js';
import { parseInstant } from './format.js';
import { draftAuthorityNotice } from './authority-notice.js';
import { draftProcessorNotice } from './processor-notice.js';
import { draftSubjectNotice, subjectVariantFor } from './subject-notice.js';
import type { Language } from '../language.js';

export interface DraftSetOptions {
  /** The drafting time (ISO): decides whether the notification is late. */
  now: string;
  zone: string;
}

/** The people are to be told (planned) or have been (the record): a controller's notice to them is drafted. */
export function needsSubjectNotice(facts: NoticeFacts): boolean {
  const status = facts.communication?.status;
  return facts.role !== 'processor' && (status === 'planned' || status === 'done');
}

/** The kinds of notice this breach needs now, in the order they are posted. */
export function draftKinds(facts: NoticeFacts): NoticeKind[] {
  const report: NoticeKind = facts.role === 'processor' ? 'processor' : 'authority';
  if (!needsSubjectNotice(facts)) return [report];
  return [report, subjectVariantFor(facts) === 'public' ? 'subject_public' : 'subject'];
}

/**
 * The facts for each drafting language (from-breach.ts noticeFactsFrom(source, lang)): the drafts are
 * produced in these languages only, each from the team's text in its own language.
 */
export type FactsByLanguage = Partial<Record<Language, NoticeFacts>>;

/** One of the languages' facts, for what does not depend on language (the kinds, lateness). */
export function anyFacts(byLang: FactsByLanguage): NoticeFacts {
  const first = Object.values(byLang)[0];
  if (!first) throw new RangeError('No drafting language');
  return first;
}

export function buildDraftSet(byLang: FactsByLanguage, opts: DraftSetOptions): NoticeDraft[] {
  const langs = (['en', 'da'] as const).filter((l) => byLang[l]);
  return draftKinds(anyFacts(byLang)).flatMap((kind) =>
    langs.map((lang) => {
      const facts = byLang[lang]!;
      const o = { lang, now: opts.now, zone: opts.zone };
      if (kind === 'authority') return draftAuthorityNotice(facts, o);
      if (kind === 'processor') return draftProcessorNotice(facts, o);
      return draftSubjectNotice(facts, { ...o, variant: kind === 'subject_public' ? 'public' : 'individual' });
    }),
  );
}

/** Late or not is part of what a draft says (the reasons-for-delay section), so it is part of the hash. */
export function isDraftLate(facts: NoticeFacts, opts: DraftSetOptions): boolean {
  const now = parseInstant(opts.now, opts.zone);
  return now ? isNotificationLate(facts, now, opts.zone) : false;
}

/**
 * A hash of everything a draft is built from: the facts and whether the notification is late. Key
 * order does not matter, so the same facts always give the same hash.
 */
export function factsHash(byLang: FactsByLanguage, opts: DraftSetOptions): string {
  const facts = anyFacts(byLang);
  const input = stableJson({ facts: byLang, late: isDraftLate(facts, opts), kinds: draftKinds(facts) });
  return createHash('sha256').update(input).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
