/**
 * "Never invent a fact", as a property: for any subset of recorded facts, every recorded value shows
 * up in the drafts that use it, no unrecorded value ever does, and every unrecorded fact a notice
 * needs becomes exactly one counted placeholder (and nothing else does).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  draftAuthorityNotice, draftProcessorNotice, draftSubjectNotice, placeholder,
  type FieldKey, type Language, type NoticeDraft, type NoticeFacts,
} from '../../../src/domain/notices/index.js';

type Kind = 'authority' | 'processor' | 'subject' | 'subject_public';
const KINDS: Kind[] = ['authority', 'processor', 'subject', 'subject_public'];
const REPORTS: Kind[] = ['authority', 'processor'];
const SUBJECTS: Kind[] = ['subject', 'subject_public'];

/** A value no fixed text could contain; the name says which fact it stands for. */
const S = (name: string): string => `SNTL-${name}-END`;

/** Mutable skeleton: the objects exist, and the conditions that make fields relevant are fixed. */
interface Draftable extends NoticeFacts {
  organisation: NonNullable<NoticeFacts['organisation']> & { dpo: NonNullable<NonNullable<NoticeFacts['organisation']>['dpo']> };
  reporter: NonNullable<NoticeFacts['reporter']>;
  cause: NonNullable<NoticeFacts['cause']>;
  subjects: NonNullable<NoticeFacts['subjects']>;
  data: NonNullable<NoticeFacts['data']>;
  exposure: NonNullable<NoticeFacts['exposure']>;
  notification: NonNullable<NoticeFacts['notification']>;
  communication: Extract<NonNullable<NoticeFacts['communication']>, { status: 'done' }>;
  otherAuthorities: NonNullable<NoticeFacts['otherAuthorities']>;
  subjectText: NonNullable<NoticeFacts['subjectText']>;
}

const NOW = '2031-08-01T00:00:00Z';

function skeleton(): Draftable {
  return {
    organisation: { dpo: {} },
    reporter: {},
    cause: {},
    subjects: {},
    data: {},
    exposure: {},
    breachTypes: ['confidentiality'], // makes "who may have seen it" relevant to the subject notice
    deadline: '2031-07-22T10:00:00Z',
    // A follow-up (so the earlier reference is needed) to a late notification (so the delay section
    // is there), initial (so "when will the rest follow" is needed), communicated directly.
    notification: { type: 'follow_up', completeness: 'initial', earlierSubmittedAt: '2031-07-23T10:00:00Z' },
    communication: { status: 'done', isPublic: false },
    otherAuthorities: {},
    subjectText: {},
  };
}

interface Spec {
  name: string;
  set: (f: Draftable) => void;
  /** The placeholders an unset value must produce, per notice kind. */
  gaps: Partial<Record<Kind, FieldKey[]>>;
  /** Text identifying the recorded value: must appear where shown, never when unset. */
  sentinels: Record<Language, string[]>;
  /** Extra text that must appear when set (e.g. a translated label), per kind. */
  labels?: (kind: Kind, lang: Language) => string[];
  showsIn: Kind[];
  /** Kinds that must not show the value even when it is recorded. */
  hiddenIn?: Kind[];
}

const text = (name: string, set: (f: Draftable, v: string) => void, gapKinds: Kind[], field: FieldKey, showsIn = gapKinds): Spec => ({
  name,
  set: (f) => set(f, S(name)),
  gaps: Object.fromEntries(gapKinds.map((k) => [k, [field]])),
  sentinels: { en: [S(name)], da: [S(name)] },
  showsIn,
});
const both = (s: string): Record<Language, string[]> => ({ en: [s], da: [s] });
const gapsIn = (kinds: Kind[], ...fields: FieldKey[]): Partial<Record<Kind, FieldKey[]>> =>
  Object.fromEntries(kinds.map((k) => [k, fields]));

