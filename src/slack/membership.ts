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
