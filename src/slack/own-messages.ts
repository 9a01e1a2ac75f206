import type { webApi } from '@slack/bolt';

/**
 * Finds a message the bot posted with this metadata (`event_type` and `breach_id`) among the
 * channel's recent messages. Used when a post may have succeeded in Slack but the process died
 * before it stored the message's ts: looking first means the message is never posted twice.
 */
export async function findOwnMessage(
  client: webApi.WebClient,
  channel: string,
  eventType: string,
  breachId: string,
  extra: (payload: Record<string, unknown>) => boolean = () => true,
): Promise<string | null> {
  const res = await client.conversations.history({ channel, limit: 100, include_all_metadata: true });
  const hit = res.messages?.find((m) => {
    const meta = m.metadata as { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
    return meta?.event_type === eventType && meta.event_payload?.['breach_id'] === breachId && extra(meta.event_payload);
  });
  return hit?.ts ?? null;
}
