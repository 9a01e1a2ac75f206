import type { webApi } from '@slack/bolt';
import type { HomeView } from '@slack/types';
import type { DateTime } from 'luxon';
import type { Progress } from '../domain/breach/progress.js';
import { may, type Actor } from '../domain/access/policy.js';
import { userRoles, type UserRole } from '../domain/breach/user-roles.js';
import type { Deps } from './deps.js';
import { slackErrorCode } from '../web-api-error.js';
import { listOpenBreaches } from '../store/breaches.js';
import { listRecentlyClosed } from '../store/closed-breaches.js';
import { backupStatus } from '../store/backup-runs.js';
import { homeViewersSince, recordHomeViewer } from '../store/home-viewers.js';
import { getOrgSettings } from '../store/settings.js';
import { Coalescer } from './coalescer.js';
import { progressOfEach } from './progress.js';
import type { Breach } from '../domain/breach/entity.js';
import type { BackupStatus } from '../domain/backup-status.js';
import type { OrgSettings } from '../domain/org-settings.js';

/** One breach as one viewer sees it. */
export interface HomeBreach {
  breach: Breach;
  /** Member of the breach's private channel: may see its title and status. */
  canSeeDetails: boolean;
  roles: UserRole[];
}

/** An open breach, with where it stands as its card says (flows/progress.ts). */
export type OpenHomeBreach = HomeBreach & { progress: Progress };

export interface HomeInput {
  /** The open breaches shown, nearest deadline first (at most OPEN_SHOWN). */
  open: OpenHomeBreach[];
  /** How many are open in all; the rest are summarised. */
  openTotal: number;
  /** Closed in the last 30 days, most recent first. */
  closed: HomeBreach[];
  now: DateTime;
  zone: string;
  /** Who decides, named in a next step that awaits the decision. */
  dpoUserIds: readonly string[];
  /** Present only for people who may edit the settings. */
  settings: OrgSettings | null;
  /** Present only for the DPO: when the last backup was made, and whether the last one failed. */
  backup?: BackupStatus | null;
}

/**
 * Most open breaches listed on the Home; the rest are summarised with a pointer to /breach list.
 * Each listed breach costs a conversations.members call and a read of where it stands, and 25
 * entries of up to ~1,000 characters (with the next step) make at most nine sections: far inside
 * the 100-block limit whatever the titles hold.
 */
export const OPEN_SHOWN = 25;
/** Whether a user is in a channel (the bot's shared view of channel membership). */
export type IsMember = (channelId: string | null, userId: string) => Promise<boolean>;

/**
 * What the Home flow needs from the Slack side (src/slack/slack-side.ts, handed in at wiring time):
 * the Home view (src/slack/views/home.ts), whether a user is a workspace admin, and channel
 * membership as the access guard sees it (src/slack/channel-membership.ts: one Slack read per
 * channel serves every viewer's Home and every press for a while; a leave is seen at once).
 */
export interface HomeSlack {
  home(input: HomeInput): HomeView;
  isWorkspaceAdmin(client: webApi.WebClient, userId: string): Promise<boolean>;
  isMember(client: webApi.WebClient): IsMember;
}

export type HomeDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'logger'> & { slack: HomeSlack };

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
  /** Where each listed open breach stands, as its card says (progress.ts). */
  progress: Map<string, Progress>;
}

async function snapshot(deps: HomeDeps, client: webApi.WebClient): Promise<Snapshot> {
  const now = deps.clock.now();
  const [open, closed, org, backup] = await Promise.all([
    listOpenBreaches(deps.db),
    listRecentlyClosed(deps.db, now.minus({ days: CLOSED_WINDOW_DAYS }).toJSDate(), CLOSED_SHOWN),
    getOrgSettings(deps.db, deps.config),
    backupStatus(deps.db),
  ]);
  const progress = await progressOfEach(deps.db, deps.config, open.slice(0, OPEN_SHOWN), now);
  return { now, open, closed, org, backup, progress, isMember: deps.slack.isMember(client) };
}

