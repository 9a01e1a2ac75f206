/**
 * A processor's notice to the controller (Art. 33(2)): what the processor knows, under the same
 * headings as the authority notice, and no risk decision (that is the controller's to make).
 */

import { DraftContext, type DraftOptions } from './context.js';
import { effectiveDeadline, isNotificationLate } from './deadline.js';
import { assembleDraft, labelled, section, type NoticeDraft, type NoticeSection } from './draft.js';
import type { NoticeFacts } from './facts.js';
import { fill } from './format.js';
import { PROCESSOR_SECTION_ORDER, REPORT_HEADINGS } from './headings.js';
import {
  type Builder, consequencesSection, contactsSection, delaySection, measuresBeforeSection, measuresTakenSection,
  natureSection, subjectsAndDataSection, timelineSection,
} from './report-sections.js';
import { REPORT_TEXT as T } from './report-text.js';

/** The controllers this notice goes to, from the recorded parties; a gap when none is recorded. */
function addressees(facts: NoticeFacts, ctx: DraftContext): string {
  const controllers = (facts.otherParties ?? []).filter((p) => p.role === 'controller' && p.name.trim() !== '');
  if (controllers.length === 0) return ctx.gaps.gap('otherParties.controller');
  return ctx.and(controllers.map((p) => (p.contact?.trim() ? `${p.name.trim()} (${p.contact.trim()})` : p.name.trim())));
}

function aboutSection(facts: NoticeFacts, ctx: DraftContext): NoticeSection {
  return section('about', REPORT_HEADINGS.about, ctx, [
    fill(ctx.t(T.processorIntro), { org: ctx.text(facts.organisation?.name, 'organisation.name') }),
    labelled(ctx.t(T.ourReference), ctx.text(facts.reference, 'reference')),
    labelled(ctx.t(T.title), ctx.text(facts.title, 'title')),
  ]);
}

export function draftProcessorNotice(facts: NoticeFacts, options: DraftOptions): NoticeDraft {
  const ctx = new DraftContext(options);
  // The contract's deadline, as recorded by the clock; never derived (effectiveDeadline knows the role).
  // For a processor, the recorded notification state is its notice to the controller.
  const asProcessor: NoticeFacts = { ...facts, role: 'processor' };
  const deadline = effectiveDeadline(asProcessor, ctx.zone);
  const late = isNotificationLate(asProcessor, ctx.now, ctx.zone);
  const to = addressees(facts, ctx);
  const builders: Record<(typeof PROCESSOR_SECTION_ORDER)[number], Builder | null> = {
    about: aboutSection,
    processor_contacts: contactsSection('processor'),
    timeline: timelineSection(deadline, 'processor'),
    delay: late && deadline ? delaySection(deadline, 'processor') : null,
    nature: natureSection,
    subjects_and_data: subjectsAndDataSection,
    measures_before: measuresBeforeSection,
    consequences: consequencesSection(false),
    measures_taken: measuresTakenSection,
    controller_decides: (_facts, c) =>
      section('controller_decides', REPORT_HEADINGS.controller_decides, c, [c.t(T.controllerDecides), c.t(T.controllerDeadline), c.t(T.askUs)]),
  };
  const sections: NoticeSection[] = PROCESSOR_SECTION_ORDER.flatMap((id) => {
    const build = builders[id];
    return build ? [build(facts, ctx)] : [];
  });
  return assembleDraft({
    kind: 'processor',
    ctx,
    title: ctx.t(T.processorTitle),
    headerLines: [labelled(ctx.t(T.to), to)],
    sections,
    warnOnReadability: false,
  });
}
