import type { Db } from '../db/client.js';
import { readRecordedFacts } from '../domain/breach/recorded-facts.js';
import type { NoticeSource } from '../domain/notices/from-breach.js';
import { getAssessment, latestAssessment } from './assessments.js';
import { getBreach } from './breaches.js';
import { currentDecision } from './decisions.js';
import { latestRestriction, listNotifications } from './notifications.js';
import { getLanguageSettings, getOrganisation } from './settings.js';
import type { Breach } from '../domain/breach/entity.js';
import type { NotificationRow, RestrictionRow } from '../domain/notification-record.js';
import type { OrgSettings } from '../domain/org-settings.js';

export interface LoadedNoticeSource {
  breach: Breach;
  source: NoticeSource;
  notifications: NotificationRow[];
  restriction: RestrictionRow | null;
}

/**
 * Everything the notices are drafted from, read together (notices/from-breach.ts maps it).
 * `settings`: the organisation's settings when the caller reads them anyway (one read, not two more).
 */
export async function loadNoticeSource(
  db: Db,
  breachId: string,
  opts: { settings?: Promise<Pick<OrgSettings, 'organisation' | 'languages'>> | undefined } = {},
): Promise<LoadedNoticeSource | null> {
  const breach = await getBreach(db, breachId);
  if (!breach) return null;
  const [latest, decision, notifications, restriction, organisation, languages] = await Promise.all([
    latestAssessment(db, breachId),
    currentDecision(db, breachId),
    listNotifications(db, breachId),
    latestRestriction(db, breachId),
    opts.settings ? opts.settings.then((s) => s.organisation) : getOrganisation(db),
    opts.settings ? opts.settings.then((s) => s.languages) : getLanguageSettings(db),
  ]);
  // The notice states the decision in force, so it takes the assessment that decision was made on;
  // a later reassessment nobody has decided on yet is only a proposal.
  const decided = decision?.assessmentId && decision.assessmentId !== latest?.id ? await getAssessment(db, decision.assessmentId) : undefined;
  const assessment = decided ?? latest;
  return {
    breach,
    notifications,
    restriction,
    source: {
      breach,
      facts: readRecordedFacts(breach.facts, languages.writing),
      assessment: assessment ?? null,
      decision: decision ?? null,
      notifications,
      restriction,
      organisation,
      languages,
    },
  };
}
