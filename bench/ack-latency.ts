/*
 * Ack latency: signed `/breach` (opens the Declare modal) and the card's "Assess risk" button
 * (opens the questionnaire), at 1, 10 and 50 requests in flight, against the bot and against a
 * bare Bolt app that only acks, in the same run and interleaved, so both see the same machine; for
 * `/breach` also against the bare app that opens the same Declare modal after its ack.
 * Closed loop: each of the N workers sends its next request when the previous one is answered.
 * The requests are what the emulator's driver sends (fresh trigger_id and response_url each), sent
 * from a separate load-generator process (see load-generator.ts).
 */
import { fork } from 'node:child_process';
import { stringify as formEncode } from 'node:querystring';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { ACTIONS } from '../src/slack/ids.js';
import type { EmulatorCore } from '../test/emulator/core.js';
import type { BodyReply, BodyRequest, RunMessage, RunResult } from './load-generator.js';
import { figure, percentile, type Figure } from './stats.js';
import { botEnv, createDatabase, declareAndWait, dropDatabase, sleep, startBotProcess, startSlack, type BenchSlack, type BotProcess } from './support.js';

export const LEVELS = [1, 10, 50] as const;
export type Kind = 'command' | 'button';
type Target = 'bot' | 'bare' | 'bareModal';

export interface AckLevel {
  kind: Kind;
  concurrency: number;
  requests: number;
  p50: Record<'bot' | 'bare', Figure>;
  p99: Record<'bot' | 'bare', Figure>;
  /** p99 of the bot / p99 of the bare app, per run. */
  ratio: Figure;
  /**
   * `/breach` only: the bare app that also opens the bot's Declare modal after its ack (the same
   * Slack work as the bot, nothing else), and the bot's p99 over its p99.
   */
  modal?: { p50: Figure; p99: Figure; ratio: Figure };
  /** Non-200 answers or failed requests seen (should be 0). */
  errors: number;
}

export interface AckResult {
  levels: AckLevel[];
  runs: number;
}

export const requestsFor = (c: number) => (c === 1 ? 300 : c === 10 ? 600 : 1500);

/** `--ack-kinds=command` (BENCH_ACK_KINDS) measures `/breach` only, for a brief check. */
const kinds = (): Kind[] => (process.env.BENCH_ACK_KINDS?.split(',') as Kind[] | undefined) ?? ['command', 'button'];

interface Generator {
  run(url: string, kind: Kind, concurrency: number, total: number): Promise<RunResult>;
  close(): void;
}

