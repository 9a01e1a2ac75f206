import type { webApi } from '@slack/bolt';

/** Members of a channel the bot is in (all pages). */
export async function channelMembers(client: webApi.WebClient, channel: string): Promise<Set<string>> {
  const out = new Set<string>();
  let cursor: string | undefined;
  do {
    const res = await client.conversations.members({ channel, limit: 200, ...(cursor ? { cursor } : {}) });
    for (const m of res.members ?? []) out.add(m);
    cursor = res.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return out;
}

/** Whether the user may see a breach's details: only members of its private channel may. */
export async function canSeeBreach(client: webApi.WebClient, channelId: string | null, userId: string): Promise<boolean> {
  if (!channelId) return false;
  try {
    return (await channelMembers(client, channelId)).has(userId);
  } catch {
    // If Slack cannot tell us, show less rather than more.
    return false;
  }
}
