/*
 * The ack benchmark's load generator, a child process of bench/run.ts (forked with IPC). The
 * parent hosts the Slack emulator; for each request it hands over a body with a fresh trigger_id
 * and response_url, exactly what the emulator's driver sends. Here it is signed and sent, and
 * only the HTTP exchange is timed, so the emulator's own work (it validates every views.open the
 * bot makes, work that Slack does on its own servers) does not sit on the timing event loop.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { signedHeaders } from '../test/emulator/signing.js';

export interface RunMessage {
  op: 'run';
  runId: number;
  url: string;
  secret: string;
  kind: string;
  concurrency: number;
  total: number;
}
export interface BodyRequest {
  op: 'body';
  id: number;
  kind: string;
}
export interface BodyReply {
  op: 'body';
  id: number;
  body: string;
  contentType: string;
}
export interface RunResult {
  op: 'result';
  runId: number;
  times: number[];
  errors: number;
  statuses: Record<string, number>;
}

let nextId = 0;
const waiting = new Map<number, (r: BodyReply) => void>();
const agents = new Map<string, Agent>();

function body(kind: string): Promise<BodyReply> {
  const id = (nextId += 1);
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    process.send!({ op: 'body', id, kind } satisfies BodyRequest);
  });
}

function post(url: URL, agent: Agent, b: BodyReply, secret: string): Promise<{ status: number; ms: number }> {
  const headers = {
    'content-type': b.contentType,
    'content-length': String(Buffer.byteLength(b.body)),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signedHeaders(secret, b.body),
  };
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(b.body);
  });
}

async function run(m: RunMessage): Promise<RunResult> {
  const url = new URL(m.url);
  // One keep-alive connection per worker, as each of Slack's requests would find one.
  const agentFor = (worker: number) => {
    const key = `${m.url}#${worker}`;
    let agent = agents.get(key);
    if (!agent) {
      agent = new Agent({ keepAlive: true, maxSockets: 1 });
      agents.set(key, agent);
    }
    return agent;
  };
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let started = 0;
  const worker = async (n: number) => {
    const agent = agentFor(n);
    while (started < m.total) {
      started += 1;
      const b = await body(m.kind);
      try {
        const r = await post(url, agent, b, m.secret);
        times.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status !== 200) errors += 1;
      } catch {
        errors += 1;
        statuses['error'] = (statuses['error'] ?? 0) + 1;
      }
    }
  };
  {
    // One untimed request per connection first, so that every connection is open before timing:
    // 50 connections opened at once while the server is busy wait in its accept queue for up to
    // the whole batch (seen on the bare app as much as on the bot), which measures connection
    // setup, not acks. Slack keeps its connections alive between requests too.
    await Promise.all(Array.from({ length: m.concurrency }, async (_, n) => post(url, agentFor(n), await body(m.kind), m.secret).catch(() => undefined)));
  }
  await Promise.all(Array.from({ length: m.concurrency }, (_, n) => worker(n)));
  return { op: 'result', runId: m.runId, times, errors, statuses };
}

process.on('message', (m: RunMessage | BodyReply | { op: 'exit' }) => {
  if (m.op === 'body') {
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  } else if (m.op === 'run') {
    void run(m).then((r) => process.send!(r));
  } else if (m.op === 'exit') {
    for (const a of agents.values()) a.destroy();
    process.exit(0);
  }
});
process.send!({ op: 'ready' });
