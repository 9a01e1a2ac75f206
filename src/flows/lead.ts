import type { Logger, webApi } from '@slack/bolt';
import { mention } from '../slack/blocks/text.js';
import type { Deps } from './deps.js';
import { channelMembers } from '../slack/membership.js';
import { isSlackError, slackErrorCode } from '../web-api-error.js';
import { setLead } from '../store/lead.js';
import { refreshCard, type CardRefresher } from './card.js';
import type { Breach } from '../domain/breach/entity.js';

export type LeadContext = Pick<Deps, 'db' | 'config' | 'clock'> & { cards: CardRefresher; logger: Pick<Logger, 'warn'>; client: webApi.WebClient };

/**
 * Names the breach lead (`/breach lead @person` and the card's "Breach lead" picker); the access
 * guard has checked who asks (domain/access/policy.ts: set_lead). The lead works in the breach channel, so they are
 * invited first; then the change is stored with its event, the card refreshed and the channel told.
 * Returns what to tell the person who asked when nothing changed, or null when it was done.
 */
export async function nameLead(ctx: LeadContext, breach: Breach, actorId: string, leadId: string): Promise<string | null> {
  if (breach.channelId && !(await channelMembers(ctx.client, breach.channelId)).has(leadId)) {
    try {
      await ctx.client.conversations.invite({ channel: breach.channelId, users: leadId });
    } catch (err) {
      if (!isSlackError(err, 'already_in_channel')) {
        return `I could not invite ${mention(leadId)} to the breach channel (${slackErrorCode(err)}), so they were not named lead.`;
      }
    }
  }
  const res = await setLead(ctx.db, breach.id, leadId, { actor: actorId, now: ctx.clock.now().toJSDate() });
  if (!res.ok) {
    const why = { not_found: 'That breach no longer exists.', closed: `${breach.reference} is closed.`, unchanged: `${mention(leadId)} is already the breach lead.` };
    return why[res.why];
  }
  await refreshCard(ctx, breach.id);
  if (breach.channelId) {
    await ctx.client.chat
      .postMessage({
        channel: breach.channelId,
        text: `:bust_in_silhouette: ${mention(actorId)} named ${mention(leadId)} the breach lead${res.before ? ` (before: ${mention(res.before)})` : ''}. The lead may accept or override the risk decision and record notifications.`,
      })
      .catch((err) => ctx.logger.warn(`could not announce the lead of ${breach.reference}: ${slackErrorCode(err)}`));
  }
  return null;
}
