/**
 * Slack's documented rate limit of each Web API method breachbot calls: per method per app per
 * workspace, in calls per minute by tier (../shared/spec/slack-rules.md §4.2 and §4.3:
 * Tier 1/2/3/4 = 1/20/50/100 a minute; auth.test "hundreds"), and chat.postMessage about one
 * message per second per channel.
 */
export type Tier = 'tier1' | 'tier2' | 'tier3' | 'tier4' | 'special';

export const TIER_PER_MINUTE: Record<Tier, number> = { tier1: 1, tier2: 20, tier3: 50, tier4: 100, special: 600 };

/** chat.postMessage: "one message per second per channel" (its workspace-wide cap has no documented number). */
export const POST_MESSAGE_PER_CHANNEL = { limit: 1, intervalMs: 1_000 } as const;

/** Methods breachbot calls, by tier (slack-rules.md §4.2). */
export const METHOD_TIERS: Readonly<Record<string, Tier>> = {
  'auth.test': 'special',
  'chat.update': 'tier3',
  'chat.postEphemeral': 'tier4',
  'conversations.create': 'tier2',
  'conversations.invite': 'tier3',
  'conversations.setTopic': 'tier2',
  'conversations.archive': 'tier2',
  'conversations.history': 'tier3',
  'conversations.members': 'tier4',
  'conversations.open': 'tier3',
  'conversations.list': 'tier2',
  'pins.add': 'tier2',
  'users.info': 'tier4',
  'users.list': 'tier2',
  'usergroups.users.list': 'tier2',
  'views.open': 'tier4',
  'views.push': 'tier4',
  'views.update': 'tier4',
  'views.publish': 'tier4',
  'files.getUploadURLExternal': 'tier4',
  'files.completeUploadExternal': 'tier4',
};

/**
 * Not paced here: chat.postMessage is paced per channel instead, and apps.connections.open (Tier 1)
 * is called only by the Socket Mode client, whose own reconnect back-off spaces it out; pacing it
 * at one a minute would keep a dropped socket down for up to a minute.
 */
const UNPACED = new Set(['chat.postMessage', 'apps.connections.open']);

/** Calls per minute to pace a method at, or null when it is not paced per method. Unknown methods: Tier 2, the safe side. */
export function perMinute(method: string): number | null {
  if (UNPACED.has(method)) return null;
  return TIER_PER_MINUTE[METHOD_TIERS[method] ?? 'tier2'];
}
