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

/**
 * The recorded decision is that Datatilsynet need not be notified (Art. 33(1): unlikely to result in
 * a risk). Only a controller's: a processor tells the controller whatever it decides (Art. 33(2)).
 */
export function notificationWaived(facts: NoticeFacts): boolean {
  return facts.role !== 'processor' && Boolean(facts.decision) && facts.assessment?.notifyAuthority === false;
}

/**
 * The kinds of notice this breach needs now, in the order they are posted: no notice to
 * Datatilsynet when the recorded decision is that none is needed (issue 17), unless asked for.
 */
export function draftKinds(facts: NoticeFacts): NoticeKind[] {
  const report: NoticeKind[] = notificationWaived(facts) ? [] : [facts.role === 'processor' ? 'processor' : 'authority'];
  if (!needsSubjectNotice(facts)) return report;
  return [...report, subjectVariantFor(facts) === 'public' ? 'subject_public' : 'subject'];
}

/** A regular round (the kinds the breach needs), or the notice to Datatilsynet asked for after the decision said none is needed. */
export type DraftRound = 'needed' | 'authority_on_request';

const roundKinds = (facts: NoticeFacts, round: DraftRound): NoticeKind[] => (round === 'needed' ? draftKinds(facts) : ['authority']);

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

/**
 * The drafts of a round, in every drafting language. A notice to Datatilsynet asked for although
 * the decision says none is needed is labelled so at its top (authority-notice.ts).
 */
export function buildDraftSet(byLang: FactsByLanguage, opts: DraftSetOptions, round: DraftRound = 'needed'): NoticeDraft[] {
  const langs = (['en', 'da'] as const).filter((l) => byLang[l]);
  return roundKinds(anyFacts(byLang), round).flatMap((kind) =>
    langs.map((lang) => {
      const facts = byLang[lang]!;
      const o = { lang, now: opts.now, zone: opts.zone };
      if (kind === 'authority') return draftAuthorityNotice(facts, { ...o, onRequest: round === 'authority_on_request' });
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
 * A hash of everything a draft is built from: the facts, whether the notification is late, and the
 * round (a labelled notice asked for is not the same text). Key order does not matter, so the same
 * facts always give the same hash.
 */
export function factsHash(byLang: FactsByLanguage, opts: DraftSetOptions, round: DraftRound = 'needed'): string {
  const facts = anyFacts(byLang);
  const input = stableJson({ facts: byLang, late: isDraftLate(facts, opts), kinds: roundKinds(facts, round), ...(round === 'needed' ? {} : { round }) });
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
