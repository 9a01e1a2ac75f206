import type { webApi } from '@slack/bolt';
import type { SetupContext } from '../../flows/declare-setup.js';
import type { BotDeps } from '../deps.js';

/** The setup flow's view of the bot: the listener's client and the bot's own user id. */
export function setupContext(deps: BotDeps, client: webApi.WebClient, botUserId: string | undefined): SetupContext {
  return {
    db: deps.db,
    client,
    logger: deps.logger,
    clock: deps.clock,
    config: deps.config,
    botUserId: botUserId ?? '',
    owner: deps.owner,
    cards: deps.cards,
    homes: deps.homes,
    slack: deps.slack,
    postOnce: deps.postOnce,
  };
}
