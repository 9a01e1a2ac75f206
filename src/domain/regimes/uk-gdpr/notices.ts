/*
 * The report to the ICO (Art. 33 UK GDPR), in English, under the ICO form's headings as far as
 * they are confirmed (the profile's `authority.form`, from ico.org.uk: docs/regimes.md). The content
 * is what Art. 33(3) requires, built by the same section builders as the notice to Datatilsynet
 * (src/domain/notices/report-sections.ts) and regrouped under the ICO's headings; what has no
 * confirmed place on the form comes last, under a heading that says so.
 */

import { labelled, type NoticeSection } from '../../notices/draft.js';
import { fill } from '../../notices/format.js';
import type { GapLabels } from '../../notices/placeholders.js';
import {
  authoritiesToldBlocks, communicationSection, consequencesSection, contactLine, measuresBeforeSection,
  measuresTakenSection, natureSection, reporterLine, subjectsAndDataSection, timelineSection,
} from '../../notices/report-sections.js';
import { REPORT_TEXT as R } from '../../notices/report-text.js';
import { buildStageDraft, type RegimeDraftBuilder, type StageDraftContext } from '../drafts.js';
import type { RegimeProfile, Words } from '../types.js';

/** The facts the ICO form asks for that a notice to Datatilsynet does not. English only: the ICO reads English. */
export const ICO_FIELDS = {
  'ico.staff': { en: 'the staff members involved, if any, and their data protection training' },
} as const satisfies GapLabels<string>;

type IcoField = keyof typeof ICO_FIELDS;
type Draft = StageDraftContext<IcoField>;

const T = {
  organisation: { en: 'Organisation' },
  placeUnconfirmed: { en: 'Also for the report (where on the form is not confirmed)' },
  late: {
    en: 'This report is made after the deadline of {due}. Art. 33(1) UK GDPR requires the reasons for the delay.',
  },
  staff: { en: 'Staff members involved and their training' },
} as const satisfies Record<string, Words>;

/** One section under an ICO heading, from the bodies of the notice sections built for it. */
function under(d: Draft, id: string, heading: string, parts: readonly (NoticeSection | string)[]): NoticeSection {
  return d.section(id, { en: heading }, parts.map((p) => (typeof p === 'string' ? p : p.body)));
}

/**
 * The confirmed headings of the ICO form, in the profile's order (`authority.form.sections`), each
 * with what goes under it. A change to the profile's headings that does not change this list fails
 * its test (test/domain/regimes/uk-gdpr/notices.test.ts).
 */
const UNDER_FORM_HEADINGS: ReadonlyArray<{ id: string; build: (d: Draft) => ReadonlyArray<NoticeSection | string> }> = [
  {
    id: 'about_your_report',
    build: ({ ctx, facts }) => [
      labelled(T.organisation.en, ctx.text(facts.organisation?.name, 'organisation.name')),
      labelled(ctx.t(R.address), ctx.text(facts.organisation?.address, 'organisation.address')),
      labelled(ctx.t(R.sector), ctx.text(facts.organisation?.sector, 'organisation.sector')),
      labelled(ctx.t(R.reporter), reporterLine(ctx, facts)),
      // Art. 33(3)(b): the name and contact details of the DPO or other contact point.
      labelled(ctx.t(R.dpo), contactLine(ctx, facts)),
      labelled(ctx.t(R.ourReference), ctx.text(facts.reference, 'reference')),
      labelled(ctx.t(R.title), ctx.text(facts.title, 'title')),
    ],
  },
  // Art. 33(3)(a): the nature of the breach; the ICO asks when it happened and when we found out.
  { id: 'details_of_the_breach', build: ({ ctx, facts }) => [natureSection(facts, ctx), timelineSection(null, 'controller')(facts, ctx)] },
  { id: 'staff_members', build: (d) => [labelled(T.staff.en, d.own.gap('ico.staff'))] },
  // Art. 33(3)(a) and (c): categories and numbers of people and records; the likely consequences and our assessment.
  { id: 'data_and_people', build: ({ ctx, facts }) => [subjectsAndDataSection(facts, ctx), consequencesSection(true)(facts, ctx)] },
  // Art. 33(3)(d): the measures taken or proposed, including mitigation; other organisations told.
  {
    id: 'containment',
    build: ({ ctx, facts }) => [measuresBeforeSection(facts, ctx), measuresTakenSection(facts, ctx), ...authoritiesToldBlocks(facts, ctx)],
  },
];

function icoReport(d: Draft): NoticeSection[] {
  const form = formOf(d.regime);
  const sections = UNDER_FORM_HEADINGS.map((s, i) => under(d, s.id, form.sections[i]!, s.build(d)));
  const clock = d.clock('authority_notification');
  // Art. 33(1): a report after 72 hours gives the reasons for the delay.
  const late = clock?.status === 'late' && clock.dueAt
    ? [fill(T.late.en, { due: d.ctx.formatInstant(clock.dueAt) }), labelled(d.ctx.t(R.delayReason), d.ctx.text(d.facts.delayReason, 'delayReason'))]
    : [];
  const communication = communicationSection(d.facts, d.ctx);
  sections.push(under(d, 'place_not_confirmed', T.placeUnconfirmed.en, [form.note, ...late, `**${communication.heading}**`, communication]));
  return sections;
}

function formOf(regime: RegimeProfile): NonNullable<RegimeProfile['authority']['form']> {
  const form = regime.authority.form;
  if (!form || form.sections.length !== UNDER_FORM_HEADINGS.length) {
    throw new RangeError(`${regime.id}: the ICO report is drafted under ${UNDER_FORM_HEADINGS.length} form headings; the profile gives ${form?.sections.length ?? 0}`);
  }
  return form;
}

/** The UK GDPR stages breachbot drafts, by stage id (the profile's `drafts`). */
export const UK_GDPR_DRAFTS: Readonly<Record<string, RegimeDraftBuilder>> = {
  authority_notification: (input, regime) =>
    buildStageDraft({ stage: 'authority_notification', basis: { en: 'Art. 33(1) and (3) UK GDPR' }, labels: ICO_FIELDS, sections: icoReport }, input, regime),
};
