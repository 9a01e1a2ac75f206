import type { webApi } from '@slack/bolt';
import type { DateTime } from 'luxon';
import { may } from '../domain/access.js';
import { userRoles } from '../domain/breach/user-roles.js';
import { resolveActor } from '../slack/actor.js';
import { channelMembersMemo, type IsMember } from '../slack/channel-members-memo.js';
import type { BotDeps } from '../slack/deps.js';
import { OPEN_SHOWN, renderHome, type HomeBreach } from '../slack/views/home.js';
import { slackErrorCode } from '../slack/web-api-error.js';
import { listOpenBreaches, type Breach } from '../store/breaches.js';
import { listRecentlyClosed } from '../store/closed-breaches.js';
import { backupStatus, type BackupStatus } from '../store/backup-runs.js';
import { homeViewersSince } from '../store/home-viewers.js';
import { getOrgSettings, type OrgSettings } from '../store/settings.js';

export type HomeDeps = Pick<BotDeps, 'db' | 'config' | 'clock' | 'logger'>;

/** Whose Home is republished after a change: people who looked at it in the last week. */
export const VIEWER_WINDOW_DAYS = 7;
export const CLOSED_WINDOW_DAYS = 30;
export const CLOSED_SHOWN = 10;

/** What every viewer's Home is built from, read once per batch. */
interface Snapshot {
  now: DateTime;
  open: Breach[];
  closed: Breach[];
  org: OrgSettings;
  isMember: IsMember;
  backup: BackupStatus;
}

async function snapshot(deps: HomeDeps, client: webApi.WebClient): Promise<Snapshot> {
  const now = deps.clock.now();
  const [open, closed, org, backup] = await Promise.all([
    listOpenBreaches(deps.db),
    listRecentlyClosed(deps.db, now.minus({ days: CLOSED_WINDOW_DAYS }).toJSDate(), CLOSED_SHOWN),
    getOrgSettings(deps.db, deps.config),
    backupStatus(deps.db),
  ]);
  return { now, open, closed, org, backup, isMember: channelMembersMemo(client) };
}

async function homeFor(deps: HomeDeps, client: webApi.WebClient, snap: Snapshot, userId: string) {
  const isDpo = snap.org.dpoUserIds.includes(userId);
  const seen = (b: Breach): Promise<HomeBreach> =>
    snap.isMember(b.channelId, userId).then((isMember) => ({
      breach: b,
      canSeeDetails: isMember,
      roles: userRoles(b, userId, { isDpo, isMember }),
    }));
  const [open, closed, actor] = await Promise.all([
    Promise.all(snap.open.slice(0, OPEN_SHOWN).map(seen)),
    Promise.all(snap.closed.map(seen)),
    resolveActor(deps, client, userId),
  ]);
  const settings = may('edit_settings', actor).ok ? snap.org : null;
  return renderHome({
    open,
    openTotal: snap.open.length,
    closed,
    now: snap.now,
    zone: deps.config.timezone,
    settings,
    backup: isDpo ? snap.backup : null,
  });
}

async function publish(deps: HomeDeps, client: webApi.WebClient, snap: Snapshot, userId: string): Promise<boolean> {
  try {
    await client.views.publish({ user_id: userId, view: await homeFor(deps, client, snap, userId) });
    return true;
  } catch (err) {
    deps.logger.warn(`could not publish the Home of ${userId}: ${slackErrorCode(err)}`);
    return false;
  }
}

/**
 * Publishes one user's Home tab from the database. Never throws: a Home that could not be
 * published is logged, and the next open or change publishes it again.
 */
export async function publishHome(deps: HomeDeps, client: webApi.WebClient, userId: string): Promise<boolean> {
  try {
    return await publish(deps, client, await snapshot(deps, client), userId);
  } catch (err) {
    deps.logger.warn(`could not build the Home of ${userId}: ${(err as Error).message}`);
    return false;
  }
}

/**
 * Republishes the Home of everyone who opened it in the last week; call it after a change that the
 * Home shows (a breach declared, its status, a setting). One at a time, to stay inside Slack's rate
 * limits, and one failure does not stop the others.
 */
export async function republishHomes(deps: HomeDeps, client: webApi.WebClient): Promise<{ published: number; failed: number }> {
  const result = { published: 0, failed: 0 };
  try {
    const since = deps.clock.now().minus({ days: VIEWER_WINDOW_DAYS }).toJSDate();
    const [viewers, snap] = await Promise.all([homeViewersSince(deps.db, since), snapshot(deps, client)]);
    for (const userId of viewers) {
      if (await publish(deps, client, snap, userId)) result.published++;
      else result.failed++;
    }
  } catch (err) {
    deps.logger.warn(`could not republish the Home tabs: ${(err as Error).message}`);
  }
  return result;
}
