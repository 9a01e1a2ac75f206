import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../../src/domain/assessment/result.js';
import { FACT_FIELDS, type RecordedFacts } from '../../../src/domain/breach/recorded-facts.js';
import { draftAuthorityNotice, draftSubjectNotice } from '../../../src/domain/notices/index.js';
import { buildDraftSet } from '../../../src/domain/notices/draft-set.js';
import { noticeFactsByLanguage, noticeFactsFrom, type AssessmentRecord, type NoticeSource } from '../../../src/domain/notices/from-breach.js';
import { EMPTY_ORGANISATION } from '../../../src/domain/settings-form.js';

/** A value no fixed text could contain; the name says which stored value it stands for. */
const S = (name: string) => `SNTL-${name}-END`;

const breach = {
  reference: 'BR-2026-0042',
  title: S('title'),
  description: S('description'),
  awareAt: new Date('2026-10-23T08:00:00Z'),
  startedAt: new Date('2026-10-20T06:00:00Z'),
  discovery: S('discovery'),
  role: 'controller',
  systems: S('systems'),
  ongoing: 'no',
  deadlineAt: new Date('2026-10-26T08:00:00Z'),
};

/** A text the team gave in both languages (the sentinel is the same in each). */
const both = <T,>(v: T) => ({ da: v, en: v });

const facts: Required<RecordedFacts> = {
  title: both(S('title')),
  subjectWhatHappened: both(S('subjectWhatHappened')),
  subjectNotAffected: both(S('subjectNotAffected')),
  subjectCause: both(S('subjectCause')),
  subjectConsequences: both(S('subjectConsequences')),
  subjectMeasures: both(S('subjectMeasures')),
  subjectNoActionReason: both(S('subjectNoActionReason')),
  publicNoticeReason: both(S('publicNoticeReason')),
  subjectApology: both(S('subjectApology')),
  description: both(S('description')),
  discovery: both(S('discovery')),
  subjectsDescription: both(S('subjectsDescription')),
  subjectsCount: 1234,
  subjectsApproximate: true,
  dataDescription: both(S('dataDescription')),
  recordsCount: 5678,
  recordsApproximate: false,
  exposureWho: both(S('exposureWho')),
  actualConsequences: both(S('actualConsequences')),
  likelyConsequences: both(S('likelyConsequences')),
  causeOrigin: 'external',
  causeMalicious: true,
  causeDescription: both(S('causeDescription')),
  measuresBefore: both([S('measuresBefore')]),
  measuresTaken: both([S('measuresTaken')]),
  measuresProposed: both([S('measuresProposed')]),
  mitigation: both([S('mitigation')]),
  subjectSteps: both([S('subjectSteps')]),
  controller: S('controller'),
  processors: [S('processors')],
  policeInformed: true,
  policeReference: S('policeReference'),
  otherAuthorities: [S('otherAuthorities')],
  crossBorder: true,
  crossBorderCountries: [{ country: S('crossBorderCountries'), count: 12 }],
  delayReason: both(S('delayReason')),
  supplementExpectedBy: S('supplementExpectedBy'),
  incidentCategory: 'hacking',
  dataUnintelligible: false,
  detectedAt: '2026-10-21T07:00:00.000Z',
  endedAt: '2026-10-22T07:00:00.000Z',
  reporterName: S('reporterName'),
  reporterFunction: S('reporterFunction'),
  sector: S('sector'),
};

const result: AssessmentResult = {
  severity: { dpc: 3, ei: 1, cb: 0.5, score: 3.5, level: 'high' },
  risk: 'high',
  notifyAuthority: true,
  notifyController: false,
  communicateToSubjects: 'individual',
  exemption: null,
  reasons: [S('reason')],
};

const full: NoticeSource = {
  breach,
  facts,
  assessment: {
    answers: { breachTypes: ['confidentiality'], subjectGroups: ['patients'], subjectsCount: 99, dataTypes: ['health'], recordsCount: 77, disclosure: 'likely', recipients: 'unknown', protection: 'compromised', malicious: false },
    result,
  },
  decision: { kind: 'overridden', notifyAuthority: true, communicateToSubjects: 'public', justification: S('justification') },
  notifications: [
    { target: 'authority', submittedAt: new Date('2026-10-27T09:00:00Z'), method: 'email', externalReference: S('externalReference'), completeness: 'initial', subjectsCount: null, isPublic: false },
    { target: 'subjects', submittedAt: new Date('2026-10-28T09:00:00Z'), method: 'website', externalReference: null, completeness: null, subjectsCount: 4321, isPublic: true },
  ],
  restriction: null,
  organisation: { name: S('orgName'), cvr: S('cvr'), address: S('address'), dpo: { name: S('dpoName'), email: S('dpoEmail'), phone: S('dpoPhone') } },
};

