import { nameLead } from '../../../flows/lead.js';
import { granted } from '../../access/context.js';
import { COMMAND } from '../../ids.js';
import { lookupUser } from '../../user-lookup.js';
import type { Subcommand } from './subcommands.js';

/**
 * `/breach lead @person`: names the breach lead, who may then record decisions, notifications and
 * the close alongside the DPO. Only the DPO or the current lead may (domain/access/policy.ts).
 */
export const leadSubcommand: Subcommand = {
  name: 'lead',
  usage: '@person',
  where: 'breach_channel',
  summary: 'Name the breach lead (the DPO or the current lead may).',
  async run({ ack, client, command, context, respond }, rest, deps) {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', text });
    const breach = granted(context).breach;
    if (!breach) return void (await tell(`Run \`${COMMAND} lead @person\` in the breach's channel.`));
    const who = await lookupUser(client, rest, command.user_id);
    if (!who.ok) return void (await tell(who.message));
    const refused = await nameLead({ ...deps, client }, breach, command.user_id, who.userId);
    if (refused) await tell(refused);
  },
};