/** Forks bench/load-generator.ts; `bodyFor` makes each request's body (fresh trigger_id) here, next to the emulator. */
async function startGenerator(secret: string, bodyFor: Record<Kind, () => { body: string; contentType: string }>): Promise<Generator> {
  const child = fork(fileURLToPath(new URL('./load-generator.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let runs = 0;
  const pending = new Map<number, (r: RunResult) => void>();
  child.on('message', (m: BodyRequest | RunResult | { op: 'ready' }) => {
    if (m.op === 'body') {
      child.send({ op: 'body', id: m.id, ...bodyFor[m.kind as Kind]() } satisfies BodyReply);
    } else if (m.op === 'result') {
      pending.get(m.runId)?.(m);
      pending.delete(m.runId);
    }
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
  });
  return {
    run(url, kind, concurrency, total) {
      const runId = (runs += 1);
      return new Promise((resolve) => {
        pending.set(runId, resolve);
        child.send({ op: 'run', runId, url, secret, kind, concurrency, total } satisfies RunMessage);
      });
    },
    close() {
      if (child.connected) child.send({ op: 'exit' });
    },
  };
}

/** What the emulator's driver sends for `/breach` and for a button on a message, with fresh ids each time. */
function requestBodies(s: BenchSlack, card: { channel: string; ts: string }): Record<Kind, () => { body: string; contentType: string }> {
  const core = (s.slack as unknown as { core: EmulatorCore }).core;
  const team = core.state.team;
  const user = core.user(s.reporter)!;
  const general = core.state.channels.get(s.generalId)!;
  const channel = core.state.channels.get(card.channel)!;
  const message = core.findMessage(card.channel, card.ts)!;
  const form = 'application/x-www-form-urlencoded';
  const element = (message.blocks ?? [])
    .flatMap((b) => ((b['elements'] as Array<Record<string, unknown>> | undefined) ?? []).map((e) => ({ block: b, e })))
    .find(({ e }) => e['action_id'] === ACTIONS.assess);
  if (!element) throw new Error('the card has no Assess risk button');
  const payloadTemplate = JSON.stringify({
    type: 'block_actions',
    user: { id: user.id, username: user.name, name: user.name, team_id: team.id },
    api_app_id: core.state.bot.appId,
    token: core.options.verificationToken,
    team: { id: team.id, domain: team.domain },
    enterprise: null,
    is_enterprise_install: false,
    trigger_id: '__TRIGGER__',
    actions: [
      {
        type: 'button',
        action_id: ACTIONS.assess,
        block_id: element.block['block_id'],
        action_ts: '__ACTION_TS__',
        text: element.e['text'],
        value: element.e['value'],
      },
    ],
    container: { type: 'message', message_ts: message.ts, channel_id: channel.id, is_ephemeral: false },
    channel: { id: channel.id, name: channel.name },
    message: core.publicMessage(message),
    state: { values: {} },
    response_url: '__RESPONSE__',
  });
  return {
    command: () => ({
      contentType: form,
      body: formEncode({
        token: core.options.verificationToken,
        team_id: team.id,
        team_domain: team.domain,
        channel_id: general.id,
        channel_name: general.name,
        user_id: user.id,
        user_name: user.name,
        command: '/breach',
        text: '',
        api_app_id: core.state.bot.appId,
        is_enterprise_install: 'false',
        response_url: core.mintResponseUrl('slash_command', general.id, user.id),
        trigger_id: core.mintTrigger(user.id, 'slash_command'),
      }),
    }),
    button: () => {
      const payload = payloadTemplate
        .replace('__TRIGGER__', core.mintTrigger(user.id, 'block_actions'))
        .replace('__ACTION_TS__', core.tsMinter.next(core.now()))
        .replace('__RESPONSE__', core.mintResponseUrl('block_actions', channel.id, user.id, { channel: channel.id, ts: message.ts, ephemeral: false }));
      return { contentType: form, body: formEncode({ payload }) };
    },
  };
}

/** Drops what the emulator keeps of earlier batches (every call and modal), so its heap stays small. */
function pruneEmulator(s: BenchSlack): void {
  s.slack.clearCalls();
  const state = s.slack.state as unknown as {
    views: Map<string, { open: boolean }>;
    triggers: Map<string, unknown>;
    responseUrls: Map<string, unknown>;
    ephemerals: unknown[];
  };
  for (const [id, v] of state.views) if (!v.open) state.views.delete(id);
  state.triggers.clear();
  state.responseUrls.clear();
  state.ephemerals.length = 0;
}

export async function benchAck(opts: { runs: number; log: (line: string) => void }): Promise<AckResult> {
  const databaseUrl = await createDatabase();
  // Slack's rate limits would turn the load into 429s on views.open; this figure is about acks.
  const s = await startSlack({ rateLimits: 'off' });
  const procs: BotProcess[] = [];
  const closers: Array<() => void> = [];
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const bot = await startBotProcess(botEnv(s, { DATABASE_URL: databaseUrl }));
    procs.push(bot);
    const bare = await startBotProcess(botEnv(s), { script: 'bench/bare-bolt.ts' });
    procs.push(bare);
    const bareModal = await startBotProcess(botEnv(s, { BARE_OPEN_MODAL: '1' }), { script: 'bench/bare-bolt.ts' });
    procs.push(bareModal);
    const urls: Record<Target, string> = {
      bot: `http://127.0.0.1:${bot.port}/slack/events`,
      bare: `http://127.0.0.1:${bare.port}/slack/events`,
      bareModal: `http://127.0.0.1:${bareModal.port}/slack/events`,
    };
    const targetsFor = (kind: Kind): Target[] => (kind === 'command' ? ['bot', 'bare', 'bareModal'] : ['bot', 'bare']);
    const card = await declareAndWait(s, s.slack.driver(urls.bot), sql, 'Ack benchmark breach');
    const gen = await startGenerator(s.slack.signingSecret, requestBodies(s, { channel: card.channel_id, ts: card.card_ts }));
    closers.push(() => gen.close());
    const batch = async (target: Target, kind: Kind, c: number, total: number) => {
      const r = await gen.run(urls[target], kind, c, total);
      // Let the views.open calls behind the acks finish before the next batch.
      await sleep(target === 'bare' ? 100 : 400);
      pruneEmulator(s);
      return r;
    };
    // Warm-up (JIT, connection pools): the first thousand requests are several times slower than
    // the rest on every process here, the load generator's included.
    for (const k of kinds()) {
      for (const t of targetsFor(k)) {
        await batch(t, k, 50, 1500);
        await batch(t, k, 1, 200);
      }
    }

    type Samples = { p50: number[]; p99: number[] };
    const samples = new Map<string, Record<Target, Samples> & { ratio: number[]; modalRatio: number[]; errors: number }>();
    const key = (k: Kind, c: number) => `${k}:${c}`;
    for (let run = 0; run < opts.runs; run += 1) {
      for (const kind of kinds()) {
        for (const c of LEVELS) {
          const entry = samples.get(key(kind, c)) ?? {
            bot: { p50: [], p99: [] },
            bare: { p50: [], p99: [] },
            bareModal: { p50: [], p99: [] },
            ratio: [],
            modalRatio: [],
            errors: 0,
          };
          samples.set(key(kind, c), entry);
          const order: Target[] = run % 2 === 0 ? targetsFor(kind).reverse() : targetsFor(kind);
          const got = {} as Record<Target, { p50: number; p99: number }>;
          for (const target of order) {
            const { times, errors } = await batch(target, kind, c, requestsFor(c));
            entry.errors += errors;
            got[target] = { p50: percentile(times, 50), p99: percentile(times, 99) };
            if (process.env.BENCH_ACK_DEBUG) {
              const slow = times.map((t, i) => [i, t] as const).filter(([, t]) => t > 4 * got[target].p50 && t > 50);
              opts.log(`  ${target} ${kind} c=${c}: ${slow.length} slow acks at positions ${slow.slice(0, 30).map(([i, t]) => `${i}:${t.toFixed(0)}`).join(' ')}`);
            }
            entry[target].p50.push(got[target].p50);
            entry[target].p99.push(got[target].p99);
          }
          entry.ratio.push(got.bot.p99 / got.bare.p99);
          if (got.bareModal) entry.modalRatio.push(got.bot.p99 / got.bareModal.p99);
          opts.log(
            `ack run ${run + 1}/${opts.runs} ${kind} c=${c}: bot p50 ${got.bot.p50.toFixed(1)} p99 ${got.bot.p99.toFixed(1)} ms; ` +
              `bare p50 ${got.bare.p50.toFixed(1)} p99 ${got.bare.p99.toFixed(1)} ms; p99 ratio ${(got.bot.p99 / got.bare.p99).toFixed(2)}` +
              (got.bareModal
                ? `; bare+modal p50 ${got.bareModal.p50.toFixed(1)} p99 ${got.bareModal.p99.toFixed(1)} ms, ratio ${(got.bot.p99 / got.bareModal.p99).toFixed(2)}`
                : ''),
          );
        }
      }
    }
    const levels: AckLevel[] = [];
    for (const kind of kinds()) {
      for (const c of LEVELS) {
        const e = samples.get(key(kind, c))!;
        levels.push({
          kind,
          concurrency: c,
          requests: requestsFor(c),
          p50: { bot: figure(e.bot.p50), bare: figure(e.bare.p50) },
          p99: { bot: figure(e.bot.p99), bare: figure(e.bare.p99) },
          ratio: figure(e.ratio),
          ...(e.modalRatio.length ? { modal: { p50: figure(e.bareModal.p50), p99: figure(e.bareModal.p99), ratio: figure(e.modalRatio) } } : {}),
          errors: e.errors,
        });
      }
    }
    return { levels, runs: opts.runs };
  } finally {
    for (const c of closers) c();
    await sql.end({ timeout: 2 });
    await Promise.all(procs.map((p) => p.stop()));
    await s.slack.close();
    await dropDatabase(databaseUrl);
  }
}
