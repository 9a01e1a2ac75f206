import { isLanguage } from '../language.js';
import { describeEvent, outcomeWords } from '../timeline/describe.js';
import { toCsv } from './csv.js';
import { byReference, type RegisterBreach, type RegisterNotification } from './record.js';
import { regimeColumnCells, regimeColumnHeaders } from './regime-columns.js';

/*
 * The register's CSV columns: one row per breach with what Art. 33(5) asks the controller to
 * document ("the facts relating to the personal data breach, its effects and the remedial action
 * taken"), plus the decision and its reasons, the notification and communication records and the
 * timeline. Lists inside a cell are one item per line. Times are ISO 8601 in UTC, as stored.
 */

export interface RegisterColumn {
  header: string;
  value: (b: RegisterBreach) => string;
}

const lines = (items: Iterable<string>) => [...items].join('\n');

/** A recorded fact as text: a string as is, a list one item per line, anything else as JSON. */
function factText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return lines(v as string[]);
  // A text per language (recorded-facts.ts): each with its language, "da: …\nen: …".
  if (typeof v === 'object' && Object.keys(v).length > 0 && Object.keys(v).every(isLanguage)) {
    return lines(Object.entries(v).map(([lang, t]) => `${lang}: ${factText(t)}`));
  }
  return JSON.stringify(v);
}

/** Labelled facts, leaving out the ones not recorded: "Seen: …\nLikely: …". */
function facts(b: RegisterBreach, labels: ReadonlyArray<readonly [string, string]>): string {
  return lines(labels.map(([key, label]) => [label, factText(b.facts[key])] as const).filter(([, t]) => t).map(([l, t]) => `${l}: ${t}`));
}

function record(n: RegisterNotification): string {
  const parts = [n.submittedAt, n.method];
  if (n.externalReference) parts.push(`reference ${n.externalReference}`);
  if (n.completeness) parts.push(n.completeness);
  if (n.subjectsCount !== null) parts.push(`${n.subjectsCount} people`);
  if (n.isPublic) parts.push('public communication');
  if (n.notes) parts.push(`notes: ${n.notes}`);
  return `${parts.join('; ')} (recorded by ${n.recordedBy} at ${n.recordedAt})`;
}

const notificationsTo = (target: string) => (b: RegisterBreach) => lines(b.notifications.filter((n) => n.target === target).map(record));

function resultSummary(result: unknown): string {
  const r = (result ?? {}) as { risk?: string; severity?: { level?: string; score?: number } };
  return `risk ${r.risk ?? '?'}, severity ${r.severity?.level ?? '?'} (score ${r.severity?.score ?? '?'})`;
}

const current = (b: RegisterBreach) => b.decisions.at(-1);

/** The reasons for the decision in force: an override's justification, else the accepted assessment's reasons. */
function decisionReasons(b: RegisterBreach): string {
  const d = current(b);
  if (!d) return '';
  if (d.justification) return d.justification;
  const assessed = b.assessments.find((a) => a.version === d.assessmentVersion);
  const reasons = (assessed?.result as { reasons?: unknown } | undefined)?.reasons;
  return Array.isArray(reasons) ? lines(reasons.map(String)) : '';
}

/**
 * One line per event, in recording order: `#id time actor type: words`, so the CSV alone rebuilds
 * the trail. Line breaks in quoted user text become spaces to keep one event per line; the JSON
 * keeps the text exactly.
 */
export const timelineLine = (e: RegisterBreach['events'][number]) =>
  `#${e.id} ${e.at} ${e.actor} ${e.type}: ${describeEvent(e).replace(/[\r\n]+/g, ' ')}`;

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { header: 'Reference', value: (b) => b.reference },
  { header: 'Title', value: (b) => b.title },
  { header: 'Status', value: (b) => b.status },
  { header: 'Our role', value: (b) => (b.processorHours ? `${b.role} (${b.processorHours} h to tell the controller)` : b.role) },
  { header: 'Became aware (UTC)', value: (b) => b.awareAt },
  { header: 'Started (UTC)', value: (b) => b.startedAt ?? (b.startedUnknown ? 'unknown' : '') },
  { header: 'Notification deadline (UTC)', value: (b) => b.deadlineAt },
  { header: 'Declared (UTC)', value: (b) => b.declaredAt },
  { header: 'Reported by', value: (b) => b.reporterId },
  { header: 'Breach lead', value: (b) => b.leadId ?? '' },
  { header: 'Facts: what happened', value: (b) => b.description },
  { header: 'How it was discovered', value: (b) => b.discovery ?? '' },
  { header: 'Systems involved', value: (b) => b.systems ?? '' },
  { header: 'Ongoing', value: (b) => b.ongoing },
  {
    header: 'Effects (consequences)',
    value: (b) => facts(b, [['actualConsequences', 'Seen'], ['likelyConsequences', 'Likely']]),
  },
  {
    header: 'Remedial action',
    value: (b) => facts(b, [['measuresTaken', 'Taken'], ['mitigation', 'Mitigation'], ['measuresProposed', 'Proposed']]),
  },
  {
    header: 'Risk assessments',
    value: (b) => lines(b.assessments.map((a) => `v${a.version} ${a.createdAt} by ${a.createdBy}: ${resultSummary(a.result)}`)),
  },
  {
    header: 'Decisions',
    value: (b) =>
      lines(b.decisions.map((d) => `${d.decidedAt} ${d.kind}${d.assessmentVersion ? ` v${d.assessmentVersion}` : ''} by ${d.decidedBy}: ${outcomeWords(d)}`)),
  },
  { header: 'Decision in force', value: (b) => (current(b) ? outcomeWords(current(b)!) : '') },
  { header: 'Reasons for the decision', value: decisionReasons },
  { header: 'Notification to Datatilsynet', value: notificationsTo('authority') },
  { header: 'Notification to the controller', value: notificationsTo('controller') },
  { header: 'Communication to the people affected', value: notificationsTo('subjects') },
  {
    header: '§ 22 restrictions',
    value: (b) => lines(b.restrictions.map((r) => `${r.recordedAt} by ${r.recordedBy}: ${r.justification}`)),
  },
  { header: 'Closed (UTC)', value: (b) => b.closed?.at ?? '' },
  { header: 'Closed by', value: (b) => b.closed?.by ?? '' },
  { header: 'Closing note', value: (b) => b.closed?.note ?? '' },
  { header: 'Timeline', value: (b) => lines(b.events.map(timelineLine)) },
];

/** The CSV's header: the columns above, then those of the reporting regimes other than the GDPR (regime-columns.ts). */
export const registerHeader = (): string[] => [...REGISTER_COLUMNS.map((c) => c.header), ...regimeColumnHeaders()];

/** The register as CSV: a header and one row per breach, in reference order. */
export function registerCsv(breaches: readonly RegisterBreach[]): string {
  return toCsv(registerHeader(), [...breaches].sort(byReference).map((b) => [...REGISTER_COLUMNS.map((c) => c.value(b)), ...regimeColumnCells(b)]));
}
