import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import { COMMAND } from '../../ids.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { assessSubcommand } from './assess.js';
import { declareSubcommand } from './declare.js';
import { factsSubcommand } from './facts.js';
import { parse } from './parse.js';
import { helpSubcommand } from './help.js';
import { leadSubcommand } from './lead.js';
import { listSubcommand, statusSubcommand } from './status.js';
import { registerSubcommand } from './register.js';
import { timelineSubcommand } from './timeline.js';
import type { CommandArgs, Subcommand } from './subcommands.js';

/** The subcommands that exist; help is generated from this list. */
function subcommands(): Subcommand[] {
  return list;
}
const list: Subcommand[] = [
  declareSubcommand,
  assessSubcommand,
  factsSubcommand,
  leadSubcommand,
  statusSubcommand,
  listSubcommand,
  timelineSubcommand,
  registerSubcommand,
  helpSubcommand(subcommands),
];

/** The subcommand names, for the access map's check (every one has a policy entry). */
export function subcommandNames(): string[] {
  return list.map((s) => s.name);
}

/** `/breach …`: parses the first word and hands over to its subcommand. */
export function registerBreachCommand(app: App, deps: BotDeps): void {
  app.command(COMMAND, async (args) => {
    const { name, rest } = parse(args.command.text);
    const sub = list.find((s) => s.name === name) ?? (name === '' ? defaultSubcommand() : undefined);
    if (!sub) return unknown(args, name);
    try {
      await sub.run(args, rest, deps);
    } catch (err) {
      deps.logger.error(`${COMMAND} ${sub.name} failed:`, err);
      throw err;
    }
  });
}

/** Bare `/breach` declares: the command someone types in a hurry should do the urgent thing. */
function defaultSubcommand(): Subcommand {
  return declareSubcommand;
}


async function unknown({ ack }: CommandArgs, name: string): Promise<void> {
  await ack({
    response_type: 'ephemeral',
    text: `I don't know \`${COMMAND} ${escapeMrkdwn(name)}\`. Try \`${COMMAND} help\` to see what I can do.`,
  });
}
