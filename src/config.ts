import { join } from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * Settings, read once at start-up from the environment (and `.env` when present).
 * Every setting is validated here so that a typo stops the bot with one clear line
 * naming the variable, instead of failing later in the middle of a breach.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Where the data is: all that the database commands (backup, restore, verify-audit, db:roles) need. */
const databaseFields = {
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
      .optional(),
  ),
  DATABASE_OWNER_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL (the role that owns the schema)')
      .optional(),
  ),
  BREACHBOT_DATA_DIR: z.string().trim().min(1).default('./.breachbot'),
  BREACHBOT_BACKUP_DIR: optionalString,
};

const configSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ error: 'is required (the bot token, xoxb-…, from OAuth & Permissions)' })
      .trim()
      .regex(/^xoxb-\S+$/, 'must be a bot token starting with xoxb-'),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.pipe(
      z.string().regex(/^xapp-\S+$/, 'must be an app-level token starting with xapp-').optional(),
    ),
    SLACK_API_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
      .default('https://slack.com/api/')
      // @slack/web-api appends the method name, so the base must end in a slash.
      .transform((v) => (v.endsWith('/') ? v : `${v}/`)),
    PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(0, 'must be 0-65535')
      .max(65535, 'must be 0-65535')
      .default(3000),
    OPS_PORT: optionalString.pipe(
      z
        .string()
        .regex(/^\d+$/, 'must be a port number')
        .transform(Number)
        .pipe(z.number().max(65535, 'must be 0-65535'))
        .optional(),
    ),
    OPS_HOST: z.string().trim().min(1, 'must be an interface address such as 127.0.0.1').default('127.0.0.1'),
    HEALTHZ_PUBLIC: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('true')
      .transform((v) => v === 'true'),
    ...databaseFields,
    BREACHBOT_TIMEZONE: z
      .string()
      .trim()
      .default('Europe/Copenhagen')
      .refine((v) => IANAZone.isValidZone(v), 'must be an IANA time zone such as Europe/Copenhagen'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    BREACHBOT_REMINDER_POLL_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(50, 'must be at least 50 ms')
      .max(60_000, 'must be at most 60000 ms (a minute)')
      .default(1000),
    BREACHBOT_DPO_USERS: z
      .string()
      .trim()
      .default('')
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'must be Slack user ids (U…) separated by commas'))),
    BREACHBOT_RESPONDER_GROUP: optionalString.pipe(
      z.string().regex(/^S[A-Z0-9]+$/, 'must be a Slack user group id (S…)').optional(),
    ),
  })
  .superRefine((c, ctx) => {
    if (c.DATABASE_OWNER_URL && !c.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_OWNER_URL'], message: 'needs DATABASE_URL too (the bot’s own role)' });
    }
    if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required in HTTP mode (Basic Information → Signing Secret), or set SLACK_APP_TOKEN for Socket Mode',
      });
    }
  });

export interface Config {
  slack: {
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string;
    /** Socket Mode when an app token is given; HTTP otherwise. */
    mode: 'http' | 'socket';
  };
  port: number;
  /**
   * Operations endpoints: with `port` set, GET /metrics (and /healthz) are served on host:port
   * instead of the public PORT; `healthzPublic` keeps /healthz on PORT too (for a load balancer).
   */
  ops: { port: number | undefined; host: string; healthzPublic: boolean };
  databaseUrl: string | undefined;
  /**
   * The schema owner's URL, for migrations, backups and restores. Unset: DATABASE_URL does all of it
   * (as before), and the bot's role then owns the tables; see README, "Database roles".
   */
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  /** Where scheduled backups go: BREACHBOT_BACKUP_DIR, or `backups` inside the data folder. */
  backupDir: string;
  timezone: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** How often each replica's scheduler looks for due reminders. */
  reminderPollMs: number;
  /** Seeds for the organisation settings (the App Home edits them later): DPO users, responder group. */
  seeds: { dpoUserIds: string[]; responderGroupId: string | undefined };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigError';
  }
}

export type DatabaseConfig = Pick<Config, 'databaseUrl' | 'databaseOwnerUrl' | 'dataDir' | 'backupDir'>;

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${String(issue.path[0] ?? 'configuration')} ${issue.message}`);
}

/** Only the database settings, for the commands that need no Slack token. */
export function loadDatabaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
  const parsed = z.object(databaseFields).safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  const c = parsed.data;
  if (c.DATABASE_OWNER_URL && !c.DATABASE_URL) throw new ConfigError(['DATABASE_OWNER_URL needs DATABASE_URL too (the bot’s own role)']);
  return {
    databaseUrl: c.DATABASE_URL,
    databaseOwnerUrl: c.DATABASE_OWNER_URL,
    dataDir: c.BREACHBOT_DATA_DIR,
    backupDir: c.BREACHBOT_BACKUP_DIR ?? join(c.BREACHBOT_DATA_DIR, 'backups'),
  };
}

/** Parses settings from an environment-like record. Throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  const c = parsed.data;
  return {
    slack: {
      botToken: c.SLACK_BOT_TOKEN,
      signingSecret: c.SLACK_SIGNING_SECRET,
      appToken: c.SLACK_APP_TOKEN,
      apiUrl: c.SLACK_API_URL,
      mode: c.SLACK_APP_TOKEN ? 'socket' : 'http',
    },
    port: c.PORT,
    ops: { port: c.OPS_PORT, host: c.OPS_HOST, healthzPublic: c.HEALTHZ_PUBLIC },
    ...loadDatabaseConfig(env),
    timezone: c.BREACHBOT_TIMEZONE,
    logLevel: c.LOG_LEVEL,
    reminderPollMs: c.BREACHBOT_REMINDER_POLL_MS,
    seeds: { dpoUserIds: c.BREACHBOT_DPO_USERS, responderGroupId: c.BREACHBOT_RESPONDER_GROUP },
  };
}
