import { storedCard } from '../../../flows/card.js';
import { openBreachesStanding } from '../../../flows/progress.js';
import { granted } from '../../access/context.js';
import { renderBreachCard } from '../../blocks/breach-card.js';
import { breachLine, linesToBlocks } from '../../blocks/breach-summary.js';
import { readerOf } from '../../access/actor.js';
import type { CommandArgs, Subcommand } from './subcommands.js';
import type { BotDeps } from '../../deps.js';

/** `/breach status`: in a breach channel, that breach's card; elsewhere, the open breaches. */
export const statusSubcommand: Subcommand = {
  name: 'status',
  where: 'anywhere',
  summary: "In a breach channel: the breach's card. Elsewhere: the open breaches.",
  async run(args, _rest, deps) {
    await args.ack();
    const breach = granted(args.context).breach;
    if (!breach) return respondWithList(args, deps, 'Open breaches');
    const card = renderBreachCard(await storedCard(deps, breach));
    await args.respond({ response_type: 'ephemeral', ...card });
  },
};

/**
 * `/breach list`: the open breaches as their cards show them (deadline or what happened, next step),
 * with details only where the user may read them (the access policy's `read`).
 */
export const listSubcommand: Subcommand = {
  name: 'list',
  where: 'anywhere',
  summary: 'List the open breaches.',
  async run(args, _rest, deps) {
    await args.ack();
    await respondWithList(args, deps, 'Open breaches');
  },
};

async function respondWithList({ respond, client, command }: CommandArgs, deps: BotDeps, heading: string): Promise<void> {
  const { open, progress, dpoUserIds } = await openBreachesStanding(deps.db, deps.config, deps.clock.now());
  if (open.length === 0) {
    await respond({ response_type: 'ephemeral', text: 'There are no open breaches.' });
    return;
  }
  const mayRead = await readerOf(deps, client, command.user_id);
  const lines = await Promise.all(
    open.map(async (b) => breachLine({ breach: b, progress: progress.get(b.id)!, canSeeDetails: await mayRead(b) }, deps.config.timezone, dpoUserIds)),
  );
  await respond({
    response_type: 'ephemeral',
    text: `${heading}: ${open.length}`,
    blocks: linesToBlocks(`*${heading}* (${open.length}), nearest deadline first:`, lines),
  });
}
