import postgres from 'postgres';
import { expect, inject } from 'vitest';
import { VIEWS } from '../../src/slack/ids.js';
import { SlackEmulator, type Driver, type SlackEmulatorOptions } from '../emulator/index.js';
import { manifestScopes } from '../support/bot-harness.js';
import { startChildBot, type ChildBot } from '../support/child-bot.js';
import { createDatabase, dropDatabase } from '../support/databases.js';
import { declareValues } from '../support/declare.js';
import { eventually } from '../support/eventually.js';

/* Shared pieces of the resilience scenarios: real bot processes, the emulator, and the one-line report. */

export interface Outcome {
  lost: number;
  duplicated: number;
  recoveryMs: number;
}

/** Prints `scenario: lost=0 duplicated=0 recovery=123ms` and asserts zero lost and zero duplicated. */
export function report(scenario: string, o: Outcome, detail = ''): void {
  const line = `${scenario}: lost=${o.lost} duplicated=${o.duplicated} recovery=${Math.round(o.recoveryMs)}ms${detail ? ` (${detail})` : ''}`;
  process.stdout.write(`${line}\n`);
  expect({ scenario, lost: o.lost, duplicated: o.duplicated }).toEqual({ scenario, lost: 0, duplicated: 0 });
}

/** The system PostgreSQL when there is one (as production would use), else the suite's embedded server. */
export function adminUrl(): string {
  return inject('systemDatabaseUrl') || inject('embeddedDatabaseUrl');
}

export interface World {
  slack: SlackEmulator;
  databaseUrl: string;
  sql: postgres.Sql;
  users: { reporter: string; responder: string; dpo: string };
  generalId: string;
  bots: ChildBot[];
  /** Starts a bot process (`node --import tsx src/main.ts`) on this database and emulator. */
  start(env?: Record<string, string>): Promise<ChildBot>;
  driver(bot: ChildBot): Driver;
  close(): Promise<void>;
}

export async function world(opts: { slack?: SlackEmulatorOptions; databaseUrl?: string } = {}): Promise<World> {
  const admin = adminUrl();
  const databaseUrl = opts.databaseUrl ?? (await createDatabase(admin));
  const slack = await SlackEmulator.start({ scopes: manifestScopes(), ...opts.slack });
  const reporter = slack.addUser({ name: 'rita.reporter' }).id;
  const responder = slack.addUser({ name: 'rune.responder' }).id;
  const dpo = slack.addUser({ name: 'dina.dpo' }).id;
  const general = slack.channelByName('general') ?? slack.addChannel({ name: 'general', members: [reporter, responder, dpo] });
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const bots: ChildBot[] = [];
  const w: World = {
    slack,
    databaseUrl,
    sql,
    users: { reporter, responder, dpo },
    generalId: general.id,
    bots,
    async start(env = {}) {
      const bot = await startChildBot(slack, { DATABASE_URL: databaseUrl, BREACHBOT_DPO_USERS: dpo, ...env }, { direct: true });
      bots.push(bot);
      return bot;
    },
    driver: (bot) => slack.driver(`http://127.0.0.1:${bot.port}/slack/events`, { throwOnViolation: false }),
    async close() {
      for (const b of bots) b.signal('SIGKILL');
      await Promise.all(bots.map((b) => b.exited));
      await sql.end({ timeout: 2 });
      await slack.close();
      if (!opts.databaseUrl) await dropDatabase(admin, databaseUrl);
    },
  };
  return w;
}

/** Stops a bot process the way a supervisor does (SIGTERM, then SIGKILL after 10 s). */
export async function stopBot(bot: ChildBot): Promise<void> {
  bot.signal('SIGTERM');
  const t = setTimeout(() => bot.signal('SIGKILL'), 10_000);
  await bot.exited;
  clearTimeout(t);
}

/** Types /breach and waits for the Declare modal; returns its view id. */
export async function openDeclare(w: World, driver: Driver, user = w.users.reporter): Promise<string> {
  const before = new Set(w.slack.openViews(user).map((v) => v.id));
  await driver.slashCommand({ user, channel: w.generalId, text: 'declare' });
  const view = await w.slack.waitFor(() => w.slack.openViews(user).find((v) => v.callback_id === VIEWS.declare && !before.has(v.id)), {
    timeoutMs: 10_000,
    what: 'the Declare modal',
  });
  return view.id;
}

export function submitDeclare(w: World, driver: Driver, viewId: string, title: string, user = w.users.reporter) {
  return driver.submitView({ user, viewId, values: declareValues({ title, responders: [w.users.responder] }) });
}

export interface BreachCheck {
  /** Breach rows with this title. */
  rows: number;
  complete: boolean;
  channels: number;
  cards: number;
  pins: number;
  missingMembers: number;
}

