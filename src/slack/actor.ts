import type { webApi } from '@slack/bolt';
import type { Actor } from '../domain/access.js';
import type { Breach } from '../store/breaches.js';
import { getOrgSettings } from '../store/settings.js';
import type { BotDeps } from './deps.js';

/** Who is acting, as access.ts needs it: DPO from the settings, lead from the breach, admin from Slack. */
export async function resolveActor(
  deps: Pick<BotDeps, 'db' | 'config'>,
  client: webApi.WebClient,
  userId: string,
  breach?: Pick<Breach, 'leadId'> | null,
): Promise<Actor> {
  const org = await getOrgSettings(deps.db, deps.config);
  const isDpo = org.dpoUserIds.includes(userId);
  const isLead = Boolean(breach?.leadId && breach.leadId === userId);
  // Only ask Slack when the answer matters: DPOs and leads are allowed already.
  const isAdmin = isDpo || isLead ? false : await isWorkspaceAdmin(client, userId);
  return { userId, isDpo, isLead, isAdmin };
}

async function isWorkspaceAdmin(client: webApi.WebClient, userId: string): Promise<boolean> {
  try {
    const res = await client.users.info({ user: userId });
    return Boolean(res.user?.is_admin || res.user?.is_owner);
  } catch {
    // If Slack cannot tell us, the answer is no: privileges are never granted on an error.
    return false;
  }
}
