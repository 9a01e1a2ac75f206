import { may } from '../../../domain/access.js';
import { refreshCard } from '../../../flows/card.js';
import { getBreachByChannel } from '../../../store/breaches.js';
import { setLead } from '../../../store/lead.js';
import { resolveActor } from '../../actor.js';
import { mention } from '../../blocks/text.js';
import { COMMAND } from '../../ids.js';
import { channelMembers } from '../../membership.js';
import { lookupUser } from '../../user-lookup.js';
import { isSlackError, slackErrorCode } from '../../web-api-error.js';
import type { Subcommand } from './subcommands.js';

/**
 * `/breach lead @person`: names the breach lead, who may then record decisions, notifications and
 * the close alongside the DPO (access.ts). Only the DPO, the current lead or an admin may.
 */
export const leadSubcommand: Subcommand = {
  name: 'lead',
  usage: '@person',
  summary: 'In a breach channel: name the breach lead (the DPO, the current lead or an admin may).',
  async run({ ack, client, command, respond }, rest, deps) {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    const breach = await getBreachByChannel(deps.db, command.channel_id);
    if (!breach) return void (await tell(`Run \`${COMMAND} lead @person\` in the breach's channel.`));
    const access = may('set_lead', await resolveActor(deps, client, command.user_id, breach));
    if (!access.ok) return void (await tell(access.reason));
    const who = await lookupUser(client, rest, command.user_id);
    if (!who.ok) return void (await tell(who.message));
    // The lead works in the breach channel: invite them if they are not in it yet.
    if (breach.channelId && !(await channelMembers(client, breach.channelId)).has(who.userId)) {
      try {
        await client.conversations.invite({ channel: breach.channelId, users: who.userId });
      } catch (err) {
        if (!isSlackError(err, 'already_in_channel')) {
          return void (await tell(`I could not invite ${mention(who.userId)} to this channel (${slackErrorCode(err)}), so they were not named lead.`));
        }
      }
    }
    const res = await setLead(deps.db, breach.id, who.userId, { actor: command.user_id, now: deps.clock.now().toJSDate() });
    if (!res.ok) {
      const why = { not_found: 'That breach no longer exists.', closed: `${breach.reference} is closed.`, unchanged: `${mention(who.userId)} is already the breach lead.` };
      return void (await tell(why[res.why]));
    }
    await refreshCard(deps, breach.id);
    await client.chat
      .postMessage({
        channel: command.channel_id,
        text: `:bust_in_silhouette: ${mention(command.user_id)} named ${mention(who.userId)} the breach lead${res.before ? ` (before: ${mention(res.before)})` : ''}. The lead may accept or override the risk decision and record notifications.`,
      })
      .catch((err) => deps.logger.warn(`could not announce the lead of ${breach.reference}: ${slackErrorCode(err)}`));
  },
};
