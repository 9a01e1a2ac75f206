/**
 * Section builders shared by the notice to the authority (Art. 33(1)) and the processor's notice to
 * the controller (Art. 33(2)): the same headings, written once for both languages.
 */

import type { DateTime } from 'luxon';
import { countryName } from '../breach/countries.js';
import { INCIDENT_CATEGORY_LABELS } from '../breach/incident-category.js';
import type { DraftContext } from './context.js';
import { labelled, section, type NoticeSection } from './draft.js';
import type { NoticeFacts, OtherParty } from './facts.js';
import { fill, formatNumber } from './format.js';
import { REPORT_HEADINGS } from './headings.js';
import {
  BREACH_TYPE_LABELS, CHANNEL_LABELS, DATA_TYPE_LABELS, LEVEL_LABELS, NO_COMMUNICATION_LABELS,
  PARTY_ROLE_LABELS, RISK_LABELS, ROLE_LABELS, SPECIAL_DATA_TYPES, SUBJECT_GROUP_LABELS,
} from './labels.js';
import { isRecorded } from './placeholders.js';
import { ENISA_METHOD } from './reference.js';
import { REPORT_TEXT as T } from './report-text.js';

export type Builder = (facts: NoticeFacts, ctx: DraftContext) => NoticeSection;

/** An ISO instant is formatted; anything else recorded (e.g. "after the forensic report") is kept as typed. */
function timeOrText(value: string | null | undefined, ctx: DraftContext): string | null {
  if (!isRecorded(value)) return null;
  return /^\d{4}-\d{2}-\d{2}/.test(value.trim()) ? ctx.instant(value, 'notification.supplementExpectedBy') : value.trim();
}

export const notificationTypeSection: Builder = (facts, ctx) => {
  const n = facts.notification;
  const type =
    n?.type === 'new' ? ctx.t(T.newNotification)
    : n?.type === 'follow_up' ? `${ctx.t(T.followUpTo)} ${ctx.text(n.earlierReference, 'notification.earlierReference')}.`
    : ctx.gaps.gap('notification.type');
  const completeness =
    n?.completeness === 'complete' ? ctx.t(T.complete)
    : n?.completeness === 'initial' ? ctx.t(T.initial)
    : ctx.gaps.gap('notification.completeness');
  return section('notification_type', REPORT_HEADINGS.notification_type, ctx, [
    labelled(ctx.t(T.notificationType), type),
    labelled(ctx.t(T.completeness), completeness),
    n?.completeness === 'initial'
      ? labelled(ctx.t(T.supplementExpectedBy), timeOrText(n.supplementExpectedBy, ctx) ?? ctx.gaps.gap('notification.supplementExpectedBy'))
      : '',
    labelled(ctx.t(T.ourReference), ctx.text(facts.reference, 'reference')),
    labelled(ctx.t(T.title), ctx.text(facts.title, 'title')),
  ]);
};

/** The DPO or contact point: name, e-mail and phone, each a gap when not recorded (Art. 33(3)(b)). */
export function contactLine(ctx: DraftContext, facts: NoticeFacts): string {
  const dpo = facts.organisation?.dpo;
  return [
    ctx.text(dpo?.name, 'organisation.dpo.name'),
    ctx.text(dpo?.email, 'organisation.dpo.email'),
    ctx.text(dpo?.phone, 'organisation.dpo.phone'),
  ].join(', ');
}

/** The person reporting: name and function (gaps when not recorded), and their e-mail and phone when recorded. */
export function reporterLine(ctx: DraftContext, facts: NoticeFacts): string {
  const reporter = facts.reporter;
  return [
    `${ctx.text(reporter?.name, 'reporter.name')} (${ctx.text(reporter?.function, 'reporter.function')})`,
    ...[reporter?.email, reporter?.phone].filter(isRecorded).map((v) => v.trim()),
  ].join(', ');
}

function partyLine(party: OtherParty, ctx: DraftContext): string {
  const role = ctx.t(PARTY_ROLE_LABELS[party.role]);
  return `${party.name} (${role}${isRecorded(party.contact) ? `, ${party.contact.trim()}` : ''})`;
}

