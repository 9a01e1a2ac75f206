import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@slack/bolt';
import type { Config } from './config.js';
import { openDb, type DbHandle } from './db/client.js';
import { isMigrated } from './db/migrate.js';
import { prepareDatabase, StartupError, type ReadyDatabase } from './database.js';
import { HealthCache } from './http/health.js';
import { createHttpServer, createOpsServer } from './http/server.js';
import { systemClock, type Clock } from './domain/clock.js';
import { BackgroundTasks } from './flows/background.js';
import { newOwnerId } from './flows/lease-owner.js';
import { chainNext, startReminderScheduler } from './flows/reminder-scheduler.js';
import { afterReminder, postReminder, roundSettings } from './flows/reminders.js';
import { startSetupSweeper } from './flows/setup-sweeper.js';
import { CardRefresher } from './flows/card.js';
import { HomePublisher } from './flows/home.js';
import { SlackPacer } from './slack/pacer.js';
import { reminderClient } from './slack/reminder-client.js';
import { slackSideFor } from './slack/slack-side.js';
import { backgroundClient } from './slack/web-client.js';
import { getOrgSettings } from './store/settings.js';
import { startBackupScheduler } from './flows/backups.js';
import { reportBackupFailure } from './slack/backup-failure-dm.js';
import { publishHome } from './flows/home.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createSlackApp } from './slack/app.js';
import { ChannelMembership } from './slack/channel-membership.js';
import { setupContext } from './slack/listeners/setup-context.js';
import { requestKind } from './slack/request-kind.js';

