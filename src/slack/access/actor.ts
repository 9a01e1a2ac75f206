import type { webApi } from '@slack/bolt';
import { adminMayStandIn, may, POLICY, type Access, type Actor, type PolicyAction } from '../../domain/access/policy.js';
import type { Breach } from '../../store/breaches.js';
import { getOrgSettings } from '../../store/settings.js';
import type { BotDeps } from '../deps.js';
import { decidersText } from '../blocks/text.js';
import { channelMembersMemo } from '../channel-members-memo.js';
import { canSeeBreach } from '../membership.js';

/**
 * Finds what the policy needs to know about a person, asking Slack only when the answer matters:
 * DPO, lead and reporter come from the database; channel membership (conversations.members) only
 * for an action members may do; workspace admin (users.info) only while no DPO is configured and
 * the DPO may do the action. If Slack cannot answer, the answer is no: nothing is granted on an error.
 */
export async function decideAccess(
  deps: Pick<BotDeps, 'db' | 'config'>,
  client: webApi.WebClient,
  action: PolicyAction,
  userId: string,
  breach: Pick<Breach, 'leadId' | 'reporterId' | 'channelId'> | null,
): Promise<{ access: Access; actor: Actor }> {
  const org = await getOrgSettings(deps.db, deps.config);
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
  if (!access.ok && breach && who !== 'anyone' && who.includes('member')) {
    actor.isMember = await canSeeBreach(client, breach.channelId, userId);
    access = may(action, actor);
  }
  if (!access.ok && adminMayStandIn(action, actor.dpoConfigured)) {
    actor.isAdmin = await isWorkspaceAdmin(client, userId);
    access = may(action, actor);
  }
  // Someone working on the breach who may not keep its record is told whom to ask, by name
  // (issue 17); an outsider learns nothing about who works on it.
  if (!access.ok && breach && who !== 'anyone' && !who.includes('member')) {
    if (await canSeeBreach(client, breach.channelId, userId)) {
      access = { ok: false, reason: `${access.reason} For this breach, ask ${decidersText(breach.leadId, org.dpoUserIds)}.` };
    }
  }
  return { access, actor };
}

/**
 * For lists (`/breach list`, `/breach status` outside a breach channel): whether this user may read
 * each breach's details, by the same policy, with one settings read and one membership read per
 * channel for the whole list.
 */
export async function readerOf(
  deps: Pick<BotDeps, 'db' | 'config'>,
  client: webApi.WebClient,
  userId: string,
): Promise<(b: Pick<Breach, 'leadId' | 'reporterId' | 'channelId'>) => Promise<boolean>> {
  const org = await getOrgSettings(deps.db, deps.config);
  const isDpo = org.dpoUserIds.includes(userId);
  const dpoConfigured = org.dpoUserIds.length > 0;
  const isAdmin = !isDpo && adminMayStandIn('read', dpoConfigured) && (await isWorkspaceAdmin(client, userId));
  const isMember = channelMembersMemo(client);
  return async (b) =>
    may('read', {
      userId, isDpo, dpoConfigured, isAdmin,
      isLead: b.leadId === userId,
      isReporter: b.reporterId === userId,
      isMember: await isMember(b.channelId, userId),
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