async function homeFor(deps: HomeDeps, client: webApi.WebClient, snap: Snapshot, userId: string) {
  const isDpo = snap.org.dpoUserIds.includes(userId);
  const dpoConfigured = snap.org.dpoUserIds.length > 0;
  // A workspace admin stands in for the DPO only while none is configured (domain/access/policy.ts).
  const isAdmin = !isDpo && !dpoConfigured && (await deps.slack.isWorkspaceAdmin(client, userId));
  const actor = (b: Breach | null, isMember: boolean): Actor => ({
    userId, isDpo, dpoConfigured, isAdmin, isMember, isLead: b?.leadId === userId, isReporter: b?.reporterId === userId,
  });
  const seen = (b: Breach): Promise<HomeBreach> =>
    snap.isMember(b.channelId, userId).then((isMember) => ({
      breach: b,
      canSeeDetails: may('read', actor(b, isMember)).ok,
      roles: userRoles(b, userId, { isDpo, isMember }),
    }));
  const seenOpen = async (b: Breach): Promise<OpenHomeBreach> => ({ ...(await seen(b)), progress: snap.progress.get(b.id)! });
  const [open, closed] = await Promise.all([Promise.all(snap.open.slice(0, OPEN_SHOWN).map(seenOpen)), Promise.all(snap.closed.map(seen))]);
  const settings = may('edit_settings', actor(null, false)).ok ? snap.org : null;
  return deps.slack.home({
    open, openTotal: snap.open.length, closed, now: snap.now, zone: deps.config.timezone, dpoUserIds: snap.org.dpoUserIds, settings, backup: isDpo ? snap.backup : null,
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
 * Publishes Home tabs within views.publish's Tier 4 limit: at most one publish per user in flight
 * and one waiting (coalescer.ts), the waiting one built from the database when it starts, so the
 * latest state is the one each user sees. A republish of everyone's Home reads the breaches (and
 * channel memberships) once for the whole batch. One per process.
 */
export class HomePublisher {
  private readonly users: Coalescer<string>;
  /** The read every publish of the current republish batch shares. */
  private batch: Promise<Snapshot> | null = null;
  private readonly outcomes = new Map<string, boolean>();

  /** `client` should be paced and retry 429s (web-client.ts). */
  constructor(
    private readonly deps: HomeDeps,
    private readonly client: webApi.WebClient,
  ) {
    this.users = new Coalescer((userId, reading) => this.publishNow(userId, reading));
  }

  /** Publishes one user's Home; true when the publish that covers this call succeeded. Never throws. */
  async publish(userId: string): Promise<boolean> {
    await this.users.request(userId);
    return this.outcomes.get(userId) ?? false;
  }

  /**
   * Something the Home shows changed (a breach declared, its status, a setting): republishes the
   * Home of everyone who opened it in the last week.
   */
  async republishAll(): Promise<{ published: number; failed: number }> {
    const result = { published: 0, failed: 0 };
    const snap = snapshot(this.deps, this.client);
    snap.catch(() => {});
    this.batch = snap;
    try {
      const since = this.deps.clock.now().minus({ days: VIEWER_WINDOW_DAYS }).toJSDate();
      const viewers = await homeViewersSince(this.deps.db, since);
      const outcomes = await Promise.all(viewers.map((userId) => this.publish(userId)));
      for (const ok of outcomes) result[ok ? 'published' : 'failed'] += 1;
    } catch (err) {
      this.deps.logger.warn(`could not republish the Home tabs: ${(err as Error).message}`);
    } finally {
      if (this.batch === snap) this.batch = null;
    }
    return result;
  }

  drain(timeoutMs?: number): Promise<void> {
    return this.users.drain(timeoutMs);
  }

  private async publishNow(userId: string, reading: () => void): Promise<void> {
    let ok = false;
    reading();
    try {
      ok = await publish(this.deps, this.client, await (this.batch ?? snapshot(this.deps, this.client)), userId);
    } catch (err) {
      this.deps.logger.warn(`could not build the Home of ${userId}: ${(err as Error).message}`);
    }
    this.outcomes.set(userId, ok);
    if (this.outcomes.size > 10_000) this.outcomes.clear();
  }
}

/**
 * Someone opened their Home tab: remember them, so their Home is republished when something changes,
 * and publish it now. Never throws.
 */
export async function homeOpened(deps: Pick<HomeDeps, 'db' | 'clock' | 'logger'> & { homes: HomePublisher }, userId: string): Promise<boolean> {
  try {
    await recordHomeViewer(deps.db, userId, deps.clock.now().toJSDate());
  } catch (err) {
    // Still show the Home: only its later refreshes depend on the record.
    deps.logger.warn(`could not record the Home viewer ${userId}: ${(err as Error).message}`);
  }
  return publishHome(deps, userId);
}

/** Publishes one user's Home tab from the database (coalesced per user). Never throws. */
export function publishHome(deps: { homes: HomePublisher }, userId: string): Promise<boolean> {
  return deps.homes.publish(userId);
}

/**
 * Republishes the Home of everyone who opened it in the last week; call it after a change that the
 * Home shows. One failure does not stop the others.
 */
export function republishHomes(deps: { homes: HomePublisher }): Promise<{ published: number; failed: number }> {
  return deps.homes.republishAll();
}
