/** The structured draft every notice function returns, and its assembly into Markdown. */

import type { DraftContext } from './context.js';
import { FIELD_LABELS, type FieldKey } from './fields.js';
import { UNTRANSLATED_PATTERN, type MissingField } from './placeholders.js';
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
function untranslated(sections: readonly NoticeSection[], lang: Language): MissingField[] {
  const labels = new Set([...sections.map((s) => s.body).join('\n').matchAll(UNTRANSLATED_PATTERN)].map((m) => m[1]!));
  const keys = Object.keys(FIELD_LABELS) as FieldKey[];
  return [...labels].map((label) => ({
    field: keys.find((k) => FIELD_LABELS[k][lang] === label) ?? ('description' as FieldKey),
    label: lang === 'da' ? `dansk tekst for ${label}` : `English text for ${label}`,
    translation: true as const,
  }));
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
  const missing = [...ctx.gaps.missing, ...untranslated(input.sections, ctx.lang)];
  const header = [...(input.banner ? [`**${input.banner}**`] : []), `**${statusLine(missing.length, ctx.lang)}**`, ...input.headerLines].join('\n\n');
  const markdown = [
    `# ${title}`,
    header,
    ...sections.map((s) => `## ${s.heading}\n\n${s.body}`),
  ].join('\n\n') + '\n';
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
