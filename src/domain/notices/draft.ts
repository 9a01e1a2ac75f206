/** The structured draft every notice function returns, and its assembly into Markdown. */

import type { DraftContext } from './context.js';
import { FIELD_LABELS, type FieldKey } from './fields.js';
import { UNTRANSLATED_PATTERN, type GapLabels, type MissingField } from './placeholders.js';
import { measureReadability, type Readability } from './readability.js';
import type { Bilingual, Language } from './terms.js';

export type NoticeKind = 'authority' | 'processor' | 'subject' | 'subject_public';

export interface NoticeSection {
  id: string;
  heading: string;
  /** Plain Markdown (not Slack mrkdwn); the Slack layer escapes it. */
  body: string;
}

export interface NoticeDraft {
  kind: NoticeKind;
  lang: Language;
  title: string;
  /** Status line (gaps left) and, for the authority, where and how to submit. */
  header: string;
  sections: NoticeSection[];
  markdown: string;
  missing: MissingField[];
  missingCount: number;
  readability: Readability;
}

/** "**Label:** value" paragraphs; a bullet list goes below its label. */
export function labelled(label: string, value: string): string {
  return value.startsWith('- ') ? `**${label}:**\n\n${value}` : `**${label}:** ${value}`;
}

export function section(id: string, heading: Bilingual, ctx: DraftContext, blocks: readonly string[]): NoticeSection {
  return { id, heading: ctx.t(heading), body: blocks.filter((b) => b !== '').join('\n\n') };
}

function statusLine(count: number, lang: Language): string {
  if (lang === 'da') {
    if (count === 0) return 'Udkast: ingen mangler. Kontrollér alle oplysninger før afsendelse.';
    return `Udkast: ${count} ${count === 1 ? 'mangel' : 'mangler'} skal udfyldes før afsendelse.`;
  }
  if (count === 0) return 'Draft: no gaps left. Check every fact before sending.';
  return `Draft: ${count} ${count === 1 ? 'gap' : 'gaps'} left to fill before sending.`;
}

/** The team's texts that are recorded but not in this draft's language (in-language.ts), once each. */
function untranslated<K extends string>(sections: readonly NoticeSection[], lang: Language, labels: GapLabels<K>, fallback: K): MissingField<K>[] {
  const found = new Set([...sections.map((s) => s.body).join('\n').matchAll(UNTRANSLATED_PATTERN)].map((m) => m[1]!));
  const keys = Object.keys(labels) as K[];
  return [...found].map((label) => ({
    field: keys.find((k) => labels[k][lang] === label) ?? fallback,
    label: lang === 'da' ? `dansk tekst for ${label}` : `English text for ${label}`,
    translation: true as const,
  }));
}

/**
 * The Markdown of a draft and its final list of gaps: the gaps the builders marked and the texts
 * left untranslated. Shared by the notices and the regimes' stage drafts (src/domain/regimes).
 * Call after every section and header line has been built, so the gap count is final.
 */
export function assembleText<K extends string>(input: {
  lang: Language;
  title: string;
  headerLines: readonly string[];
  sections: readonly NoticeSection[];
  /** What the builders marked as missing. */
  marked: readonly MissingField<K>[];
  /** The labels of every fact the draft can name, to tell which field an untranslated text belongs to. */
  labels: GapLabels<K>;
  /** The field an untranslated text is counted under when no label matches. */
  fallback: K;
  /** A warning that heads the draft, above its gap count. */
  banner?: string;
}): { header: string; markdown: string; missing: MissingField<K>[] } {
  const { lang, title, sections } = input;
  const missing = [...input.marked, ...untranslated(sections, lang, input.labels, input.fallback)];
  const header = [...(input.banner ? [`**${input.banner}**`] : []), `**${statusLine(missing.length, lang)}**`, ...input.headerLines].join('\n\n');
  const markdown = [
    `# ${title}`,
    header,
    ...sections.map((s) => `## ${s.heading}\n\n${s.body}`),
  ].join('\n\n') + '\n';
  return { header, markdown, missing };
}

/**
 * Call after every section and header line has been built, so the gap count is final.
 * Readability is measured on the section bodies: that is the text the reader gets.
 */
export function assembleDraft(input: {
  kind: NoticeKind;
  ctx: DraftContext;
  title: string;
  headerLines: readonly string[];
  sections: readonly NoticeSection[];
  warnOnReadability: boolean;
  /** A warning that heads the draft, above its gap count (a notice drafted although the decision says none is needed). */
  banner?: string;
}): NoticeDraft {
  const { kind, ctx, title, sections } = input;
  const { header, markdown, missing } = assembleText<FieldKey>({
    lang: ctx.lang, title, headerLines: input.headerLines, sections, marked: ctx.gaps.missing,
    labels: FIELD_LABELS, fallback: 'description', ...(input.banner ? { banner: input.banner } : {}),
  });
  const prose = sections.map((s) => s.body).join('\n');
  return {
    kind,
    lang: ctx.lang,
    title,
    header,
    sections: [...sections],
    markdown,
    missing,
    missingCount: missing.length,
    readability: measureReadability(prose, ctx.lang, input.warnOnReadability),
  };
}