/** `as`: whose details these are; the processor's notice names us as processor and shows no role choice. */
export function contactsSection(as: 'controller' | 'processor'): Builder {
  return (facts, ctx) => {
    const org = facts.organisation;
    const reporter = reporterLine(ctx, facts);
    const parties = facts.otherParties ? facts.otherParties.map((p) => partyLine(p, ctx)) : null;
    return section(as === 'controller' ? 'contacts' : 'processor_contacts',
      as === 'controller' ? REPORT_HEADINGS.contacts : REPORT_HEADINGS.processor_contacts, ctx, [
        as === 'controller'
          ? labelled(ctx.t(T.ourRole), facts.role ? ctx.t(ROLE_LABELS[facts.role]) : ctx.gaps.gap('role'))
          : '',
        labelled(ctx.t(as === 'controller' ? T.controller : T.processor), ctx.text(org?.name, 'organisation.name')),
        labelled(ctx.t(T.cvr), ctx.text(org?.cvr, 'organisation.cvr')),
        labelled(ctx.t(T.address), ctx.text(org?.address, 'organisation.address')),
        labelled(ctx.t(T.sector), ctx.text(org?.sector, 'organisation.sector')),
        labelled(ctx.t(T.reporter), reporter),
        labelled(ctx.t(T.dpo), contactLine(ctx, facts)),
        labelled(ctx.t(T.otherParties), ctx.bullets(parties, 'otherParties')),
      ]);
  };
}

export function timelineSection(deadline: DateTime | null, as: 'controller' | 'processor'): Builder {
  return (facts, ctx) => {
    const started = facts.startedAt === 'unknown' ? ctx.t(T.startUnknown) : ctx.instant(facts.startedAt, 'startedAt');
    const ongoing =
      facts.ongoing === true ? ctx.t(T.ongoingYes)
      : facts.ongoing === false ? `${ctx.t(T.ongoingNo)}.`
      : ctx.gaps.gap('ongoing');
    return section('timeline', REPORT_HEADINGS.timeline, ctx, [
      labelled(ctx.t(T.started), started),
      labelled(ctx.t(T.ongoingLabel), ongoing),
      // When it ended is asked once it is over (or recorded anyway); while it goes on there is no end.
      facts.ongoing === false || (facts.ongoing == null && isRecorded(facts.endedAt)) ? labelled(ctx.t(T.endedAt), ctx.instant(facts.endedAt, 'endedAt')) : '',
      labelled(ctx.t(T.detectedAt), ctx.instant(facts.detectedAt, 'detectedAt')),
      labelled(ctx.t(T.awareAt), ctx.instant(facts.awareAt, 'awareAt')),
      labelled(ctx.t(T.discovery), ctx.text(facts.discovery, 'discovery')),
      deadline
        ? labelled(ctx.t(as === 'controller' ? T.authorityDeadline : T.processorDeadline), ctx.formatInstant(deadline))
        : '',
    ]);
  };
}

export function delaySection(deadline: DateTime, as: 'controller' | 'processor'): Builder {
  return (facts, ctx) =>
    section('delay', REPORT_HEADINGS.delay, ctx, [
      fill(ctx.t(as === 'controller' ? T.authorityLate : T.processorLate), { deadline: ctx.formatInstant(deadline) }),
      labelled(ctx.t(T.delayReason), ctx.text(facts.delayReason, 'delayReason')),
    ]);
}

export const natureSection: Builder = (facts, ctx) => {
  const cause = facts.cause;
  const origin = cause?.origin ? ctx.t(T[cause.origin]) : ctx.gaps.gap('cause.origin');
  const malicious =
    cause?.malicious === true ? ctx.t(T.malicious)
    : cause?.malicious === false ? ctx.t(T.notMalicious)
    : ctx.gaps.gap('cause.malicious');
  const causeDetail = isRecorded(cause?.description) ? ` ${cause.description.trim()}` : '';
  const category = facts.incidentCategory ? ctx.t(INCIDENT_CATEGORY_LABELS[facts.incidentCategory]) : ctx.gaps.gap('incidentCategory');
  return section('nature', REPORT_HEADINGS.nature, ctx, [
    labelled(ctx.t(T.incidentCategory), category),
    labelled(ctx.t(T.breachType), ctx.labels(facts.breachTypes, BREACH_TYPE_LABELS, 'breachTypes')),
    labelled(ctx.t(T.whatHappened), ctx.text(facts.description, 'description')),
    labelled(ctx.t(T.cause), `${origin}; ${malicious}.${causeDetail}`),
    labelled(ctx.t(T.systems), ctx.bullets(facts.systems, 'systems')),
  ]);
};

/** Enumerated categories and the team's own words together; a gap only when neither is recorded. */
function categories(
  ctx: DraftContext,
  labels: string | null,
  description: string | null | undefined,
  field: 'subjects.categories' | 'data.types',
): string {
  const parts = [labels, isRecorded(description) ? description.trim() : null].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join('; ') : ctx.gaps.gap(field);
}