const SPECS: Spec[] = [
  text('orgName', (f, v) => { f.organisation.name = v; }, KINDS, 'organisation.name'),
  text('cvr', (f, v) => { f.organisation.cvr = v; }, REPORTS, 'organisation.cvr'),
  text('address', (f, v) => { f.organisation.address = v; }, REPORTS, 'organisation.address'),
  text('dpoName', (f, v) => { f.organisation.dpo.name = v; }, KINDS, 'organisation.dpo.name'),
  text('dpoEmail', (f, v) => { f.organisation.dpo.email = v; }, KINDS, 'organisation.dpo.email'),
  text('dpoPhone', (f, v) => { f.organisation.dpo.phone = v; }, KINDS, 'organisation.dpo.phone'),
  text('reporter', (f, v) => { f.reporter.name = v; }, REPORTS, 'reporter.name'),
  text('reporterFunction', (f, v) => { f.reporter.function = v; }, REPORTS, 'reporter.function'),
  text('sector', (f, v) => { f.organisation.sector = v; }, REPORTS, 'organisation.sector'),
  text('reference', (f, v) => { f.reference = v; }, REPORTS, 'reference'),
  text('title', (f, v) => { f.title = v; }, REPORTS, 'title'),
  // The notice to the people uses words of its own (subjectText), never the internal wording.
  text('description', (f, v) => { f.description = v; }, REPORTS, 'description'),
  text('discovery', (f, v) => { f.discovery = v; }, REPORTS, 'discovery'),
  text('systems', (f, v) => { f.systems = [v]; }, REPORTS, 'systems'),
  text('subjectsDescription', (f, v) => { f.subjects.description = v; }, [...REPORTS, 'subject_public'], 'subjects.categories'),
  text('dataDescription', (f, v) => { f.data.description = v; f.data.types = ['basic_identity']; }, KINDS, 'data.types'),
  text('exposureWho', (f, v) => { f.exposure.who = v; }, SUBJECTS, 'exposure.who'),
  text('measuresBefore', (f, v) => { f.measuresBefore = [v]; }, REPORTS, 'measuresBefore'),
  text('measuresTaken', (f, v) => { f.measuresTaken = [v]; }, REPORTS, 'measuresTaken'),
  text('measuresProposed', (f, v) => { f.measuresProposed = [v]; }, REPORTS, 'measuresProposed'),
  text('mitigation', (f, v) => { f.mitigation = [v]; }, REPORTS, 'mitigation'),
  text('actualConsequences', (f, v) => { f.actualConsequences = v; }, REPORTS, 'actualConsequences'),
  text('likelyConsequences', (f, v) => { f.likelyConsequences = v; }, REPORTS, 'likelyConsequences'),
  text('subjectWhatHappened', (f, v) => { f.subjectText.whatHappened = v; }, SUBJECTS, 'subjectText.whatHappened'),
  text('subjectCause', (f, v) => { f.subjectText.cause = v; }, SUBJECTS, 'subjectText.cause'),
  text('subjectConsequences', (f, v) => { f.subjectText.consequences = v; }, SUBJECTS, 'subjectText.consequences'),
  text('subjectMeasures', (f, v) => { f.subjectText.measures = v; }, SUBJECTS, 'subjectText.measures'),
  text('subjectApology', (f, v) => { f.subjectText.apology = v; }, [], 'subjectText.apology', SUBJECTS),
  text('notInvolved', (f, v) => { f.data.notInvolved = v; }, [], 'data.notInvolved', SUBJECTS),
  text('earlierReference', (f, v) => { f.notification.earlierReference = v; }, ['authority'], 'notification.earlierReference'),
  text('supplementBy', (f, v) => { f.notification.supplementExpectedBy = v; }, ['authority'], 'notification.supplementExpectedBy'),
  text('delayReason', (f, v) => { f.delayReason = v; }, REPORTS, 'delayReason'),
  text('advice', (f, v) => { f.subjectAdvice = { steps: [v] }; }, SUBJECTS, 'subjectAdvice'),
  text('publicReason', (f, v) => { f.publicNoticeReason = v; }, ['subject_public'], 'publicNoticeReason'),
  text('otherAuthority', (f, v) => { f.otherAuthorities.others = [v]; }, ['authority'], 'otherAuthorities.others'),
  {
    name: 'awareAt',
    set: (f) => { f.awareAt = '2031-07-19T10:00:00Z'; },
    gaps: gapsIn(REPORTS, 'awareAt'),
    sentinels: { en: ['19 July 2031'], da: ['19. juli 2031'] },
    showsIn: KINDS, // optional in the subject notice, but shown when known
  },
  {
    name: 'startedAt',
    set: (f) => { f.startedAt = '2031-07-11T10:00:00Z'; },
    gaps: gapsIn(KINDS, 'startedAt'),
    sentinels: { en: ['11 July 2031'], da: ['11. juli 2031'] },
    showsIn: KINDS,
  },
  {
    name: 'detectedAt',
    set: (f) => { f.detectedAt = '2031-07-15T10:00:00Z'; },
    gaps: gapsIn(REPORTS, 'detectedAt'),
    sentinels: { en: ['15 July 2031'], da: ['15. juli 2031'] },
    showsIn: REPORTS,
  },
  {
    name: 'submittedAt',
    set: (f) => { f.notification.submittedAt = '2031-07-24T10:00:00Z'; },
    gaps: gapsIn(SUBJECTS, 'notification.submittedAt'),
    sentinels: { en: ['24 July 2031'], da: ['24. juli 2031'] },
    showsIn: SUBJECTS,
  },
  {
    name: 'communicationAt',
    set: (f) => { f.communication.at = '2031-07-25T10:00:00Z'; },
    gaps: gapsIn(['authority'], 'communication.at'),
    sentinels: { en: ['25 July 2031'], da: ['25. juli 2031'] },
    showsIn: ['authority'],
  },
  {
    name: 'subjectsCount',
    set: (f) => { f.subjects.count = 987654; },
    gaps: gapsIn(REPORTS, 'subjects.count'),
    sentinels: { en: ['987,654'], da: ['987.654'] },
    showsIn: [...REPORTS, 'subject_public'],
  },
  {
    name: 'recordsCount',
    set: (f) => { f.data.recordsCount = 876543; },
    gaps: gapsIn(REPORTS, 'data.recordsCount'),
    sentinels: { en: ['876,543'], da: ['876.543'] },
    showsIn: REPORTS,
  },
  {
    name: 'communicationCount',
    set: (f) => { f.communication.count = 765432; },
    gaps: gapsIn(['authority'], 'communication.count'),
    sentinels: { en: ['765,432'], da: ['765.432'] },
    showsIn: ['authority'],
  },
  {
    name: 'otherParties',
    set: (f) => { f.otherParties = [{ name: S('party'), role: 'controller' }]; },
    gaps: { authority: ['otherParties'], processor: ['otherParties', 'otherParties.controller'] },
    sentinels: both(S('party')),
    showsIn: REPORTS,
  },
  {
    name: 'assessment',
    set: (f) => {
      f.assessment = {
        severity: { dpc: 3, ei: 0.75, cb: 0.5, score: 2.75, level: 'medium' }, risk: 'risk',
        notifyAuthority: true, notifyController: false, communicateToSubjects: 'individual',
        exemption: null, reasons: [{ en: S('reason'), da: S('begrundelse') }],
      };
      // The assessment as accepted: until someone decides, the draft asks for the decision.
      f.decision = { kind: 'accepted' };
    },
    gaps: gapsIn(['authority'], 'assessment'),
    // Each draft states the engine's findings in its own language.
    sentinels: { en: [S('reason')], da: [S('begrundelse')] },
    showsIn: ['authority'],
    hiddenIn: ['processor', ...SUBJECTS], // a processor makes no risk decision; people get no method
  },
  {
    name: 'police',
    set: (f) => { f.otherAuthorities.police = true; f.otherAuthorities.policeReference = S('police'); },
    gaps: gapsIn(['authority'], 'otherAuthorities.police'),
    sentinels: both(S('police')),
    showsIn: ['authority'],
  },
  {
    name: 'crossBorder',
    set: (f) => { f.crossBorder = { involved: true, countries: [{ country: S('country'), count: 4242 }, { country: 'SE', count: 17 }] }; },
    gaps: gapsIn(['authority'], 'crossBorder.involved'),
    sentinels: { en: [`${S('country')} (4,242) and Sweden (17)`], da: [`${S('country')} (4.242) og Sverige (17)`] },
    showsIn: ['authority'],
  },
  // Enumerated answers: no sentinel (their words also occur in fixed text), but the label must show.
  {
    name: 'role',
    set: (f) => { f.role = 'joint_controller'; },
    gaps: gapsIn(['authority'], 'role'),
    sentinels: { en: [], da: [] },
    labels: (_k, lang) => [lang === 'en' ? '**Our role:** joint controller' : '**Vores rolle:** fælles dataansvarlig'],
    showsIn: ['authority'],
  },
  {
    name: 'ongoing',
    set: (f) => { f.ongoing = true; },
    gaps: gapsIn(KINDS, 'ongoing'),
    sentinels: { en: [], da: [] },
    labels: (k, lang) => REPORTS.includes(k)
      ? [lang === 'en' ? 'Yes, the breach is ongoing.' : 'Ja, bruddet står stadig på.']
      : [lang === 'en' ? 'It is still going on.' : 'Det står stadig på.'],
    showsIn: KINDS,
  },
  {
    name: 'incidentCategory',
    set: (f) => { f.incidentCategory = 'phishing'; },
    gaps: gapsIn(REPORTS, 'incidentCategory'),
    sentinels: { en: [], da: [] },
    labels: (_k, lang) => [lang === 'en' ? '**Kind of incident:** phishing or social engineering' : '**Hændelsens art:** phishing eller social manipulation'],
    showsIn: REPORTS,
  },
  {
    name: 'dataUnintelligible',
    set: (f) => { f.dataUnintelligible = false; },
    gaps: gapsIn(REPORTS, 'dataUnintelligible'),
    sentinels: { en: [], da: [] },
    labels: (_k, lang) => [lang === 'en' ? 'unintelligible to whoever got them:** No.' : 'uforståelige for uvedkommende:** Nej.'],
    showsIn: REPORTS,
  },
  {
    name: 'causeOrigin',
    set: (f) => { f.cause.origin = 'external'; },
    gaps: gapsIn(REPORTS, 'cause.origin'),
    sentinels: { en: [], da: [] },
    labels: (_k, lang) => [lang === 'en' ? '**Cause:** external;' : '**Årsag:** ekstern;'],
    showsIn: REPORTS,
  },
  {
    name: 'causeMalicious',
    set: (f) => { f.cause.malicious = true; },
    gaps: gapsIn(REPORTS, 'cause.malicious'),
    sentinels: { en: [], da: [] },
    labels: (_k, lang) => [lang === 'en' ? 'deliberate (malicious).' : 'bevidst (ondsindet).'],
    showsIn: REPORTS,
  },
  {
    name: 'exposureStatus',
    set: (f) => { f.exposure.status = 'likely'; },
    gaps: gapsIn(SUBJECTS, 'exposure.status'),
    sentinels: { en: [], da: [] },
    labels: (_k, lang) => [lang === 'en' ? 'We think this is likely' : 'Vi vurderer, at det er sandsynligt'],
    showsIn: SUBJECTS,
  },
  {
    name: 'channels',
    set: (f) => { f.communication.channels = ['sms', 'letter']; },
    gaps: gapsIn(['authority'], 'communication.channels'),
    sentinels: { en: [], da: [] },
    labels: (_k, lang) => [lang === 'en' ? '**How:** SMS and letter' : '**Hvordan:** sms og brev'],
    showsIn: ['authority'],
  },
];