describe('noticeFactsFrom: from what is stored to the notices\' facts', () => {
  it('passes every stored value through', () => {
    const mapped = JSON.stringify(noticeFactsFrom(full));
    // All but the engine's reasons: the decision was overridden, so they argue for the outcome set aside.
    const sentinels = [...JSON.stringify(full).matchAll(/SNTL-[A-Za-z]+-END/g)].map((m) => m[0]).filter((s) => s !== S('reason'));
    expect(sentinels.length).toBeGreaterThan(30);
    for (const s of sentinels) expect(mapped, s).toContain(s);
    // Every facts-form field is used.
    for (const field of FACT_FIELDS) {
      const raw = facts[field];
      const v = raw && typeof raw === 'object' && 'en' in raw ? raw.en : raw;
      if (typeof v === 'string' || Array.isArray(v)) expect(mapped, field).toContain(Array.isArray(v) ? (typeof v[0] === 'string' ? v[0] : JSON.stringify(v[0])) : v);
    }
    const f = noticeFactsFrom(full);
    expect(f.subjects).toMatchObject({ count: 1234, countIsApproximate: true, groups: ['patients'] });
    expect(f.data).toMatchObject({ recordsCount: 5678, recordsCountIsApproximate: false, types: ['health'] });
    expect(f.cause).toEqual({ origin: 'external', malicious: true, description: S('causeDescription') });
    expect(f.exposure).toEqual({ who: S('exposureWho'), status: 'likely' });
    expect(f.assessment?.communicateToSubjects).toBe('public');
    expect(f.notification).toMatchObject({ type: 'follow_up', earlierReference: S('externalReference'), earlierSubmittedAt: '2026-10-27T09:00:00.000Z' });
    expect(f.communication).toEqual({ status: 'done', at: '2026-10-28T09:00:00.000Z', channels: ['website'], count: 4321, isPublic: true });
    expect(f.otherParties).toEqual([{ name: S('controller'), role: 'controller' }, { name: S('processors'), role: 'processor' }]);
  });

  it('the drafts show the stored texts, and the late notification has its reasons for the delay', () => {
    const f = noticeFactsFrom(full);
    const authority = draftAuthorityNotice(f, { lang: 'en', now: '2026-10-29T00:00:00Z' }).markdown;
    for (const name of ['title', 'description', 'discovery', 'systems', 'causeDescription', 'measuresBefore', 'measuresTaken', 'likelyConsequences', 'delayReason', 'policeReference', 'dpoEmail', 'justification', 'reporterName', 'reporterFunction', 'sector', 'crossBorderCountries']) {
      expect(authority, name).toContain(S(name));
    }
    // Overridden: the DPO's justification is the reason; the engine's reasons argued for the outcome set aside.
    expect(authority).not.toContain(S('reason'));
    expect(authority).toContain('**Kind of incident:** hacking');
    expect(authority).toContain('**The breach was detected:** 21 October 2026, 09:00 CEST');
    expect(authority).toContain('**The breach ended:** 22 October 2026, 09:00 CEST');
    expect(authority).toContain('## Reasons for the delay');
    const subject = draftSubjectNotice(f, { lang: 'da', now: '2026-10-29T00:00:00Z', variant: 'public' }).markdown;
    expect(subject).toContain(S('subjectSteps'));
  });

  it('invents nothing: what is not recorded stays empty', () => {
    const f = noticeFactsFrom({ breach: { ...breach, startedAt: null, discovery: null, systems: null, ongoing: 'unknown' }, facts: {}, assessment: null, decision: null, notifications: [], restriction: null, organisation: EMPTY_ORGANISATION });
    expect(f.reporter).toEqual({ name: null, function: null });
    expect(f.incidentCategory).toBeNull();
    expect(f.detectedAt).toBeNull();
    expect(f.endedAt).toBeNull();
    expect(f.dataUnintelligible).toBeNull();
    expect(f.decision).toBeNull();
    expect(f.ongoing).toBeNull();
    expect(f.systems).toBeNull();
    expect(f.discovery).toBeNull();
    expect(f.breachTypes).toBeNull();
    expect(f.cause).toEqual({ origin: null, malicious: null, description: null });
    expect(f.subjects).toEqual({ groups: null, description: null, count: null, countIsApproximate: null });
    expect(f.data).toMatchObject({ types: null, recordsCount: null, recordsCountIsApproximate: null });
    expect(f.measuresTaken).toBeNull();
    expect(f.assessment).toBeNull();
    expect(f.communication).toBeNull();
    expect(f.otherParties).toBeNull();
    expect(f.otherAuthorities).toBeNull();
    expect(f.crossBorder).toBeNull();
    expect(f.delayReason).toBeNull();
    expect(f.notification).toEqual({ type: 'new', supplementExpectedBy: null });
    expect(f.organisation).toEqual({ name: null, cvr: null, address: null, dpo: { name: null, email: null, phone: null }, sector: null });
    // "Leave empty if not known yet", says the Declare modal: that is its answer.
    expect(f.startedAt).toBe('unknown');
    const draft = draftAuthorityNotice(f, { lang: 'en', now: '2026-10-24T00:00:00Z' });
    expect(draft.markdown).toContain('[MISSING: the number of data subjects]');
    expect(draft.markdown).not.toContain('## Reasons for the delay');
  });

  it("uses the assessment's estimates as approximate when the facts form has no count, and a recorded 'none' as none", () => {
    const f = noticeFactsFrom({ ...full, facts: { measuresTaken: { da: [] } } });
    expect(f.subjects).toMatchObject({ count: 99, countIsApproximate: true });
    expect(f.data).toMatchObject({ recordsCount: 77, recordsCountIsApproximate: true });
    expect(f.measuresTaken).toEqual([]);
    expect(f.cause?.malicious).toBe(false);
  });

  it('a complete notification after an initial one is the record of a follow-up; a restriction explains why people are not told', () => {
    const f = noticeFactsFrom({
      ...full,
      notifications: [
        ...full.notifications.filter((n) => n.target === 'authority'),
        { target: 'authority', submittedAt: new Date('2026-10-30T09:00:00Z'), method: 'online_form', externalReference: null, completeness: 'supplement', subjectsCount: null, isPublic: false },
      ],
      restriction: { justification: S('restriction') },
      decision: { kind: 'accepted', notifyAuthority: true, communicateToSubjects: 'individual', justification: null },
    });
    expect(f.notification).toMatchObject({ type: 'follow_up', completeness: 'complete', submittedAt: '2026-10-30T09:00:00.000Z' });
    expect(f.communication).toEqual({ status: 'not_communicated', reason: 'restriction_s22', note: S('restriction') });
  });
});

