import type { webApi } from '@slack/bolt';
import { escapeMrkdwn } from './mrkdwn.js';

export type UserLookup = { ok: true; userId: string } | { ok: false; message: string };

/**
 * The person a command names: `<@U…>` (Slack's escaped mention), `me`, or `@name` as typed when the
 * command is not escaped (manifest `should_escape: false`), matched on the user name, display
 * name or real name. Bots and deactivated accounts are never matched.
 */
export async function lookupUser(client: webApi.WebClient, text: string, self: string): Promise<UserLookup> {
  const t = text.trim();
  const mention = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(t);
  if (mention) return { ok: true, userId: mention[1]! };
  if (t.toLowerCase() === 'me') return { ok: true, userId: self };
  const name = t.replace(/^@/, '').toLowerCase();
  if (!name || /\s{2,}|[<>]/.test(name)) return { ok: false, message: 'Name one person, e.g. `@dina.dpo`, or `me`.' };
  const found = new Set<string>();
  let cursor: string | undefined;
  do {
    const res = await client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const u of res.members ?? []) {
      if (u.deleted || u.is_bot || !u.id) continue;
      const names = [u.name, u.profile?.display_name, u.real_name].map((n) => (n ?? '').toLowerCase());
      if (names.includes(name)) found.add(u.id);
    }
    cursor = res.response_metadata?.next_cursor || undefined;
  } while (cursor);
  const [only, ...more] = found;
  if (!only) return { ok: false, message: `I cannot find anyone called @${escapeMrkdwn(name)} in this workspace.` };
  if (more.length) return { ok: false, message: `More than one person is called @${escapeMrkdwn(name)}: use their user name as in their profile.` };
  return { ok: true, userId: only };
}