export const subjectsAndDataSection: Builder = (facts, ctx) => {
  const s = facts.subjects;
  const d = facts.data;
  const groups = s?.groups?.length ? ctx.and(s.groups.map((g) => ctx.t(SUBJECT_GROUP_LABELS[g]))) : null;
  const types = d?.types?.length ? ctx.and(d.types.map((t) => ctx.t(DATA_TYPE_LABELS[t]))) : null;
  const special = d?.types?.length ? d.types.filter((t) => SPECIAL_DATA_TYPES.has(t)) : null;
  return section('subjects_and_data', REPORT_HEADINGS.subjects_and_data, ctx, [
    labelled(ctx.t(T.subjectCategories), categories(ctx, groups, s?.description, 'subjects.categories')),
    labelled(ctx.t(T.subjectCount), ctx.count(s?.count, s?.countIsApproximate, 'subjects.count')),
    labelled(ctx.t(T.dataTypes), categories(ctx, types, d?.description, 'data.types')),
    // Derived from the recorded data types only; not shown when they are not recorded.
    special
      ? labelled(ctx.t(T.specialData), special.length > 0
        ? `${ctx.t(T.yes)} (${ctx.and(special.map((t) => ctx.t(DATA_TYPE_LABELS[t])))})`
        : ctx.t(T.no))
      : '',
    labelled(ctx.t(T.recordsCount), ctx.count(d?.recordsCount, d?.recordsCountIsApproximate, 'data.recordsCount')),
    labelled(ctx.t(T.unintelligible), yesNo(facts.dataUnintelligible, ctx) ?? protectionText(facts, ctx) ?? ctx.gaps.gap('dataUnintelligible')),
  ]);
};

/** The risk assessment's answer on encryption (facts.ts DataProtectionFacts), when the team recorded no yes or no. */
function protectionText(facts: NoticeFacts, ctx: DraftContext): string | null {
  const p = facts.dataProtection;
  if (!p) return null;
  if (p.state === 'none') return yesNo(false, ctx);
  if (p.state === 'compromised') return ctx.t(T.unintelligibleCompromised);
  return p.covers?.length
    ? fill(ctx.t(T.unintelligibleOnly), { types: ctx.and(p.covers.map((t) => ctx.t(DATA_TYPE_LABELS[t]))) })
    : yesNo(true, ctx);
}

export const measuresBeforeSection: Builder = (facts, ctx) =>
  section('measures_before', REPORT_HEADINGS.measures_before, ctx, [
    labelled(ctx.t(T.measuresBefore), ctx.bullets(facts.measuresBefore, 'measuresBefore')),
  ]);

function yesNo(value: boolean | null | undefined, ctx: DraftContext): string | null {
  return value === true ? `${ctx.t(T.yes)}.` : value === false ? `${ctx.t(T.no)}.` : null;
}

/**
 * The risk assessment as decided, and only that (issue 11): the outcome in force, the ENISA score
 * of the recorded answers, and the reasons: the engine's decisive findings when its outcome was
 * accepted, the recorded justification when it was overridden. Until someone decides, the decision is
 * a gap: the engine's proposal is not yet the controller's assessment.
 */
function riskBlocks(facts: NoticeFacts, ctx: DraftContext): string[] {
  const a = facts.assessment;
  if (!a) return [labelled(ctx.t(T.riskAssessment), ctx.gaps.gap('assessment'))];
  const n = (x: number): string => formatNumber(x, ctx.lang);
  const { dpc, ei, cb, score, level } = a.severity;
  const severity = labelled(ctx.t(T.severity),
    `${ctx.t(ENISA_METHOD)}: ${n(dpc)} × ${n(ei)} + ${n(cb)} = ${n(score)} (${ctx.t(LEVEL_LABELS[level])}).`);
  const d = facts.decision;
  if (!d) return [labelled(ctx.t(T.riskAssessment), ctx.gaps.gap('decision')), severity];
  const outcome = labelled(ctx.t(T.riskAssessment), fill(ctx.t(T.riskSentence), { risk: ctx.t(RISK_LABELS[a.risk]) }));
  if (d.kind === 'overridden') {
    return [outcome, `${ctx.t(T.decidedOnGrounds)} ${ctx.text(d.justification, 'decision')}`, severity];
  }
  // The engine's findings, each written in both languages (assessment/reasons.ts): this draft's own.
  return [outcome, severity, a.reasons.length > 0 ? labelled(ctx.t(T.reasons), ctx.bullets(a.reasons.map((r) => ctx.t(r)), 'assessment')) : ''];
}

