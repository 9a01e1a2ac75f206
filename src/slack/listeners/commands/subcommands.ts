import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';

export type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

export type SubcommandPlace = 'anywhere' | 'breach_channel' | 'dpo';

/** One `/breach <name>` subcommand: its help line and its handler. */
export interface Subcommand {
  name: string;
  /** Arguments as shown in help, e.g. `[short title]`. */
  usage?: string;
  summary: string;
  /** Where it is used, for the grouped help: anywhere, in a breach channel, or by the DPO and admins. */
  where: SubcommandPlace;
  /** `rest` is the text after the subcommand name, decoded from Slack's entity escaping. */
  run(args: CommandArgs, rest: string, deps: BotDeps): Promise<void>;
}
