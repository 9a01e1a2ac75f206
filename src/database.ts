import type { Logger } from '@slack/bolt';
import type { Sql } from 'postgres';
import type { Config } from './config.js';
import type { EmbeddedServer } from './db/embedded.js';
import { EMBEDDED_APP, EMBEDDED_OWNER } from './db/roles.js';

/*
 * The bot's database made ready: the embedded server started when there is no DATABASE_URL, and
 * the migrations applied. Kept apart from bot.ts, which loads Bolt and every listener (about half
 * a second of module loading), so that main.ts can start this first and let the server boot and
 * migrate while the rest of the bot loads. Its own imports are few and loaded only when needed.
 */

/** A start-up failure with a message meant for the operator, printed as one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface ReadyDatabase {
  /** The URL the bot works with (the embedded server's when DATABASE_URL is unset). */
  url: string;
  /** The embedded server, when the bot runs its own; stopped at shutdown. */
  embedded?: EmbeddedServer;
}

/**
 * Starts the embedded server if needed and applies the migrations; every failure is a StartupError.
 * `onLongWait`: the embedded server has been launched and is booting (not called for an external one).
 */
export async function prepareDatabase(
  config: Config,
  logger: Pick<Logger, 'debug' | 'info' | 'warn'>,
  opts: { onLongWait?: () => void } = {},
): Promise<ReadyDatabase> {
  const url = config.databaseUrl;
  if (!url) {
    logger.debug('starting the embedded PostgreSQL');
    const [{ startEmbedded }, { applyMigrations }] = await Promise.all([import('./db/embedded.js'), import('./db/migrate.js')]);
    // The migrations run on the server's set-up connection, as the schema's owner.
    const embedded = await startEmbedded({
      dataDir: config.dataDir,
      log: (line) => logger.debug(`[postgres] ${line}`),
      ...(opts.onLongWait ? { onLongWait: opts.onLongWait } : {}),
      prepare: (admin: Sql) => applyMigrations(admin, { asRole: EMBEDDED_OWNER, appRole: EMBEDDED_APP }).catch(migrationsFailed),
    }).catch((err: Error) => {
      throw err instanceof StartupError ? err : new StartupError(`embedded database: ${err.message}`);
    });
    logger.info(`embedded PostgreSQL ready on 127.0.0.1:${embedded.port} (data in ${config.dataDir})`);
    logger.debug('database migrations applied');
    return { url: embedded.url, embedded };
  }
  // Migrations run as the schema's owner; the bot then works as its own, lesser role.
  let schema: { url: string; appRole?: string };
  if (config.databaseOwnerUrl) {
    schema = { url: config.databaseOwnerUrl, appRole: decodeURIComponent(new URL(url).username) };
  } else {
    schema = { url };
    logger.warn(
      "DATABASE_URL's role owns the schema, so it could rewrite history; give the bot its own role: README, \"Database roles\" (npm run db:roles)",
    );
  }
  const { applyMigrations } = await import('./db/migrate.js');
  await applyMigrations(schema.url, schema).catch(migrationsFailed);
  logger.debug('database migrations applied');
  return { url };
}

function migrationsFailed(err: Error): never {
  throw new StartupError(`database migrations failed: ${err.message}`);
}
