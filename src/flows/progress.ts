import { DateTime } from 'luxon';
import { breachProgress, type Completeness, type Progress } from '../domain/breach/progress.js';
import type { Role } from '../domain/deadline.js';
import type { Breach } from '../store/breaches.js';
import type { RiskSummary } from '../store/decisions.js';
import type { NoticeCardSummary } from './notice-card.js';

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
