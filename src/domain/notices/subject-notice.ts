/**
 * The communication to the data subjects (Art. 34), modelled on the seed notice: what happened, what
 * information, who may have seen it, what it could mean, what we did, what you can do, questions.
 * `variant: 'public'` is the public communication of Art. 34(3)(c): it starts with who may be
 * affected and says why people are not contacted one by one.
 */

import { DraftContext, type DraftOptions } from './context.js';
import { assembleDraft, section, type NoticeDraft, type NoticeSection } from './draft.js';
import type { DataType, NoticeFacts } from './facts.js';
import { bulletList, fill } from './format.js';
import {
  PUBLIC_SUBJECT_SECTION_ORDER, SUBJECT_HEADINGS as H, SUBJECT_SECTION_ORDER, type SubjectSectionId,
} from './headings.js';
import { DATA_TYPE_LABELS, SUBJECT_GROUP_LABELS } from './labels.js';
import { isRecorded } from './placeholders.js';
import { COMPLAINT_TO_AUTHORITY, SELF_HELP } from './reference.js';
import { EXPOSURE_TEXT, RECIPIENT_TEXT, SUBJECT_TEXT as T } from './subject-text.js';
import { capitalise, type Bilingual } from './terms.js';

export interface SubjectDraftOptions extends DraftOptions {
  variant?: 'individual' | 'public';
}

/** Blocks with a leading sentence and bullets below it. */
function withBullets(lead: string, items: readonly string[]): string {
  return `${lead}\n\n${bulletList(items)}`;
}

function recordedItems(items: readonly string[] | null | undefined): string[] {
  return (items ?? []).filter(isRecorded).map((i) => i.trim());
}

/** Who the people are: the team's words if recorded, else the recorded groups. */
function whoAreAffected(facts: NoticeFacts, ctx: DraftContext): string {
  const s = facts.subjects;
  if (isRecorded(s?.description)) return s.description.trim();
  if (s?.groups?.length) return ctx.and(s.groups.map((g) => ctx.t(SUBJECT_GROUP_LABELS[g])));
  return ctx.gaps.gap('subjects.categories');
}

function whoIsAffectedSection(facts: NoticeFacts, ctx: DraftContext): NoticeSection {
  const start = facts.startedAt !== 'unknown' && isRecorded(facts.startedAt) ? facts.startedAt : null;
  // The period is repeated from the facts only when they give it; its gaps are counted in "what happened".
  const period =
    !start ? ''
    : facts.ongoing === true ? fill(ctx.t(T.periodOpen), { start: ctx.instant(start, 'startedAt', 'date') })
    : facts.ongoing === false && isRecorded(facts.endedAt)
      ? fill(ctx.t(T.periodClosed), { start: ctx.instant(start, 'startedAt', 'date'), end: ctx.instant(facts.endedAt, 'endedAt', 'date') })
    : '';
  const s = facts.subjects;
  const howMany = typeof s?.count === 'number'
    ? fill(ctx.t(T.howMany), { count: ctx.count(s.count, s.countIsApproximate, 'subjects.count') })
    : '';
  const reason = isRecorded(facts.publicNoticeReason) ? facts.publicNoticeReason.trim()
    : facts.assessment?.exemption === 'disproportionate_effort' ? ctx.t(T.disproportionate)
    : ctx.gaps.gap('publicNoticeReason');
  return section('who_is_affected', H.who_is_affected, ctx, [
    [fill(ctx.t(T.forWhom), { who: whoAreAffected(facts, ctx) }), period, howMany].filter(Boolean).join(' '),
    fill(ctx.t(T.whyPublic), { reason }),
  ]);
}

function whatHappenedSection(facts: NoticeFacts, ctx: DraftContext): NoticeSection {
  const started = facts.startedAt === 'unknown' ? ctx.t(T.startUnknown)
    : fill(ctx.t(T.startedOn), { date: ctx.instant(facts.startedAt, 'startedAt', 'date') });
  const aware = isRecorded(facts.awareAt) ? fill(ctx.t(T.awareOn), { date: ctx.instant(facts.awareAt, 'awareAt', 'date') }) : '';
  const over =
    facts.ongoing === true ? ctx.t(T.stillGoing)
    : facts.ongoing === false
      ? (isRecorded(facts.endedAt) ? fill(ctx.t(T.stoppedOn), { date: ctx.instant(facts.endedAt, 'endedAt', 'date') }) : ctx.t(T.stopped))
    : ctx.gaps.gap('ongoing');
  // Told to the person in words written for them: never the internal description (issue 12).
  const told = facts.subjectText;
  return section('what_happened', H.what_happened, ctx, [
    ctx.text(told?.whatHappened, 'subjectText.whatHappened'),
    [started, aware, over].filter(Boolean).join(' '),
    fill(ctx.t(T.cause), { cause: ctx.text(told?.cause, 'subjectText.cause') }),
  ]);
}

function dataInvolvedSection(facts: NoticeFacts, ctx: DraftContext): NoticeSection {
  const d = facts.data;
  const parts = [
    d?.types?.length ? ctx.and(d.types.map((t) => ctx.t(DATA_TYPE_LABELS[t]))) : null,
    isRecorded(d?.description) ? d.description.trim() : null,
  ].filter((p): p is string => p !== null);
  const data = parts.length > 0 ? parts.join('; ') : ctx.gaps.gap('data.types');
  return section('data_involved', H.data_involved, ctx, [
    fill(ctx.t(T.dataIs), { data }),
    isRecorded(d?.notInvolved) ? fill(ctx.t(T.dataIsNot), { data: d.notInvolved.trim() }) : '',
  ]);
}