/** `withRisk`: the controller's risk assessment; a processor's notice leaves the decision to the controller. */
export function consequencesSection(withRisk: boolean): Builder {
  return (facts, ctx) =>
    section(withRisk ? 'consequences_and_risk' : 'consequences',
      withRisk ? REPORT_HEADINGS.consequences_and_risk : REPORT_HEADINGS.consequences, ctx, [
        labelled(ctx.t(T.actualConsequences), ctx.text(facts.actualConsequences, 'actualConsequences')),
        labelled(ctx.t(T.likelyConsequences), ctx.text(facts.likelyConsequences, 'likelyConsequences')),
        ...(withRisk ? riskBlocks(facts, ctx) : []),
      ]);
}

export const measuresTakenSection: Builder = (facts, ctx) =>
  section('measures_taken', REPORT_HEADINGS.measures_taken, ctx, [
    labelled(ctx.t(T.measuresTaken), ctx.bullets(facts.measuresTaken, 'measuresTaken')),
    labelled(ctx.t(T.measuresProposed), ctx.bullets(facts.measuresProposed, 'measuresProposed')),
    labelled(ctx.t(T.mitigation), ctx.bullets(facts.mitigation, 'mitigation')),
  ]);

function communicationBlocks(facts: NoticeFacts, ctx: DraftContext): string[] {
  const c = facts.communication;
  if (!c) return [labelled(ctx.t(T.status), ctx.gaps.gap('communication'))];
  if (c.status === 'not_communicated') {
    // "Another reason" is no reason: the reason is ours, in our words, below.
    const status = c.reason === 'other' ? ctx.t(T.notCommunicatedOwnReason)
      : `${ctx.t(T.notCommunicated)} ${c.reason ? ctx.t(NO_COMMUNICATION_LABELS[c.reason]) : ctx.gaps.gap('communication.reason')}.`;
    // A "§ 22" restriction needs the DPO's written justification, and "other" needs saying what it is.
    const noteRequired = c.reason === 'other' || c.reason === 'restriction_s22';
    return [
      labelled(ctx.t(T.status), status),
      noteRequired || isRecorded(c.note) ? labelled(ctx.t(T.ourReason), ctx.text(c.note, 'communication.note')) : '',
    ];
  }
  const how = `${ctx.labels(c.channels, CHANNEL_LABELS, 'communication.channels')}${c.isPublic ? `, ${ctx.t(T.publicCommunication)}` : ''}`;
  const done = c.status === 'done';
  return [
    labelled(ctx.t(T.status), ctx.t(done ? T.communicated : T.planned)),
    labelled(ctx.t(done ? T.when : T.plannedWhen), ctx.instant(c.at, 'communication.at')),
    labelled(ctx.t(T.how), how),
    // How many were told is known only for a direct communication that has been sent.
    done && !c.isPublic ? labelled(ctx.t(T.countTold), ctx.count(c.count, false, 'communication.count')) : '',
    ctx.t(T.textAttached),
  ];
}

export const communicationSection: Builder = (facts, ctx) =>
  section('communication', REPORT_HEADINGS.communication, ctx, communicationBlocks(facts, ctx));

/** Whether the police and other authorities were told (the report's "other organisations told"). */
export function authoritiesToldBlocks(facts: NoticeFacts, ctx: DraftContext): string[] {
  const o = facts.otherAuthorities;
  const ref = isRecorded(o?.policeReference) ? ` (${ctx.t(T.policeReference)}: ${o.policeReference.trim()})` : '';
  const police =
    o?.police === true ? `${ctx.t(T.yes)}${ref}.`
    : o?.police === false ? `${ctx.t(T.no)}.`
    : ctx.gaps.gap('otherAuthorities.police');
  return [
    labelled(ctx.t(T.police), police),
    labelled(ctx.t(T.otherAuthorities), ctx.bullets(o?.others, 'otherAuthorities.others')),
  ];
}

export const otherAuthoritiesSection: Builder = (facts, ctx) => {
  const told = authoritiesToldBlocks(facts, ctx);
  const x = facts.crossBorder;
  const perCountry = (c: { country: string; count?: number | null }) =>
    `${countryName(c.country, ctx.lang)} (${ctx.count(c.count, false, 'crossBorder.counts')})`;
  const crossBorder =
    x?.involved === true
      ? `${ctx.t(T.yes)}: ${x.countries?.length ? ctx.and(x.countries.map(perCountry)) : ctx.gaps.gap('crossBorder.countries')}.`
    : x?.involved === false ? `${ctx.t(T.no)}.`
    : ctx.gaps.gap('crossBorder.involved');
  return section('other_authorities', REPORT_HEADINGS.other_authorities, ctx, [...told, labelled(ctx.t(T.crossBorder), crossBorder)]);
};
