/**
 * The notification to the supervisory authority (Art. 33; Datatilsynet for Denmark), in the EDPB
 * common template's section order so it maps onto the reporting form field by field. Datatilsynet's
 * twelve items are all covered: contact (2), description (4), persons (5), records (5), consequences
 * so far and likely (7), measures taken (8), measures before (6), mitigation (8), communication and
 * why not (9), and when missing information follows (1).
 */

import { DraftContext, type DraftOptions } from './context.js';
import { effectiveDeadline, isNotificationLate } from './deadline.js';
import { assembleDraft, labelled, type NoticeDraft, type NoticeSection } from './draft.js';
import type { NoticeFacts } from './facts.js';
import { AUTHORITY_SECTION_ORDER } from './headings.js';
import { SUBMISSION_ROUTE } from './reference.js';
import {
  type Builder, communicationSection, consequencesSection, contactsSection, delaySection, measuresBeforeSection,
  measuresTakenSection, natureSection, notificationTypeSection, otherAuthoritiesSection,
  subjectsAndDataSection, timelineSection,
} from './report-sections.js';
import { REPORT_TEXT as T } from './report-text.js';

export function draftAuthorityNotice(facts: NoticeFacts, options: DraftOptions): NoticeDraft {
  const ctx = new DraftContext(options);
  const deadline = effectiveDeadline(facts, ctx.zone);
  const late = isNotificationLate(facts, ctx.now, ctx.zone);
  // Keyed by section id and laid out in AUTHORITY_SECTION_ORDER, so the order lives in one place.
  const builders: Record<(typeof AUTHORITY_SECTION_ORDER)[number], Builder | null> = {
    notification_type: notificationTypeSection,
    contacts: contactsSection('controller'),
    timeline: timelineSection(deadline, 'controller'),
    delay: late && deadline ? delaySection(deadline, 'controller') : null,
    nature: natureSection,
    subjects_and_data: subjectsAndDataSection,
    measures_before: measuresBeforeSection,
    consequences_and_risk: consequencesSection(true),
    measures_taken: measuresTakenSection,
    communication: communicationSection,
    other_authorities: otherAuthoritiesSection,
  };
  const sections: NoticeSection[] = AUTHORITY_SECTION_ORDER.flatMap((id) => {
    const build = builders[id];
    return build ? [build(facts, ctx)] : [];
  });
  return assembleDraft({
    kind: 'authority',
    ctx,
    title: ctx.t(T.authorityTitle),
    headerLines: [labelled(ctx.t(T.to), ctx.t(T.authorityAddressee)), ctx.t(SUBMISSION_ROUTE)],
    sections,
    warnOnReadability: false,
    ...(options.onRequest ? { banner: ctx.t(T.draftedOnRequest) } : {}),
  });
}
