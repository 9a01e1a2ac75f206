import type { webApi } from '@slack/bolt';
import type { BackgroundTasks } from '../flows/background.js';
import type { CardRefresher } from '../flows/card.js';
import type { Deps } from '../flows/deps.js';
import type { HomePublisher } from '../flows/home.js';
import type { ChannelMembership } from './channel-membership.js';
import type { SlackSide } from './slack-side.js';

/** What every listener may use: the process's Deps (flows/deps.ts) and the Slack side's own. */
export interface BotDeps extends Deps {
  /** Work started after an ack; shutdown waits for it. */
  background: BackgroundTasks;
  /** Breach cards, refreshed coalesced per card within chat.update's rate limit. */
  cards: CardRefresher;
  /** Home tabs, published coalesced per user within views.publish's rate limit. */
  homes: HomePublisher;
  /**
   * A paced client that never retries by itself and hands a 429 back at once, for posts that must
   * not be made twice (reminders, the breach card): their callers look for an earlier post first.
   */
  postOnce: webApi.WebClient;
  /** Who is in each breach channel, for the access guard: one Slack read serves many presses. */
  membership: ChannelMembership;
  /** The renderers and Slack helpers the flows are handed (slack-side.ts), so they import no Slack code. */
  slack: SlackSide;
}
