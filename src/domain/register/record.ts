/*
 * One breach as the register holds it (GDPR Art. 33(5)): the facts, effects and remedial action,
 * the assessments, the decisions with their reasons, the notifications and communications, § 22
 * restrictions, how it was closed, and the full audit timeline. Plain data with ISO 8601 UTC
 * times, so the serialisers are pure and their output depends on nothing but these values.
 */

export type Iso = string;

export interface RegisterEvent {
  id: number;
  at: Iso;
  /** Slack user id, or "breachbot" for what the bot did by itself. */
  actor: string;
  type: string;
  data: unknown;
}

export interface RegisterAssessment {
  version: number;
  createdAt: Iso;
  createdBy: string;
  answers: unknown;
  result: unknown;
}

export interface RegisterDecision {
  decidedAt: Iso;
  decidedBy: string;
  /** accepted | overridden */
  kind: string;
  /** The assessment version decided on, when there is one. */
  assessmentVersion: number | null;
  notifyAuthority: boolean;
  communicateToSubjects: string;
  justification: string | null;
}

export interface RegisterNotification {
  /** authority | controller | subjects */
  target: string;
  submittedAt: Iso;
  method: string;
  externalReference: string | null;
  completeness: string | null;
  subjectsCount: number | null;
  isPublic: boolean;
  notes: string | null;
  recordedBy: string;
  recordedAt: Iso;
}

export interface RegisterRestriction {
  justification: string;
  recordedBy: string;
  recordedAt: Iso;
}

export interface RegisterBreach {
  id: string;
  reference: string;
  year: number;
  seq: number;
  title: string;
  description: string;
  role: string;
  processorHours: number | null;
  awareAt: Iso;
  startedAt: Iso | null;
  startedUnknown: boolean;
  discovery: string | null;
  systems: string | null;
  ongoing: string;
  deadlineAt: Iso;
  declaredAt: Iso;
  reporterId: string;
  leadId: string | null;
  responderIds: string[];
  status: string;
  /** Facts recorded after the declaration (consequences, measures…), keyed by field. */
  facts: Record<string, unknown>;
  assessments: RegisterAssessment[];
  decisions: RegisterDecision[];
  notifications: RegisterNotification[];
  restrictions: RegisterRestriction[];
  closed: { at: Iso; by: string | null; note: string | null } | null;
  /** Every event of the breach, in the order it was recorded. */
  events: RegisterEvent[];
  /** The reporting regimes that apply (issue 16), as fixed at the declaration: ['gdpr-dk'] by default. */
  regimes: string[];
  /** The answers and decisions that chose them (the Declare question, the NIS2 decisions, an authority's request), as stored. */
  regimeAnswers: unknown;
  /** The reports recorded under the regimes other than the GDPR (NIS2's early warning…), in the order they were submitted. */
  regimeStages: RegisterRegimeStage[];
}

export interface RegisterRegimeStage {
  regime: string;
  stage: string;
  /** When the report was submitted to the authority. */
  doneAt: Iso;
  externalReference: string | null;
  recordedBy: string;
  recordedAt: Iso;
}

/** Register order: by year, then sequence, which is reference order even past 9,999 breaches a year. */
export function byReference(a: Pick<RegisterBreach, 'year' | 'seq'>, b: Pick<RegisterBreach, 'year' | 'seq'>): number {
  return a.year - b.year || a.seq - b.seq;
}
