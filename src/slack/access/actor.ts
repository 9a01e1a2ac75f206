import type { webApi } from '@slack/bolt';
import { adminMayStandIn, may, POLICY, type Access, type Actor, type PolicyAction } from '../../domain/access/policy.js';
import { currentSettings } from '../../flows/settings.js';
import type { BotDeps } from '../deps.js';
import { decidersText } from '../blocks/text.js';
import { within } from '../../time-limit.js';
import type { Breach } from '../../domain/breach/entity.js';

/**
 * The guard runs before the listener acks, and Slack wants the ack within 3 s (slack-rules.md
 * §1.5). Its Slack reads wait their turn in the pacer behind Home renders and other work, so they
 * get this long in all; when Slack has not answered by then, the request is refused (nothing done,
 * "try again") rather than acked late, which Slack would show as an error while the work went on.
 */
export const ACCESS_READS_BUDGET_MS = 2_000;
const SLACK_TOO_SLOW = 'Slack took too long to tell me who is in this breach\'s channel, so nothing was done. Please try again in a moment.';

/** Marks a Slack read that did not answer within the budget. */
const TOO_SLOW = 'too slow' as const;

/**
 * Finds what the policy needs to know about a person, asking Slack only when the answer matters:
 * DPO, lead and reporter come from the database; channel membership (conversations.members) only
 * for an action members may do (deps.membership: one read serves many presses); workspace admin (users.info) only while no DPO is configured and
 * the DPO may do the action. If Slack cannot answer, the answer is no: nothing is granted on an error.
 */
export async function decideAccess(
  deps: Pick<BotDeps, 'db' | 'config' | 'membership'>,
  client: webApi.WebClient,
  action: PolicyAction,
  userId: string,
  breach: Pick<Breach, 'leadId' | 'reporterId' | 'channelId'> | null,
  budgetMs = ACCESS_READS_BUDGET_MS,
): Promise<{ access: Access; actor: Actor }> {
  const until = Date.now() + budgetMs;
  const org = await currentSettings(deps);
  const actor: Actor = {
    userId,
    isDpo: org.dpoUserIds.includes(userId),
    dpoConfigured: org.dpoUserIds.length > 0,
    isLead: Boolean(breach?.leadId && breach.leadId === userId),
    isReporter: breach?.reporterId === userId,
    isMember: false,
    isAdmin: false,
  };
  let access = may(action, actor);
  const who = POLICY[action].who;
  const inTime = <T>(read: Promise<T>) => within(read, until - Date.now(), () => TOO_SLOW);
  if (!access.ok && breach && who !== 'anyone' && who.includes('member')) {
    const member = await inTime(deps.membership.isMember(client, breach.channelId, userId));
    if (member === TOO_SLOW) return { access: { ok: false, reason: SLACK_TOO_SLOW }, actor };
    actor.isMember = member;
    access = may(action, actor);
  }
  if (!access.ok && adminMayStandIn(action, actor.dpoConfigured)) {
    const admin = await inTime(isWorkspaceAdmin(client, userId));
    if (admin === TOO_SLOW) return { access: { ok: false, reason: SLACK_TOO_SLOW }, actor };
    actor.isAdmin = admin;
    access = may(action, actor);
  }
  // Someone working on the breach who may not keep its record is told whom to ask, by name
  // (issue 17); an outsider learns nothing about who works on it. Without an answer in time, the
  // refusal goes without the names.
  if (!access.ok && breach && who !== 'anyone' && !who.includes('member')) {
    if ((await inTime(deps.membership.isMember(client, breach.channelId, userId))) === true) {
      access = { ok: false, reason: `${access.reason} For this breach, ask ${decidersText(breach.leadId, org.dpoUserIds)}.` };
    }
  }
  return { access, actor };
}

/**
 * For lists (`/breach list`, `/breach status` outside a breach channel): whether this user may read
 * each breach's details, by the same policy, with one settings read, and channel membership as
 * for any other decision (deps.membership).
 */
export async function readerOf(
  deps: Pick<BotDeps, 'db' | 'config' | 'membership'>,
  client: webApi.WebClient,
  userId: string,
): Promise<(b: Pick<Breach, 'leadId' | 'reporterId' | 'channelId'>) => Promise<boolean>> {
  const org = await currentSettings(deps);
  const isDpo = org.dpoUserIds.includes(userId);
  const dpoConfigured = org.dpoUserIds.length > 0;
  const isAdmin = !isDpo && adminMayStandIn('read', dpoConfigured) && (await isWorkspaceAdmin(client, userId));
  return async (b) =>
    may('read', {
      userId, isDpo, dpoConfigured, isAdmin,
      isLead: b.leadId === userId,
      isReporter: b.reporterId === userId,
      isMember: await deps.membership.isMember(client, b.channelId, userId),
    }).ok;
}

export async function isWorkspaceAdmin(client: webApi.WebClient, userId: string): Promise<boolean> {
  try {
    const res = await client.users.info({ user: userId });
    return Boolean(res.user?.is_admin || res.user?.is_owner);
  } catch {
    return false;
  }
}