describe('one language per draft (issue 12)', () => {
  const english = 'The criminal group behind the attack';
  const typedInEnglish: NoticeSource = {
    ...full,
    facts: { ...facts, exposureWho: { en: english }, measuresTaken: { en: ['Closed the account'] }, likelyConsequences: { da: 'Svindel', en: 'Fraud' } },
    languages: { drafting: ['da', 'en'], writing: 'en' },
  };

  it('a text written only in English is a visible, counted gap in the Danish draft, never the English words', () => {
    const da = draftAuthorityNotice(noticeFactsFrom(typedInEnglish, 'da'), { lang: 'da', now: '2026-10-29T00:00:00Z' });
    expect(da.markdown).toContain('[MANGLER: dansk tekst for "trufne foranstaltninger"]');
    expect(da.markdown).not.toContain('Closed the account');
    expect(da.markdown).toContain('Svindel');
    expect(da.missing).toContainEqual({ field: 'measuresTaken', label: 'dansk tekst for trufne foranstaltninger', translation: true });
    const en = draftAuthorityNotice(noticeFactsFrom(typedInEnglish, 'en'), { lang: 'en', now: '2026-10-29T00:00:00Z' });
    expect(en.markdown).toContain('Closed the account');
    expect(en.markdown).toContain('Fraud');
    expect(en.markdown).not.toContain('MANGLER');
    expect(en.markdown).not.toContain('English text for');
    const subject = draftSubjectNotice(noticeFactsFrom(typedInEnglish, 'da'), { lang: 'da', now: '2026-10-29T00:00:00Z', variant: 'individual' });
    expect(subject.markdown).toContain('[MANGLER: dansk tekst for "hvem der kan have set oplysningerne"]');
    expect(subject.markdown).not.toContain(english);
  });

  it('the drafts are built in the drafting languages only', () => {
    const byLang = noticeFactsByLanguage({ ...typedInEnglish, languages: { drafting: ['en'], writing: 'en' } });
    expect(Object.keys(byLang)).toEqual(['en']);
    expect(buildDraftSet(byLang, { now: '2026-10-29T00:00:00Z', zone: 'Europe/Copenhagen' }).map((d) => d.lang)).toEqual(['en', 'en']);
  });
});