function whoMayHaveSeenSection(facts: NoticeFacts, ctx: DraftContext): NoticeSection {
  const types = facts.breachTypes;
  let blocks: string[];
  if (!types || types.length === 0) {
    blocks = [ctx.gaps.gap('breachTypes')];
  } else if (!types.includes('confidentiality')) {
    // Recorded as a loss or alteration only: say so, rather than guess at who saw what.
    const what = [
      types.includes('availability') ? ctx.t(T.lost) : null,
      types.includes('integrity') ? ctx.t(T.changed) : null,
    ].filter((w): w is string => w !== null);
    blocks = [fill(ctx.t(T.notSeen), { what: ctx.and(what) })];
  } else {
    const e = facts.exposure;
    blocks = [
      // The team's words; else the questionnaire's answer (facts.ts ExposureFacts.recipients).
      fill(ctx.t(T.seenBy), { who: ctx.text(e?.who ?? (e?.recipients ? ctx.t(RECIPIENT_TEXT[e.recipients]) : null), 'exposure.who') }),
      e?.status ? ctx.t(EXPOSURE_TEXT[e.status]) : ctx.gaps.gap('exposure.status'),
    ];
  }
  return section('who_may_have_seen', H.who_may_have_seen, ctx, [blocks.join(' ')]);
}

function whatWeDidSection(facts: NoticeFacts, ctx: DraftContext): NoticeSection {
  const submitted = facts.notification?.submittedAt;
  const authority = isRecorded(submitted)
    ? fill(ctx.t(T.toldAuthority), { date: ctx.instant(submitted, 'notification.submittedAt', 'date') })
    // Only when the recorded assessment says the authority need not be told is the sentence left out.
    : facts.assessment?.notifyAuthority === false ? ''
    : fill(ctx.t(T.toldAuthority), { date: ctx.gaps.gap('notification.submittedAt') });
  // The measures as told to the person; the internal list (third person) stays in the report.
  return section('what_we_did', H.what_we_did, ctx, [ctx.text(facts.subjectText?.measures, 'subjectText.measures'), authority]);
}

/** Standard steps for the recorded data types (a CPR number, passwords, contact or card details). */
function selfHelp(types: readonly DataType[] | null | undefined, ctx: DraftContext): string[] {
  const steps: Bilingual[] = [];
  for (const type of new Set(types ?? [])) {
    if (type in SELF_HELP) steps.push(...SELF_HELP[type as keyof typeof SELF_HELP]);
  }
  return steps.map((s) => ctx.t(s));
}

function whatYouCanDoSection(facts: NoticeFacts, ctx: DraftContext): NoticeSection {
  const advice = facts.subjectAdvice;
  const steps = [...recordedItems(advice?.steps), ...selfHelp(facts.data?.types, ctx)];
  let blocks: string[];
  if (!advice) {
    blocks = [steps.length > 0 ? withBullets(ctx.t(T.youCan), steps) : '', ctx.gaps.gap('subjectAdvice')];
  } else if (steps.length > 0) {
    blocks = [withBullets(ctx.t(T.youCan), steps)];
  } else {
    blocks = [fill(ctx.t(T.noAction), { reason: ctx.text(advice.noActionReason, 'subjectAdvice.noActionReason') })];
  }
  return section('what_you_can_do', H.what_you_can_do, ctx, blocks);
}

function questionsSection(facts: NoticeFacts, ctx: DraftContext, org: string): NoticeSection {
  const dpo = facts.organisation?.dpo;
  const contact = [
    ctx.text(dpo?.name, 'organisation.dpo.name'),
    ctx.text(dpo?.email, 'organisation.dpo.email'),
    ctx.text(dpo?.phone, 'organisation.dpo.phone'),
  ].join(', ');
  const apology = facts.subjectText?.apology;
  return section('questions', H.questions, ctx, [
    isRecorded(apology) ? apology.trim() : '',
    fill(ctx.t(T.askDpo), { contact }),
    ctx.t(COMPLAINT_TO_AUTHORITY),
    `${ctx.t(T.signOff)}\n${org}`,
  ]);
}

export function draftSubjectNotice(facts: NoticeFacts, options: SubjectDraftOptions): NoticeDraft {
  const ctx = new DraftContext(options);
  const isPublic = options.variant === 'public';
  const org = ctx.text(facts.organisation?.name, 'organisation.name');
  const builders: Record<SubjectSectionId, (facts: NoticeFacts, ctx: DraftContext) => NoticeSection> = {
    who_is_affected: whoIsAffectedSection,
    what_happened: whatHappenedSection,
    data_involved: dataInvolvedSection,
    who_may_have_seen: whoMayHaveSeenSection,
    consequences: (f, c) => section('consequences', H.consequences, c, [c.text(f.subjectText?.consequences, 'subjectText.consequences')]),
    what_we_did: whatWeDidSection,
    what_you_can_do: whatYouCanDoSection,
    questions: (f, c) => questionsSection(f, c, org),
  };
  const order = isPublic ? PUBLIC_SUBJECT_SECTION_ORDER : SUBJECT_SECTION_ORDER;
  const sections: NoticeSection[] = order.map((id) => builders[id](facts, ctx));
  return assembleDraft({
    kind: isPublic ? 'subject_public' : 'subject',
    ctx,
    title: capitalise(fill(ctx.t(T.title), { org })),
    headerLines: [],
    sections,
    warnOnReadability: true,
  });
}

/** True when a public notice is the recorded or assessed form of communication. */
export function subjectVariantFor(facts: NoticeFacts): 'individual' | 'public' {
  const c = facts.communication;
  if (c && c.status !== 'not_communicated' && c.isPublic) return 'public';
  return facts.assessment?.communicateToSubjects === 'public' ? 'public' : 'individual';
}
