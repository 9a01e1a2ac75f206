import type { Logger, webApi } from '@slack/bolt';
import type { Deps } from './deps.js';
import { isSlackError, slackErrorCode } from '../web-api-error.js';
import { setLead } from '../store/lead.js';
import { refreshCard, type CardRefresher, type CardSlack } from './card.js';
import type { Breach } from '../domain/breach/entity.js';

/** What naming a lead says: to the person who asked when nothing changed, or in the breach channel. */
export type LeadMessage =
  | { kind: 'invite_failed'; leadId: string; error: string }
  | { kind: 'not_found' }
  | { kind: 'closed'; reference: string }
  | { kind: 'unchanged'; leadId: string }
  | { kind: 'named'; actorId: string; leadId: string; before: string | null };

/**
 * What the lead flow needs from the Slack side (src/slack/slack-side.ts, handed in at wiring time):
 * the channel's members (src/slack/membership.ts), the words (src/slack/blocks/lead-text.ts), and
 * the card's port.
 */
export interface LeadSlack extends CardSlack {
  channelMembers(client: webApi.WebClient, channel: string): Promise<Set<string>>;
  leadText(m: LeadMessage): string;
}

export type LeadContext = Pick<Deps, 'db' | 'config' | 'clock'> & {
  cards: CardRefresher;
  logger: Pick<Logger, 'warn'>;
  client: webApi.WebClient;
  slack: LeadSlack;
};

/**
 * Names the breach lead (`/breach lead @person` and the card's "Breach lead" picker); the access
 * guard has checked who asks (domain/access/policy.ts: set_lead). The lead works in the breach channel, so they are
 * invited first; then the change is stored with its event, the card refreshed and the channel told.
 * Returns what to tell the person who asked when nothing changed, or null when it was done.
 */
export async function nameLead(ctx: LeadContext, breach: Breach, actorId: string, leadId: string): Promise<string | null> {
  if (breach.channelId && !(await ctx.slack.channelMembers(ctx.client, breach.channelId)).has(leadId)) {
    try {
      await ctx.client.conversations.invite({ channel: breach.channelId, users: leadId });
    } catch (err) {
      if (!isSlackError(err, 'already_in_channel')) {
        return ctx.slack.leadText({ kind: 'invite_failed', leadId, error: slackErrorCode(err) });
      }
    }
  }
  const res = await setLead(ctx.db, breach.id, leadId, { actor: actorId, now: ctx.clock.now().toJSDate() });
  if (!res.ok) {
    const why: Record<typeof res.why, LeadMessage> = { not_found: { kind: 'not_found' }, closed: { kind: 'closed', reference: breach.reference }, unchanged: { kind: 'unchanged', leadId } };
    return ctx.slack.leadText(why[res.why]);
  }
  await refreshCard(ctx, breach.id);
  if (breach.channelId) {
    await ctx.client.chat
      .postMessage({
        channel: breach.channelId,
        text: ctx.slack.leadText({ kind: 'named', actorId, leadId, before: res.before }),
      })
      .catch((err) => ctx.logger.warn(`could not announce the lead of ${breach.reference}: ${slackErrorCode(err)}`));
  }
  return null;
}