function draft(kind: Kind, facts: NoticeFacts, lang: Language): NoticeDraft {
  const options = { lang, now: NOW };
  switch (kind) {
    case 'authority': return draftAuthorityNotice(facts, options);
    case 'processor': return draftProcessorNotice(facts, options);
    case 'subject': return draftSubjectNotice(facts, options);
    case 'subject_public': return draftSubjectNotice(facts, { ...options, variant: 'public' });
  }
}

function check(chosen: readonly boolean[]): void {
  const facts = skeleton();
  SPECS.forEach((spec, i) => { if (chosen[i]) spec.set(facts); });
  for (const kind of KINDS) {
    for (const lang of ['en', 'da'] as const) {
      const d = draft(kind, facts, lang);
      const where = `${kind}/${lang}`;
      const expectedGaps = new Set<FieldKey>();
      SPECS.forEach((spec, i) => {
        if (chosen[i]) {
          const visible = spec.showsIn.includes(kind);
          for (const s of spec.sentinels[lang]) {
            if (visible) expect(d.markdown, `${where}: ${spec.name} recorded`).toContain(s);
            if (spec.hiddenIn?.includes(kind)) expect(d.markdown, `${where}: ${spec.name} hidden`).not.toContain(s);
          }
          if (visible) for (const l of spec.labels?.(kind, lang) ?? []) expect(d.markdown, `${where}: ${spec.name}`).toContain(l);
          for (const field of spec.gaps[kind] ?? []) expect(d.markdown).not.toContain(placeholder(field, lang));
        } else {
          for (const s of spec.sentinels[lang]) expect(d.markdown, `${where}: ${spec.name} not recorded`).not.toContain(s);
          for (const field of spec.gaps[kind] ?? []) {
            expectedGaps.add(field);
            expect(d.markdown, `${where}: placeholder for ${field}`).toContain(placeholder(field, lang));
          }
        }
      });
      expect(new Set(d.missing.map((m) => m.field)), where).toEqual(expectedGaps);
      expect(d.missingCount, where).toBe(expectedGaps.size);
      const shown = new Set(d.markdown.match(/\[(?:MISSING|MANGLER): [^\]]*\]/g) ?? []);
      expect(shown.size, `${where}: placeholders shown = gaps counted`).toBe(expectedGaps.size);
    }
  }
}

