/* Shared plumbing for the benchmarks: the machine, throwaway databases, the emulator, bot processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import postgres from 'postgres';
import { parse } from 'yaml';
import { applyMigrations } from '../src/db/migrate.js';
import { VIEWS, declareAction } from '../src/slack/ids.js';
import { createDatabase as createDb, dropDatabase as dropDb } from '../test/support/db-admin.js';
import { SlackEmulator, type Driver, type SlackEmulatorOptions } from '../test/emulator/index.js';

export const ROOT = new URL('../', import.meta.url);
export const SYSTEM_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `probe` returns something truthy; throws after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs: number, what: string, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  kernel: string;
  node: string;
  postgres: string;
}

export async function machine(): Promise<Machine> {
  const sql = postgres(SYSTEM_URL, { max: 1, onnotice: () => {} });
  let pg = 'unreachable';
  try {
    pg = String((await sql`select current_setting('server_version') as v`)[0]!.v);
  } catch {
    /* reported as unreachable */
  } finally {
    await sql.end({ timeout: 2 });
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    postgres: pg,
  };
}

/** A new, migrated database on the system PostgreSQL; returns its URL. */
export const createDatabase = (migrate = true, adminUrl = SYSTEM_URL): Promise<string> => createDb(adminUrl, migrate, 'bb_bench');

export const dropDatabase = (url: string, adminUrl = SYSTEM_URL): Promise<void> => dropDb(adminUrl, url);

export function manifestScopes(): string[] {
  return parse(readFileSync(new URL('manifest.yml', ROOT), 'utf8')).oauth_config.scopes.bot;
}

export interface BenchSlack {
  slack: SlackEmulator;
  reporter: string;
  responder: string;
  dpo: string;
  generalId: string;
}

/** The strict emulator with the manifest's scopes, three people and #general. */
export async function startSlack(opts: SlackEmulatorOptions = {}): Promise<BenchSlack> {
  const slack = await SlackEmulator.start({ scopes: manifestScopes(), ...opts });
  const reporter = slack.addUser({ name: 'rita.reporter' }).id;
  const responder = slack.addUser({ name: 'rune.responder' }).id;
  const dpo = slack.addUser({ name: 'dina.dpo' }).id;
  const general = slack.channelByName('general') ?? slack.addChannel({ name: 'general', members: [reporter, responder, dpo] });
  return { slack, reporter, responder, dpo, generalId: general.id };
}

export interface BotProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  stderr(): string;
  /** Signals the process group. */
  signal(sig: NodeJS.Signals): void;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s; resolves once gone. */
  stop(): Promise<void>;
}

/**
 * Starts the compiled bot as `npm start` runs it (`node scripts/start.mjs`: dist/, built first if
 * stale; `ensureBuilt` below builds it before any timing), or a TypeScript `script` through tsx,
 * with only these variables, and resolves once it logs that it listens. `PORT` defaults to 0.
 */
export async function startBotProcess(env: Record<string, string>, opts: { timeoutMs?: number; script?: string; nodeArgs?: string[] } = {}): Promise<BotProcess> {
  const entry = opts.script ? ['--import', 'tsx', opts.script] : ['scripts/start.mjs'];
  const nodeArgs = [...(opts.nodeArgs ?? (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)), ...entry];
  // BENCH_PIN_SERVER=1 (set by `--pin-server=1`): the app under test runs on those CPUs only.
  const pin = process.env.BENCH_PIN_SERVER;
  const [cmd, args] = pin ? ['taskset', ['-c', pin, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const child = spawn(cmd, args, {
    cwd: new URL('.', ROOT),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => {
    err += b.toString();
    if (err.length > 200_000) err = err.slice(-100_000);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within ${opts.timeoutMs ?? 30_000} ms:\n${err}`)), opts.timeoutMs ?? 30_000);
    const onData = () => {
      const m = /listening on port (\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        child.stderr!.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${err}`));
    });
  });
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* gone */
    }
  };
  return {
    child,
    pid: child.pid!,
    port,
    stderr: () => err,
    signal,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signal('SIGTERM');
      const t = setTimeout(() => signal('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** Environment for a bot process talking to this emulator. */
export function botEnv(s: BenchSlack, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: s.slack.botToken,
    SLACK_SIGNING_SECRET: s.slack.signingSecret,
    SLACK_API_URL: s.slack.apiUrl,
    BREACHBOT_DPO_USERS: s.dpo,
    ...extra,
  };
}

export const seconds = (d: Date | number) => Math.floor((typeof d === 'number' ? d : d.getTime()) / 1000);

/** Declare modal values as a person fills them in. */
export function declareValues(title: string, responders: string[] = []) {
  return {
    title: { [declareAction('title')]: title },
    description: { [declareAction('description')]: 'A benchmark breach: an export was sent to the wrong address.' },
    awareAt: { [declareAction('awareAt')]: { type: 'datetimepicker', selected_date_time: seconds(Date.now()) - 3600 } },
    responderIds: { [declareAction('responderIds')]: { type: 'multi_users_select', selected_users: responders } },
  };
}

/** Types /breach in #general and waits for the new Declare modal. */
export async function openDeclare(s: BenchSlack, driver: Driver, user = s.reporter) {
  const before = new Set(s.slack.openViews(user).map((v) => v.id));
  const res = await driver.slashCommand({ user, channel: s.generalId, text: 'declare' });
  if (res.status !== 200) throw new Error(`/breach answered ${res.status}`);
  return s.slack.waitFor(() => s.slack.openViews(user).find((v) => v.callback_id === VIEWS.declare && !before.has(v.id)), {
    timeoutMs: 10_000,
    what: 'the Declare modal',
  });
}

/** Declares a breach end to end and waits until its setup is complete; returns its row. */
export async function declareAndWait(s: BenchSlack, driver: Driver, sql: postgres.Sql, title: string, timeoutMs = 20_000, user = s.reporter) {
  const view = await openDeclare(s, driver, user);
  await driver.submitView({ user, viewId: view.id, values: declareValues(title, [s.responder]) });
  return until(
    async () => (await sql`select id, reference, channel_id, card_ts from breaches where title = ${title} and setup_completed_at is not null`)[0],
    timeoutMs,
    `setup of "${title}"`,
  );
}

/** Resident set size of one process (kB → MB), from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Proportional set size (shared pages split between sharers), MB; falls back to RSS. */
export function pssMb(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? Number.NaN);
    if (Number.isFinite(kb)) return kb / 1024;
  } catch {
    /* no smaps_rollup */
  }
  return rssMb(pid);
}

/** A process and all its descendants (from /proc). */
export function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(after[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i += 1) {
    for (const [pid, ppid] of parentOf) if (ppid === out[i]) out.push(pid);
  }
  return out;
}

export function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return false;
  }
}

/** Compiles the bot if dist/ is missing or stale, so no benchmark times a build. */
export async function ensureBuilt(): Promise<void> {
  const build = (await import(new URL('scripts/build.mjs', ROOT).href)) as { ensureBuilt(): Promise<void> };
  await build.ensureBuilt();
}