describe('facts the risk questionnaire already answered (issue 11c)', () => {
  const now = '2026-10-29T00:00:00Z';
  const withAnswers = (over: Partial<AssessmentRecord['answers']>, recorded: RecordedFacts = {}): NoticeSource => ({
    ...full,
    facts: recorded,
    assessment: { answers: { ...full.assessment!.answers, ...over }, result },
    languages: { drafting: ['da', 'en'], writing: 'da' },
  });
  const drafts = (s: NoticeSource) => ({
    authority: { en: draftAuthorityNotice(noticeFactsFrom(s, 'en'), { lang: 'en', now }), da: draftAuthorityNotice(noticeFactsFrom(s, 'da'), { lang: 'da', now }) },
    subject: {
      en: draftSubjectNotice(noticeFactsFrom(s, 'en'), { lang: 'en', now, variant: 'individual' }),
      da: draftSubjectNotice(noticeFactsFrom(s, 'da'), { lang: 'da', now, variant: 'individual' }),
    },
  });
  const fields = (d: { missing: readonly { field: string }[] }) => d.missing.map((m) => m.field);

  it("'not encrypted' and 'unknown people' are stated in both languages, not left as gaps", () => {
    const d = drafts(withAnswers({ protection: 'none', recipients: 'unknown' }));
    for (const lang of ['en', 'da'] as const) {
      expect(fields(d.authority[lang])).not.toContain('dataUnintelligible');
      expect(fields(d.subject[lang])).not.toContain('exposure.who');
    }
    expect(d.authority.en.markdown).toContain('**The data were encrypted or otherwise unintelligible to whoever got them:** No.');
    expect(d.authority.da.markdown).toContain('**Oplysningerne var krypterede eller på anden måde uforståelige for uvedkommende:** Nej.');
    expect(d.subject.en.markdown).toContain('Your information may have been seen by: unknown people.');
    expect(d.subject.da.markdown).toContain('Dine oplysninger kan være blevet set af: ukendte personer.');
  });

  it('an intact protection names the kinds of data it covers when it covers only some; a compromised one says the key is not safe', () => {
    const partial = drafts(withAnswers({ dataTypes: ['basic_identity', 'credentials'], protection: 'intact', protectedDataTypes: ['credentials'], recipients: 'public' }));
    expect(partial.authority.en.markdown).toContain('unintelligible to whoever got them:** Yes, for the usernames and passwords only.');
    expect(partial.authority.da.markdown).toContain('uforståelige for uvedkommende:** Ja, men kun for brugernavne og adgangskoder.');
    expect(partial.subject.en.markdown).toContain('seen by: anyone (the data were public).');
    expect(partial.subject.da.markdown).toContain('set af: enhver (oplysningerne var offentligt tilgængelige).');
    const all = drafts(withAnswers({ protection: 'intact', protectedDataTypes: ['health'], recipients: 'trusted' }));
    expect(all.authority.en.markdown).toContain('unintelligible to whoever got them:** Yes.');
    expect(all.subject.en.markdown).toContain('seen by: a recipient bound to secrecy.');
    expect(all.subject.da.markdown).toContain('set af: en modtager med tavshedspligt.');
    const compromised = drafts(withAnswers({ protection: 'compromised', recipients: 'known' }));
    expect(compromised.authority.en.markdown).toContain('to whoever got them:** No: they were encrypted, but the key or method is not safe.');
    expect(compromised.authority.da.markdown).toContain('for uvedkommende:** Nej: de var krypterede, men nøglen eller metoden er ikke sikker.');
    expect(compromised.subject.en.markdown).toContain('seen by: a known recipient.');
    expect(compromised.subject.da.markdown).toContain('set af: en kendt modtager.');
  });

  it('a recorded fact wins over the answer', () => {
    const d = drafts(withAnswers({ protection: 'none', recipients: 'unknown' }, { dataUnintelligible: true, exposureWho: { da: 'en leverandør', en: 'a supplier' } }));
    expect(d.authority.en.markdown).toContain('unintelligible to whoever got them:** Yes.');
    expect(d.authority.da.markdown).toContain('uforståelige for uvedkommende:** Ja.');
    expect(d.subject.en.markdown).toContain('seen by: a supplier.');
    expect(d.subject.da.markdown).toContain('set af: en leverandør.');
    expect(d.subject.en.markdown).not.toContain('unknown people');
  });

  it('says nothing the questionnaire did not ask: no confidentiality breach, or recipients not known yet, leaves the gaps', () => {
    const lost = drafts(withAnswers({ breachTypes: ['availability'], disclosure: null, recipients: null, protection: 'none' }));
    expect(fields(lost.authority.en)).toContain('dataUnintelligible');
    const notYet = drafts(withAnswers({ recipients: null }));
    expect(fields(notYet.subject.en)).toContain('exposure.who');
    expect(notYet.subject.da.markdown).toContain('[MANGLER: hvem der kan have set oplysningerne]');
  });
});
