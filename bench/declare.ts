/*
 * Declare to card: from the view submission (the Declare modal's Submit) to the pinned breach
 * card, with the emulator answering at once (no injected latency, Slack's rate limits on), and
 * the Slack Web API calls one declaration makes.
 */
import postgres from 'postgres';
import { VIEWS } from '../src/slack/ids.js';
import { figure, median, type Figure } from './stats.js';
import { botEnv, createDatabase, declareValues, dropDatabase, openDeclare, sleep, startBotProcess, startSlack, until } from './support.js';

export interface DeclareResult {
  /** Submission → pins.add answered, ms (median of the declarations in each run). */
  toCard: Figure;
  /** Submission → the view_submission ack, ms. */
  ack: Figure;
  /** Web API calls per declaration, by method (the same every time, else the last one's). */
  calls: Record<string, number>;
  callsTotal: Figure;
  perRun: number;
  runs: number;
}

export async function benchDeclare(opts: { runs: number; perRun?: number; log: (line: string) => void }): Promise<DeclareResult> {
  const perRun = opts.perRun ?? 3;
  const databaseUrl = await createDatabase();
  const s = await startSlack();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const bot = await startBotProcess(botEnv(s, { DATABASE_URL: databaseUrl }));
  try {
    const driver = s.slack.driver(`http://127.0.0.1:${bot.port}/slack/events`);
    const toCard: number[] = [];
    const acks: number[] = [];
    const totals: number[] = [];
    let calls: Record<string, number> = {};
    // One unmeasured declaration first (JIT, pools).
    for (let run = -1; run < opts.runs; run += 1) {
      const runCard: number[] = [];
      const runAck: number[] = [];
      for (let i = 0; i < perRun; i += 1) {
        const title = `Declare benchmark ${run}.${i}`;
        const view = await openDeclare(s, driver);
        if (view.callback_id !== VIEWS.declare) throw new Error('not the Declare modal');
        await sleep(100); // the modal is open; the person clicks Submit
        const from = s.slack.calls.length;
        const t0 = Date.now();
        const ack = await driver.submitView({ user: s.reporter, viewId: view.id, values: declareValues(title, [s.responder]) });
        const pin = await s.slack.waitFor(() => s.slack.calls.slice(from).find((c) => c.method === 'pins.add' && c.ok), { timeoutMs: 10_000, what: 'the pin' });
        await until(async () => (await sql`select 1 from breaches where title = ${title} and setup_completed_at is not null`).length > 0, 10_000, 'setup completed');
        await sleep(400); // anything the declaration still does after the pin (Home refreshes, …)
        const made = s.slack.calls.slice(from);
        if (run >= 0) {
          runCard.push(pin.at - t0);
          runAck.push(ack.ackMs);
          totals.push(made.length);
          calls = {};
          for (const c of made) calls[c.method] = (calls[c.method] ?? 0) + 1;
        }
      }
      if (run >= 0) {
        toCard.push(median(runCard));
        acks.push(median(runAck));
        opts.log(`declare run ${run + 1}/${opts.runs}: submission → pinned card ${runCard.map((x) => x.toFixed(0)).join(', ')} ms; ${totals.at(-1)} Slack calls`);
      }
    }
    return { toCard: figure(toCard), ack: figure(acks), calls, callsTotal: figure(totals), perRun, runs: opts.runs };
  } finally {
    await bot.stop();
    await sql.end({ timeout: 2 });
    await s.slack.close();
    await dropDatabase(databaseUrl);
  }
}
