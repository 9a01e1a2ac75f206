import type { Logger, webApi } from '@slack/bolt';
import type { Sql } from 'postgres';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import type { BackgroundTasks } from '../flows/background.js';
import type { CardRefresher } from '../flows/card.js';
import type { HomePublisher } from '../flows/home.js';
import type { Metrics } from '../metrics.js';

/** What every listener may use. Passed in, never imported as globals, so tests can run several bots. */
export interface BotDeps {
  config: Config;
  db: Db;
  sql: Sql;
  logger: Logger;
  metrics: Metrics;
  clock: Clock;
  /** This process's name in leases and claims (host:pid:random). */
  owner: string;
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
}
