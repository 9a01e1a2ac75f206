import type { webApi } from '@slack/bolt';
import type { DecisionContext } from '../../flows/decision.js';
import type { BotDeps } from '../deps.js';

/** The assessment and decision flows' view of the bot: the listener's client and the shared deps. */
export function decisionContext(deps: BotDeps, client: webApi.WebClient): DecisionContext & Pick<BotDeps, 'slack'> {
  return { db: deps.db, client, clock: deps.clock, logger: deps.logger, config: deps.config, cards: deps.cards, slack: deps.slack };
}
