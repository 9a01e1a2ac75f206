import type { webApi } from '@slack/bolt';

/**
 * Finding a message the bot posted earlier, by its metadata (src/slack/own-messages.ts): a post that
 * may have reached Slack before the process died is looked for, never made twice. Part of the Slack
 * side's port (src/slack/slack-side.ts) for the flows that post so: setup and reminders.
 */
export interface OwnMessages {
  findOwnMessage(
    client: webApi.WebClient,
    channel: string,
    eventType: string,
    breachId: string,
    extra?: (payload: Record<string, unknown>) => boolean,
  ): Promise<string | null>;
}
