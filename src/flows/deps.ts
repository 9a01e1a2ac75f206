import type { Logger } from '@slack/bolt';
import type { Sql } from 'postgres';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import type { Metrics } from '../metrics.js';

/**
 * What the process gives every flow and listener. Passed in, never imported as globals, so tests can
 * run several bots. The Slack side adds its own on top (src/slack/deps.ts `BotDeps`); a flow picks
 * the fields it needs from here.
 */
export interface Deps {
  config: Config;
  db: Db;
  sql: Sql;
  logger: Logger;
  metrics: Metrics;
  clock: Clock;
  /** This process's name in leases and claims (host:pid:random). */
  owner: string;
}
