import { DateTime } from 'luxon';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { breachProgress, type Completeness, type Progress } from '../domain/breach/progress.js';
import type { Role } from '../domain/deadline.js';
import { listOpenBreaches } from '../store/breaches.js';
import { riskSummary } from '../store/decisions.js';
import { getOrgSettings } from '../store/settings.js';
import { noticeCardSummary, type NoticeCardSummary } from './notice-card.js';
import type { Breach } from '../domain/breach/entity.js';
import type { RiskSummary } from '../domain/decision.js';
import type { OrgSettings } from '../domain/org-settings.js';

const dt = (d: Date) => DateTime.fromJSDate(d, { zone: 'utc' });

/** A breach's progress (domain/breach/progress.ts) from what the card already reads: the breach, its risk summary and notices. */
export function progressOf(breach: Breach, risk: RiskSummary | null | undefined, notices: NoticeCardSummary | null | undefined, now: DateTime): Progress {
  const d = risk?.decision;
  return breachProgress({
    role: breach.role as Role,
    deadlineAt: dt(breach.deadlineAt),
    now,
    closedAt: breach.closedAt ? dt(breach.closedAt) : null,
    assessedVersion: risk?.latest.version ?? 0,
    decision: d
      ? { version: d.version, notifyAuthority: d.notifyAuthority, communicateToSubjects: d.communicateToSubjects, decidedBy: d.decidedBy, decidedAt: dt(d.decidedAt) }
      : null,
    drafted: Boolean(notices?.draft && !notices.stale),
    notifications: (notices?.notifications ?? []).map((n) => ({ submittedAt: dt(n.submittedAt), completeness: (n.completeness as Completeness | null) ?? null })),
    subjectsToldAt: notices?.communication ? dt(notices.communication.submittedAt) : null,
    restrictedAt: notices?.restriction ? dt(notices.restriction.recordedAt) : null,
  });
}

export interface BreachStanding {
  risk: RiskSummary | null;
  notices: NoticeCardSummary | null;
  org: OrgSettings;
  progress: Progress;
}

/**
 * Reads what the card and the reminders show of a breach, and its progress, at `now`. `org`: the
 * organisation's settings when the caller already reads them (a reminder round reads them once).
 */
export async function breachStanding(
  db: Db,
  config: Pick<Config, 'timezone' | 'seeds'>,
  breach: Breach,
  now: DateTime,
  opts: { org?: Promise<OrgSettings> } = {},
): Promise<BreachStanding> {
  const orgRead = opts.org ?? getOrgSettings(db, config);
  const [standing, org] = await Promise.all([readProgress(db, config, breach, now, orgRead), orgRead]);
  return { ...standing, org };
}

async function readProgress(
  db: Db,
  config: Pick<Config, 'timezone'>,
  breach: Breach,
  now: DateTime,
  settings?: Promise<Pick<OrgSettings, 'organisation' | 'languages'>>,
): Promise<Omit<BreachStanding, 'org'>> {
  const [risk, notices] = await Promise.all([riskSummary(db, breach.id), noticeCardSummary(db, breach.id, now, config.timezone, { settings })]);
  return { risk, notices, progress: progressOf(breach, risk, notices, now) };
}

/**
 * The progress of each breach as its card shows it, for the lists (App Home, `/breach list`): read
 * from the same records, so a list never shows a countdown the card has replaced by what happened.
 * A few at a time, so a long list does not take every pooled connection.
 */
export async function progressOfEach(db: Db, config: Pick<Config, 'timezone'>, breaches: Breach[], now: DateTime): Promise<Map<string, Progress>> {
  const out = new Map<string, Progress>();
  const AT_ONCE = 4;
  for (let i = 0; i < breaches.length; i += AT_ONCE) {
    await Promise.all(
      breaches.slice(i, i + AT_ONCE).map(async (b) => out.set(b.id, (await readProgress(db, config, b, now)).progress)),
    );
  }
  return out;
}

/**
 * `/breach list` and `/breach status` outside a breach channel: the open breaches, nearest deadline
 * first, each with the card's own state, and the DPO users who decide (the lines name them).
 */
export async function openBreachesStanding(
  db: Db,
  config: Config,
  now: DateTime,
): Promise<{ open: Breach[]; progress: Map<string, Progress>; dpoUserIds: readonly string[] }> {
  const open = await listOpenBreaches(db);
  if (open.length === 0) return { open, progress: new Map(), dpoUserIds: [] };
  const [progress, org] = await Promise.all([progressOfEach(db, config, open, now), getOrgSettings(db, config)]);
  return { open, progress, dpoUserIds: org.dpoUserIds };
}