describe('no fact is invented', () => {
  it('with every fact recorded, shows them all and counts no gap', () => {
    check(SPECS.map(() => true));
  });

  it('with nothing recorded, shows only placeholders for what each notice needs', () => {
    check(SPECS.map(() => false));
  });

  it('for any subset of recorded facts', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: SPECS.length, maxLength: SPECS.length }), (chosen) => {
        check(chosen);
      }),
      { numRuns: 150 },
    );
    // 150 drafts × 4 kinds × 2 languages: seconds alone, more on a busy CI machine.
  }, 120_000);

  it('invents nothing from an empty record: no digits but the fixed references, no e-mail but Datatilsynet', () => {
    for (const kind of KINDS) {
      for (const lang of ['en', 'da'] as const) {
        const md = draft(kind, {}, lang).markdown;
        expect(md, `${kind}/${lang}: no angle brackets in fixed text`).not.toMatch(/[<>]/);
        const emails = md.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? [];
        expect(emails.filter((e) => e !== 'dt@datatilsynet.dk'), `${kind}/${lang}`).toEqual([]);
        // Remaining digits may only come from legal references, Datatilsynet's address and phone,
        // the ENISA year, the 72 hours, or the gap count in the header.
        const stripped = md
          .replace(/Carl Jacobsens Vej 35, DK-2500 Valby|\+45 33 19 32 00/g, '')
          .replace(/(?:Art\.|art\.) \d+(?:\(\d\))?(?:\([a-z]\))?|stk\. \d|§ \d+|art\. \d+ eller \d+|Art\. 9 or 10/g, '')
          .replace(/\b72\b|\(2013\)|Udkast: \d+|Draft: \d+/g, '');
        expect(stripped.match(/\d+/g) ?? [], `${kind}/${lang}`).toEqual([]);
      }
    }
  });
});
