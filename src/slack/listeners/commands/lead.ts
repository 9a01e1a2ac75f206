import { may } from '../../../domain/access.js';
import { nameLead } from '../../../flows/lead.js';
import { getBreachByChannel } from '../../../store/breaches.js';
import { resolveActor } from '../../actor.js';
import { COMMAND } from '../../ids.js';
import { lookupUser } from '../../user-lookup.js';
import type { Subcommand } from './subcommands.js';

/**
 * `/breach lead @person`: names the breach lead, who may then record decisions, notifications and
 * the close alongside the DPO (access.ts). Only the DPO, the current lead or an admin may.
 */
export const leadSubcommand: Subcommand = {
  name: 'lead',
  usage: '@person',
  where: 'breach_channel',
  summary: 'Name the breach lead (the DPO, the current lead or an admin may).',
  async run({ ack, client, command, respond }, rest, deps) {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    const breach = await getBreachByChannel(deps.db, command.channel_id);
    if (!breach) return void (await tell(`Run \`${COMMAND} lead @person\` in the breach's channel.`));
    // Checked before looking the person up, so someone who may not name a lead learns that first.
    const access = may('set_lead', await resolveActor(deps, client, command.user_id, breach));
    if (!access.ok) return void (await tell(access.reason));
    const who = await lookupUser(client, rest, command.user_id);
    if (!who.ok) return void (await tell(who.message));
    const refused = await nameLead({ ...deps, client }, breach, command.user_id, who.userId);
    if (refused) await tell(refused);
  },
};
