import type { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import type { NoticeKind } from '../domain/notices/index.js';
import { anyFacts, draftKinds, factsHash, needsSubjectNotice, notificationWaived } from '../domain/notices/draft-set.js';
import { noticeFactsByLanguage, owedTarget } from '../domain/notices/from-breach.js';
import { latestDrafts } from '../store/notice-drafts.js';
import { loadNoticeSource } from '../store/notice-source.js';
import type { NotificationRow, RestrictionRow } from '../domain/notification-record.js';
import type { OrgSettings } from '../domain/org-settings.js';

/** What the card shows of flows 5 and 6: the latest drafts, and what was sent or restricted. */
export interface NoticeCardSummary {
  role: string;
  deadlineAt: Date;
  /** The latest version of the drafts the breach needs: the notice to Datatilsynet (or the controller), in English, first. */
  draft: { version: number; createdAt: Date; missingCount: number } | null;
  /** The facts (or the lateness) changed since that draft, and something is still to be sent. */
  stale: boolean;
  /** Notifications to Datatilsynet (or, for a processor, the controller), oldest first. */
  notifications: NotificationRow[];
  /** The latest communication to the people affected. */
  communication: NotificationRow | null;
  restriction: RestrictionRow | null;
}

/** Null while there is nothing to show: no draft and nothing recorded. */
export async function noticeCardSummary(
  db: Db,
  breachId: string,
  now: DateTime,
  zone: string,
  opts: { settings?: Promise<Pick<OrgSettings, 'organisation' | 'languages'>> | undefined } = {},
): Promise<NoticeCardSummary | null> {
  const [loaded, drafts] = await Promise.all([loadNoticeSource(db, breachId, opts), latestDrafts(db, breachId)]);
  if (!loaded) return null;
  const { breach } = loaded;
  const owed = loaded.notifications.filter((n) => n.target === owedTarget(breach.role));
  const communication = loaded.notifications.filter((n) => n.target === 'subjects').at(-1) ?? null;
  // Nothing drafted, sent or restricted (a new breach, most of those reminded of): nothing to show,
  // and no notice facts to work out (each reminder and card refresh comes here).
  if (drafts.length === 0 && owed.length === 0 && !communication && !loaded.restriction) return null;
  const byLang = noticeFactsByLanguage(loaded.source);
  const facts = anyFacts(byLang);
  // The latest draft of a kind the breach needs (a notice asked for after "none is needed" is not one), the English first.
  const needed = draftKinds(facts);
  const report = drafts.find((d) => d.lang === 'en' && needed.includes(d.kind as NoticeKind)) ?? drafts.find((d) => needed.includes(d.kind as NoticeKind)) ?? drafts[0];
  let stale = false;
  if (report) {
    const notificationOpen = !notificationWaived(facts) && (owed.length === 0 || owed.at(-1)?.completeness === 'initial');
    const subjectsOpen = needsSubjectNotice(facts) && !communication && !loaded.restriction;
    stale = (notificationOpen || subjectsOpen) && factsHash(byLang, { now: now.toISO()!, zone }) !== report.factsHash;
  }
  return {
    role: breach.role,
    deadlineAt: breach.deadlineAt,
    draft: report ? { version: report.version, createdAt: report.createdAt, missingCount: report.missingCount } : null,
    stale,
    notifications: owed,
    communication,
    restriction: loaded.restriction,
  };
}
