/**
 * From what the team has recorded (the declared breach, the Update facts form, the latest risk
 * assessment, the DPO's decision, the recorded notifications and the organisation's settings) to the
 * NoticeFacts the drafts are built from. Pure, and it never invents a fact: whatever is not recorded
 * stays null, so the draft shows a gap for it. Where two records say the same thing, the later and
 * more specific one wins (a count typed in the facts form over the assessment's estimate).
 */

import type { AssessmentAnswers } from '../assessment/answers.js';
import type { AssessmentResult } from '../assessment/result.js';
import type { RecordedFacts } from '../breach/recorded-facts.js';
import { DEFAULT_LANGUAGES, type Language, type LanguageSettings, type LocalizedText } from '../language.js';
import type { Organisation } from '../settings-form.js';
import { listIn, textIn } from './in-language.js';
import { withDeclared } from '../breach/declared-texts.js';
import { decisiveReasons } from './decisive-reasons.js';
import type {
  AssessmentLike, BreachRole, CommunicationChannel, CommunicationFacts, NoticeFacts, NotificationState, OtherParty,
} from './facts.js';

export interface BreachRecord {
  reference: string;
  title: string;
  description: string;
  awareAt: Date;
  startedAt: Date | null;
  discovery: string | null;
  role: string;
  systems: string | null;
  /** yes | no | unknown */
  ongoing: string;
  deadlineAt: Date;
}

export interface AssessmentRecord {
  answers: Pick<
    AssessmentAnswers,
    'breachTypes' | 'subjectGroups' | 'subjectsCount' | 'dataTypes' | 'recordsCount' | 'disclosure' | 'recipients' | 'protection' | 'protectedDataTypes' | 'malicious'
  >;
  result: AssessmentResult;
}

export interface DecisionRecord {
  /** accepted | overridden */
  kind: string;
  notifyAuthority: boolean;
  communicateToSubjects: 'no' | 'individual' | 'public';
  justification: string | null;
}

export interface NotificationRecord {
  /** authority | controller | subjects */
  target: string;
  submittedAt: Date;
  method: string;
  externalReference: string | null;
  /** complete | initial | supplement; null for a communication */
  completeness: string | null;
  subjectsCount: number | null;
  isPublic: boolean;
}