/** What Slack and the database hold for the breach with this title. */
export async function checkBreach(w: World, title: string): Promise<BreachCheck> {
  const rows = await w.sql`select id, reference, reporter_id, channel_id, card_ts, setup_completed_at from breaches where title = ${title}`;
  const b = rows[0];
  if (!b) return { rows: 0, complete: false, channels: 0, cards: 0, pins: 0, missingMembers: 3 };
  const prefix = `breach-${String(b.reference).slice(3).toLowerCase()}`;
  const channels = [...w.slack.state.channels.values()].filter((c) => c.name === prefix || c.name.startsWith(`${prefix}-`));
  const channel = b.channel_id ? w.slack.channel(b.channel_id as string) : undefined;
  const cards = channel ? w.slack.messages(channel.id).filter((m) => JSON.stringify(m.blocks ?? []).includes('card_header')) : [];
  const members = channel?.members ?? [];
  return {
    rows: rows.length,
    complete: b.setup_completed_at !== null,
    channels: channels.length,
    cards: cards.length,
    pins: channel ? w.slack.pins(channel.id).length : 0,
    missingMembers: [b.reporter_id as string, w.users.responder, w.users.dpo].filter((u) => !members.includes(u)).length,
  };
}

/** Lost and duplicated for one declared breach: missing pieces count as lost, extra ones as duplicated. */
export function declarationOutcome(c: BreachCheck): { lost: number; duplicated: number } {
  const lost = (c.rows === 0 ? 1 : 0) + (c.complete ? 0 : 1) + (c.channels === 0 ? 1 : 0) + (c.cards === 0 ? 1 : 0) + (c.pins === 0 ? 1 : 0) + c.missingMembers;
  const duplicated = Math.max(0, c.rows - 1) + Math.max(0, c.channels - 1) + Math.max(0, c.cards - 1) + Math.max(0, c.pins - 1);
  return { lost, duplicated };
}

export async function waitForSetups(w: World, titles: string[], timeoutMs: number): Promise<boolean> {
  return eventually(
    async () => {
      const [row] = await w.sql`select count(*)::int as n from breaches where title = any(${titles}) and setup_completed_at is not null`;
      return row!.n >= titles.length;
    },
    timeoutMs,
    'every setup to complete',
  ).catch(() => false);
}

/** Reminder messages in Slack by (breach id, key), from their metadata. */
export function reminderPosts(w: World): Map<string, number> {
  const out = new Map<string, number>();
  for (const ch of w.slack.state.channels.values()) {
    for (const m of w.slack.allMessages(ch.id)) {
      const meta = m.metadata as { event_type?: string; event_payload?: { breach_id?: string; key?: string } } | undefined;
      if (m.deleted || meta?.event_type !== 'breachbot_reminder') continue;
      const k = `${meta.event_payload?.breach_id}/${meta.event_payload?.key}`;
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  }
  return out;
}

/** Inserts one reminder per breach, due at `dueAt`, in a stream that is active for a fresh breach. */
export async function addReminders(w: World, breachIds: string[], key: string, dueAt: Date): Promise<void> {
  if (breachIds.length === 0) return;
  await w.sql`insert into reminders ${w.sql(breachIds.map((id) => ({ breach_id: id, stream: 'authority_countdown', key, kind: 'countdown', due_at: dueAt })))}`;
}

/**
 * Lost = neither posted (in Slack and recorded) nor folded into a later reminder of its stream that
 * was posted (the scheduler collapses reminders that fell due while their breach was held up, and
 * the posted one says so); duplicated = posted more than once.
 */
export async function reminderOutcome(w: World, keys: Array<{ breachId: string; key: string }>): Promise<{ lost: number; duplicated: number; collapsed: number }> {
  const posts = reminderPosts(w);
  let lost = 0;
  let duplicated = 0;
  let collapsed = 0;
  for (const k of keys) {
    const n = posts.get(`${k.breachId}/${k.key}`) ?? 0;
    const [row] = await w.sql`select status, stream, due_at from reminders where breach_id = ${k.breachId} and key = ${k.key}`;
    duplicated += Math.max(0, n - 1);
    if (n > 0 && row?.status === 'posted') continue;
    // Posted once by a process that died before recording it, then folded into a later one: in the
    // channel once, recorded as skipped.
    if (n === 1 && row?.status === 'skipped') {
      collapsed += 1;
      continue;
    }
    const [later] =
      n === 0 && row?.status === 'skipped'
        ? await w.sql`select key from reminders where breach_id = ${k.breachId} and stream = ${row.stream} and status = 'posted' and due_at > ${row.due_at}`
        : [];
    if (later && (posts.get(`${k.breachId}/${later.key}`) ?? 0) > 0) collapsed += 1;
    else lost += 1;
  }
  return { lost, duplicated, collapsed };
}

export async function waitForReminders(w: World, keys: Array<{ breachId: string; key: string }>, timeoutMs: number): Promise<boolean> {
  return eventually(
    async () => {
      const [row] = await w.sql`select count(*)::int as n from reminders where status in ('posted', 'skipped') and (breach_id::text || '/' || key) = any(${keys.map((k) => `${k.breachId}/${k.key}`)})`;
      if (row!.n < keys.length) return false;
      const o = await reminderOutcome(w, keys);
      return o.lost === 0;
    },
    timeoutMs,
    'every reminder posted',
  ).catch(() => false);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
