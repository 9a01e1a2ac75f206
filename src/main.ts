import 'dotenv/config';
import type { BotHandle } from './bot.js';
import { ConfigError, loadConfig } from './config.js';
import { prepareDatabase, StartupError, type ReadyDatabase } from './database.js';
import { isDriverTypeFetchFailure } from './db/driver-quirks.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const p of err.problems) process.stderr.write(`breachbot: configuration error: ${p}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  // Signals are ours from the first moment: one that arrives while the bot is starting stops it as
  // soon as it has started, instead of killing it half-way (the default action).
  let stopSignal: string | undefined;
  let bot: BotHandle | undefined;
  const shutdown = (signal: string) => {
    if (stopSignal) return;
    stopSignal = signal;
    logger.info(`${signal} received, shutting down`);
    if (bot) stopAndExit(bot);
  };
  const stopAndExit = (b: NonNullable<typeof bot>) =>
    b
      .stop()
      .then(() => process.exit(0))
      .catch((err) => {
        logger.error('shutdown failed:', err);
        process.exit(1);
      });
  // A new database connection cut while the driver reads its type catalogue: the driver's own,
  // uncatchable rejection (db/driver-quirks.ts). Everything else ends the process, as Node would.
  process.on('unhandledRejection', (err) => {
    if (isDriverTypeFetchFailure(err)) {
      logger.warn(`a new database connection was cut while it started (${(err as { code?: string }).code ?? 'error'}); the pool opens another`);
      return;
    }
    throw err;
  });
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // The database first (the embedded server boots, the migrations run), then the rest of the bot
  // loads meanwhile: its modules (Bolt, every listener) take about as long as the server's start,
  // and /healthz answers only once both are done (docs/benchmarks.md, start to /healthz).
  // The embedded server is launched before the bot's modules are read: reading them holds this
  // process for most of a second, and the launch would otherwise wait behind it.
  let launched: () => void = () => {};
  const launch = new Promise<void>((resolve) => (launched = resolve));
  const database: Promise<ReadyDatabase> = prepareDatabase(config, logger, { onLongWait: () => launched() });
  database.catch(() => {}); // handled by startBot; not an unhandled rejection while the bot loads
  if (!config.databaseUrl) await Promise.race([launch, database.then(() => {}, () => {})]);
  try {
    logger.debug('loading the bot');
    const { startBot } = await import('./bot.js').catch(async (err: unknown) => {
      await database.then((d) => d.embedded?.stop()).catch(() => {});
      throw err;
    });
    logger.debug('bot loaded');
    bot = await startBot(config, { logger, database });
  } catch (err) {
    // One line an operator can act on, never a stack trace (that only with LOG_LEVEL=debug).
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`breachbot: cannot start: ${message.replaceAll('\n', ' ')}\n`);
    if (!(err instanceof StartupError)) logger.debug('start-up failure:', err);
    process.exit(1);
  }
  if (stopSignal) stopAndExit(bot);
}

void main();
