import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';

export type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** One `/breach <name>` subcommand: its help line and its handler. */
export interface Subcommand {
  name: string;
  /** Arguments as shown in help, e.g. `[short title]`. */
  usage?: string;
  summary: string;
  /** `rest` is the text after the subcommand name, decoded from Slack's entity escaping. */
  run(args: CommandArgs, rest: string, deps: BotDeps): Promise<void>;
}
