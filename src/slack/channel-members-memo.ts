import type { webApi } from '@slack/bolt';
import type { IsMember } from '../flows/home.js';
import { channelMembers } from './membership.js';

export type { IsMember };

/**
 * One memo per rendering batch: republishing every viewer's Home asks conversations.members once per
 * breach channel instead of once per viewer and channel (Tier 4: about 100 calls a minute). Not kept
 * longer, so someone removed from a channel stops seeing its details at the next render.
 */
export function channelMembersMemo(client: webApi.WebClient): IsMember {
  const cache = new Map<string, Promise<Set<string> | null>>();
  return async (channelId, userId) => {
    if (!channelId) return false;
    let members = cache.get(channelId);
    if (!members) {
      // If Slack cannot tell us, show less rather than more (as ChannelMembership does).
      members = channelMembers(client, channelId).catch(() => null);
      cache.set(channelId, members);
    }
    return (await members)?.has(userId) ?? false;
  };
}