export interface BotHandle {
  /** The port the HTTP server listens on (useful with PORT=0). */
  port: number;
  /** The operations server's port, when OPS_PORT is set. */
  opsPort?: number;
  /** The database URL in use (the embedded server's when DATABASE_URL is unset). */
  databaseUrl: string;
  db: DbHandle;
  /** Runs a reminder round now (tests move the clock, then tick). */
  tickReminders(): Promise<void>;
  /** Makes the scheduled backup now if one is due. */
  backupIfDue(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Injectable time, so tests move the clock instead of sleeping. */
  clock?: Clock;
  /** How often unfinished setups are swept up (ms); 0 turns the sweeper off. */
  sweepIntervalMs?: number;
  /** How often the reminder scheduler looks for due reminders (ms); 0 = only when ticked. Default 1 s. */
  reminderPollMs?: number;
  /** Interface for the HTTP server; all interfaces by default, as a container needs. */
  host?: string;
  /** How often the database check behind /healthz runs (ms). Default 1 s: one query a second, however often /healthz is asked. */
  healthCheckMs?: number;
  /** How often to check whether the daily backup is due (ms); 0 = only when asked. Default: hourly, first after 5 minutes. */
  backupCheckMs?: number;
  /**
   * The database, already being made ready (prepareDatabase, started by main.ts while this module
   * loaded). Default: made ready here. On failure its embedded server is stopped with the rest.
   */
  database?: Promise<ReadyDatabase>;
}

export { StartupError };

/**
 * Starts one bot: database (external or embedded), migrations, the Slack app, and the HTTP server.
 * Returns only when the bot can serve; every step's failure becomes one clear StartupError.
 */
export async function startBot(config: Config, opts: StartOptions = {}): Promise<BotHandle> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const fn of cleanups.reverse()) {
      await fn().catch((err) => logger.warn('during shutdown:', (err as Error).message));
    }
    cleanups.length = 0;
  };
  try {
    // main.ts starts this before loading the rest of the bot; tests and tools call startBot alone.
    const database = await (opts.database ?? prepareDatabase(config, logger));
    if (database.embedded) {
      const embedded = database.embedded;
      cleanups.push(() => embedded.stop());
    }
    const databaseUrl = database.url;
    const db = openDb(databaseUrl);
    cleanups.push(() => db.close());

    const metrics = createMetrics();
    const clock = opts.clock ?? systemClock;
    const owner = newOwnerId();
    const background = new BackgroundTasks((err) => logger.error('background task failed:', err));
    cleanups.push(() => background.drain());
    // One pacer for every Web API client of this process: Slack's limits are per app, not per client.
    const pacer = new SlackPacer();
    // Who is in each breach channel, for the access guard and the Home tabs alike.
    const membership = new ChannelMembership(() => clock.now().toMillis());
    const slackSide = slackSideFor(membership);
    // Card updates take their chat.update turn before rendering, so their client does not pace it again.
    const cardClient = backgroundClient(config, logger, pacer, { prepaced: ['chat.update'] });
    const cards = new CardRefresher({ db: db.db, client: cardClient, clock, logger, config, slack: slackSide }, (update) => pacer.turn('chat.update', update));
    const homes = new HomePublisher({ db: db.db, clock, logger, config, slack: slackSide }, backgroundClient(config, logger, pacer));
    cleanups.push(() => cards.drain(), () => homes.drain());
    const postOnce = reminderClient(config, logger, pacer);
    const deps = { db: db.db, sql: db.sql, logger, metrics, clock, owner, background, cards, homes, postOnce, membership, slack: slackSide };
    const { app, receiver } = createSlackApp(config, deps, pacer);
    // Slack's auth.test (app.init) and the first database check behind /healthz, side by side.
    const slackReady = app.init().catch((err: Error & { code?: string; data?: { error?: string } }) => {
      if (err.code === 'slack_webapi_platform_error') {
        throw new StartupError(
          `Slack rejected SLACK_BOT_TOKEN (${err.data?.error ?? 'error'}) at ${config.slack.apiUrl}; check the token`,
        );
      }
      throw new StartupError(`could not reach Slack's Web API at ${config.slack.apiUrl} (${err.message}); check SLACK_API_URL`);
    });
    // /healthz answers from this cache; the database is asked on a timer, not per request.
    const healthCache = new HealthCache(async () => (await db.sql`select 1`, isMigrated(db.sql)), { intervalMs: opts.healthCheckMs ?? 1_000, logger });
    cleanups.push(async () => healthCache.stop());
    await Promise.all([slackReady, healthCache.start()]);

    const opsDeps = { health: () => healthCache.current(), metrics, logger };
    const separateOps = config.ops.port !== undefined;
    const server = createHttpServer({
      ...(receiver ? { slackListener: receiver.requestListener } : {}),
      kindOf: requestKind,
      ...opsDeps,
      ops: { metrics: !separateOps, healthz: !separateOps || config.ops.healthzPublic },
    });
    await listen(server, config.port, opts.host, 'PORT', cleanups);
    let opsPort: number | undefined;
    if (separateOps) {
      const ops = createOpsServer({ ...opsDeps, ops: { metrics: true, healthz: true } });
      await listen(ops, config.ops.port!, config.ops.host, 'OPS_PORT', cleanups);
      opsPort = (ops.address() as AddressInfo).port;
      logger.info(`operations endpoints (/metrics, /healthz) on ${config.ops.host}:${opsPort}`);
    }
    if (config.slack.mode === 'socket') {
      await app.start();
      cleanups.push(async () => {
        await app.stop();
      });
    }
    // Finish any declaration a previous run (or a dead replica) left half-built, then keep sweeping.
    const auth = await app.client.auth.test();
    const sweeper = startSetupSweeper(
      setupContext({ ...deps, config }, app.client, auth.user_id),
      opts.sweepIntervalMs ?? 30_000,
    );
    cleanups.push(() => sweeper.stop());

    // Reminders: every replica runs a scheduler; the database hands each reminder to one of them.
    const reminderCtx = { db: db.db, client: postOnce, clock, logger, config, cards, slack: slackSide };
    const scheduler = startReminderScheduler({
      db: db.db,
      clock,
      owner,
      pollMs: opts.reminderPollMs ?? config.reminderPollMs,
      post: (r, round) => postReminder(reminderCtx, r, round),
      onAfterPost: (r) => afterReminder(reminderCtx, r),
      nextReminder: async (r, after, round) => chainNext(r, after, { schedule: (await roundSettings(reminderCtx, round)).reminderSchedule }),
      logger,
    });
    cleanups.push(() => scheduler.stop());

    // Daily backups; a failure is told to the DPO users in a DM and on their Home.
    const backupCheckMs = opts.backupCheckMs ?? 3_600_000;
    const backups = startBackupScheduler({
      db: db.db,
      url: databaseUrl,
      dir: config.backupDir,
      clock,
      logger,
      checkEveryMs: backupCheckMs,
      reportFailure: async (message) => {
        const { dpoUserIds } = await getOrgSettings(db.db, config);
        await reportBackupFailure(app.client, dpoUserIds, config.backupDir, message, logger);
        for (const user of dpoUserIds) await publishHome(deps, user);
      },
    });
    const firstBackupCheck = backupCheckMs > 0 ? setTimeout(() => void backups.runNow(), Math.min(backupCheckMs, 300_000)) : undefined;
    firstBackupCheck?.unref();
    cleanups.push(async () => {
      clearTimeout(firstBackupCheck);
      await backups.stop();
    });
    const port = (server.address() as AddressInfo).port;
    logger.info(`breachbot listening on port ${port} (${config.slack.mode === 'socket' ? 'Socket Mode' : 'HTTP, POST /slack/events'})`);
    return { port, ...(opsPort !== undefined ? { opsPort } : {}), databaseUrl, db, tickReminders: () => scheduler.tickNow(), backupIfDue: backups.runNow, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** Listens on port/host, turning a busy port into a StartupError naming the setting; closed at shutdown. */
async function listen(server: Server, port: number, host: string | undefined, setting: string, cleanups: Array<() => Promise<void>>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new StartupError(err.code === 'EADDRINUSE' ? `${setting} ${port} is already in use` : `${setting}: ${err.message}`)),
    );
    server.listen(port, host, resolve);
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  );
}