export interface NoticeSource {
  breach: BreachRecord;
  facts: RecordedFacts;
  assessment: AssessmentRecord | null;
  /** The decision in force (the latest), if any. */
  decision: DecisionRecord | null;
  notifications: readonly NotificationRecord[];
  /** A § 22 restriction recorded by the DPO, if any. */
  restriction: { justification: string } | null;
  organisation: Organisation;
  /** The organisation's languages (DEFAULT_LANGUAGES when not given). */
  languages?: LanguageSettings;
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const CHANNELS: readonly string[] = ['email', 'sms', 'letter', 'digital_post', 'direct_message', 'phone', 'website', 'media'];
const ROLES: readonly string[] = ['controller', 'processor', 'joint_controller'];

/** The target a role owes its notification to: Datatilsynet, or for a processor the controller. */
export const owedTarget = (role: string): 'authority' | 'controller' => (role === 'processor' ? 'controller' : 'authority');

const byTime = (a: NotificationRecord, b: NotificationRecord) => a.submittedAt.getTime() - b.submittedAt.getTime();

/**
 * The facts for a draft in `lang` (default: the team's writing language). A text the team wrote only
 * in the other language becomes a visible gap naming the field (in-language.ts).
 */
export function noticeFactsFrom(s: NoticeSource, lang: Language = (s.languages ?? DEFAULT_LANGUAGES).writing): NoticeFacts {
  const { breach: b, facts: f } = s;
  const text = (v: Parameters<typeof textIn>[0], field: Parameters<typeof textIn>[2]) => textIn(v, lang, field);
  const list = (v: Parameters<typeof listIn>[0], field: Parameters<typeof listIn>[2]) => listIn(v, lang, field);
  const writing = (s.languages ?? DEFAULT_LANGUAGES).writing;
  const declared = (typed: string | null, stored: LocalizedText | undefined) => withDeclared(typed, stored, writing);
  const answers = s.assessment?.answers ?? null;
  const role = ROLES.includes(b.role) ? (b.role as BreachRole) : null;
  return {
    organisation: {
      name: s.organisation.name,
      cvr: s.organisation.cvr,
      address: s.organisation.address,
      dpo: { ...s.organisation.dpo },
      sector: f.sector ?? null,
    },
    // Filled from the declaring user's Slack profile, and changed in Update facts if someone else reports.
    reporter: { name: f.reporterName ?? null, function: f.reporterFunction ?? null },
    reference: b.reference,
    title: text(declared(b.title, f.title), 'title'),
    description: text(declared(b.description, f.description), 'description'),
    awareAt: iso(b.awareAt),
    // The Declare modal says "leave empty if not known yet", so empty is that answer, not a gap.
    startedAt: b.startedAt ? b.startedAt.toISOString() : 'unknown',
    // A recorded end time says the breach is over, whatever the declaration said then.
    ongoing: f.endedAt ? false : b.ongoing === 'yes' ? true : b.ongoing === 'no' ? false : null,
    endedAt: f.endedAt ?? null,
    detectedAt: f.detectedAt ?? null,
    incidentCategory: f.incidentCategory ?? null,
    dataUnintelligible: f.dataUnintelligible ?? null,
    ...(f.dataUnintelligible === undefined ? dataProtection(answers) : {}),
    discovery: text(declared(b.discovery, f.discovery), 'discovery'),
    role,
    otherParties: otherParties(f),
    // Typed as one line in the Declare modal; kept as typed rather than split on guesses.
    systems: b.systems ? [b.systems] : null,
    breachTypes: answers?.breachTypes ?? null,
    cause: {
      origin: f.causeOrigin ?? null,
      malicious: f.causeMalicious ?? answers?.malicious ?? null,
      description: text(f.causeDescription, 'cause.description'),
    },
    subjects: {
      groups: answers?.subjectGroups ?? null,
      description: text(f.subjectsDescription, 'subjects.description'),
      ...renamed(count(f.subjectsCount, f.subjectsApproximate, answers?.subjectsCount), 'count', 'countIsApproximate'),
    },
    data: {
      types: answers?.dataTypes ?? null,
      description: text(f.dataDescription, 'data.description'),
      notInvolved: text(f.subjectNotAffected, 'data.notInvolved'),
      ...renamed(count(f.recordsCount, f.recordsApproximate, answers?.recordsCount), 'recordsCount', 'recordsCountIsApproximate'),
    },
    exposure: {
      who: text(f.exposureWho, 'exposure.who'),
      status: answers?.disclosure ?? null,
      // Where the team wrote nothing: who the questionnaire says got, or could get, the data.
      ...(f.exposureWho === undefined && answers?.recipients ? { recipients: answers.recipients } : {}),
    },
    measuresBefore: list(f.measuresBefore, 'measuresBefore'),
    measuresTaken: list(f.measuresTaken, 'measuresTaken'),
    measuresProposed: list(f.measuresProposed, 'measuresProposed'),
    mitigation: list(f.mitigation, 'mitigation'),
    actualConsequences: text(f.actualConsequences, 'actualConsequences'),
    likelyConsequences: text(f.likelyConsequences, 'likelyConsequences'),
    ...decidedAssessment(s.assessment, s.decision),
    deadline: iso(b.deadlineAt),
    notification: notificationState(s),
    delayReason: text(f.delayReason, 'delayReason'),
    communication: communication(s),
    subjectAdvice: f.subjectSteps || f.subjectNoActionReason
      ? { steps: list(f.subjectSteps, 'subjectAdvice'), noActionReason: text(f.subjectNoActionReason, 'subjectAdvice.noActionReason') }
      : null,
    publicNoticeReason: text(f.publicNoticeReason, 'publicNoticeReason'),
    subjectText: {
      whatHappened: text(f.subjectWhatHappened, 'subjectText.whatHappened'),
      cause: text(f.subjectCause, 'subjectText.cause'),
      consequences: text(f.subjectConsequences, 'subjectText.consequences'),
      measures: text(f.subjectMeasures, 'subjectText.measures'),
      apology: text(f.subjectApology, 'subjectText.apology'),
    },
    otherAuthorities:
      f.policeInformed === undefined && f.otherAuthorities === undefined && f.policeReference === undefined
        ? null
        : { police: f.policeInformed ?? null, policeReference: f.policeReference ?? null, others: f.otherAuthorities ?? null },
    crossBorder:
      f.crossBorder === undefined && f.crossBorderCountries === undefined
        ? null
        : { involved: f.crossBorder ?? null, countries: f.crossBorderCountries ?? null },
  };
}

/** The facts for each of the organisation's drafting languages: what the drafts and their hash are built from. */
export function noticeFactsByLanguage(s: NoticeSource): Partial<Record<Language, NoticeFacts>> {
  return Object.fromEntries((s.languages ?? DEFAULT_LANGUAGES).drafting.map((lang) => [lang, noticeFactsFrom(s, lang)]));
}

/**
 * The questionnaire's answer on encryption, where the team recorded none: asked only for a breach of
 * confidentiality (questions.ts `protection`), so any other breach's default says nothing. The kinds
 * of data covered are named only when the protection covers some of those involved, not all.
 */
function dataProtection(answers: AssessmentRecord['answers'] | null): Pick<NoticeFacts, 'dataProtection'> {
  if (!answers?.breachTypes.includes('confidentiality')) return {};
  const covered = answers.protection === 'intact' ? (answers.protectedDataTypes ?? []).filter((t) => answers.dataTypes.includes(t)) : [];
  const partial = covered.length > 0 && answers.dataTypes.some((t) => !covered.includes(t));
  return { dataProtection: { state: answers.protection, ...(partial ? { covers: covered } : {}) } };
}

interface Count {
  n: number | null;
  approximate: boolean | null;
}

/**
 * A count typed in the facts form, with its own "approximate"; otherwise the assessment's answer,
 * which the questionnaire asks as an approximate number.
 */
function count(typed: number | undefined, approximate: boolean | undefined, assessed: number | null | undefined): Count {
  if (typed !== undefined) return { n: typed, approximate: approximate ?? false };
  return typeof assessed === 'number' ? { n: assessed, approximate: true } : { n: null, approximate: null };
}

function renamed<K extends string, A extends string>(c: Count, key: K, approxKey: A): Record<K, number | null> & Record<A, boolean | null> {
  return { [key]: c.n, [approxKey]: c.approximate } as Record<K, number | null> & Record<A, boolean | null>;
}

function otherParties(f: RecordedFacts): OtherParty[] | null {
  if (f.controller === undefined && f.processors === undefined) return null;
  return [
    ...(f.controller ? [{ name: f.controller, role: 'controller' as const }] : []),
    ...(f.processors ?? []).map((name) => ({ name, role: 'processor' as const })),
  ];
}

/**
 * The risk a DPO's decision amounts to: telling the people is for a high risk (Art. 34(1)),
 * notifying for a risk (Art. 33(1)), neither for a breach unlikely to result in a risk. "A risk"
 * is what a notification without telling the people asserts, whatever the engine proposed.
 */
export function riskOfDecision(d: { notifyAuthority: boolean; communicateToSubjects: 'no' | 'individual' | 'public' }): AssessmentLike['risk'] {
  if (d.communicateToSubjects !== 'no') return 'high';
  return d.notifyAuthority ? 'risk' : 'unlikely';
}

/** The assessment in force and how it was decided, as the notices state them. */
export function decidedAssessment(a: AssessmentRecord | null, d: DecisionRecord | null): Pick<NoticeFacts, 'assessment' | 'decision'> {
  return {
    assessment: effectiveAssessment(a, d),
    decision: d && a ? { kind: d.kind === 'overridden' ? 'overridden' : 'accepted', justification: d.justification } : null,
  };
}

/**
 * The assessment as decided. Accepted (or not yet decided): the engine's outcome with its decisive
 * findings. Overridden: the DPO's outcome, and none of the engine's reasons, which argue for the
 * outcome that was set aside; the DPO's justification is the reason (`decision`).
 */
function effectiveAssessment(a: AssessmentRecord | null, d: DecisionRecord | null): AssessmentLike | null {
  if (!a) return null;
  const r = a.result;
  const base: AssessmentLike = {
    severity: { ...r.severity },
    risk: r.risk,
    notifyAuthority: r.notifyAuthority,
    notifyController: r.notifyController,
    communicateToSubjects: r.communicateToSubjects,
    exemption: r.exemption,
    reasons: decisiveReasons(a.answers, r),
  };
  if (d?.kind !== 'overridden') return base;
  return {
    ...base,
    risk: riskOfDecision(d),
    notifyAuthority: d.notifyAuthority,
    communicateToSubjects: d.communicateToSubjects,
    // An Art. 34(3) exemption the engine found holds only for the outcome it found.
    exemption: d.communicateToSubjects === r.communicateToSubjects ? r.exemption : null,
    reasons: [],
  };
}

/**
 * The notification this draft is for. Nothing sent yet: a new one. An initial one sent: the next
 * is its follow-up. A complete one sent: the draft is the record of what went in.
 */
function notificationState(s: NoticeSource): NotificationState {
  const sent = s.notifications.filter((n) => n.target === owedTarget(s.breach.role)).sort(byTime);
  const first = sent[0];
  const last = sent.at(-1);
  const expected = s.facts.supplementExpectedBy ?? null;
  if (!first || !last) return { type: 'new', supplementExpectedBy: expected };
  const earlier = { earlierReference: first.externalReference, earlierSubmittedAt: iso(first.submittedAt) };
  if (last.completeness === 'initial') return { type: 'follow_up', ...earlier, supplementExpectedBy: expected };
  if (sent.length === 1) return { type: 'new', completeness: 'complete', submittedAt: iso(first.submittedAt) };
  return { type: 'follow_up', ...earlier, completeness: 'complete', submittedAt: iso(last.submittedAt) };
}

function communication(s: NoticeSource): CommunicationFacts | null {
  const told = s.notifications.filter((n) => n.target === 'subjects').sort(byTime).at(-1);
  if (told) {
    return {
      status: 'done',
      at: iso(told.submittedAt),
      channels: CHANNELS.includes(told.method) ? [told.method as CommunicationChannel] : null,
      count: told.subjectsCount,
      isPublic: told.isPublic,
    };
  }
  if (s.restriction) return { status: 'not_communicated', reason: 'restriction_s22', note: s.restriction.justification };
  const d = s.decision;
  if (!d) return null;
  if (d.communicateToSubjects !== 'no') {
    return { status: 'planned', at: null, channels: null, isPublic: d.communicateToSubjects === 'public' };
  }
  if (d.kind === 'overridden') return { status: 'not_communicated', reason: 'other', note: d.justification };
  const r = s.assessment?.result;
  if (r?.exemption === 'unintelligible' || r?.exemption === 'measures_taken') return { status: 'not_communicated', reason: r.exemption };
  if (r && r.risk !== 'high') return { status: 'not_communicated', reason: 'not_high_risk' };
  return { status: 'not_communicated', reason: null };
}
