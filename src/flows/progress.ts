import { DateTime } from 'luxon';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { breachProgress, type Completeness, type Progress } from '../domain/breach/progress.js';
import type { Role } from '../domain/deadline.js';
import type { Breach } from '../store/breaches.js';
import { riskSummary, type RiskSummary } from '../store/decisions.js';
import { getOrgSettings, type OrgSettings } from '../store/settings.js';
import { noticeCardSummary, type NoticeCardSummary } from './notice-card.js';

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

/** Reads what the card and the reminders show of a breach, and its progress, at `now`. */
export async function breachStanding(db: Db, config: Pick<Config, 'timezone' | 'seeds'>, breach: Breach, now: DateTime): Promise<BreachStanding> {
  const [risk, notices, org] = await Promise.all([
    riskSummary(db, breach.id),
    noticeCardSummary(db, breach.id, now, config.timezone),
    getOrgSettings(db, config),
  ]);
  return { risk, notices, org, progress: progressOf(breach, risk, notices, now) };
}
