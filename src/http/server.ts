import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '@slack/bolt';
import type { Metrics } from '../metrics.js';

export interface HttpServerDeps {
  /** Bolt's HTTPReceiver listener (HTTP mode); absent in Socket Mode, where only health and metrics are served. */
  slackListener?: RequestListener;
  /** Classifies a Slack request once Bolt has buffered it (see requestKind). */
  kindOf: (req: IncomingMessage) => string;
  isHealthy: () => Promise<boolean>;
  metrics: Metrics;
  logger: Logger;
}

/**
 * The bot's one HTTP server: `POST /slack/events` goes to Bolt (signature checked there),
 * `GET /healthz` and `GET /metrics` are ours. Owning the server lets us time every ack exactly
 * as Slack experiences it, from the first byte in to the last byte out.
 */
export function createHttpServer(deps: HttpServerDeps): Server {
  const { slackListener, metrics } = deps;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return void health(deps, res);
    if (req.method === 'GET' && path === '/metrics') return void serveMetrics(deps, res);
    if (!slackListener) return void notFound(res);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const kind = deps.kindOf(req);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.requests.inc({ kind, status: String(res.statusCode) });
      metrics.ackSeconds.observe({ kind }, seconds);
    });
    // Bolt refuses a request timestamped more than 5 minutes ago but not one from the future. Slack's
    // rule is "within five minutes of local time" both ways, so a slow clock cannot widen the window.
    if (fromTheFuture(req)) return void res.writeHead(401).end();
    slackListener(req, res);
  });
  // Slack gives up after 3 s; nothing we serve should hold a socket for long.
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

async function health(deps: HttpServerDeps, res: ServerResponse): Promise<void> {
  let ok = false;
  try {
    ok = await withTimeout(deps.isHealthy(), 2_000);
  } catch (err) {
    deps.logger.warn('health check failed:', (err as Error).message);
  }
  res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: ok ? 'ready' : 'not ready' }));
}

async function serveMetrics(deps: HttpServerDeps, res: ServerResponse): Promise<void> {
  const body = await deps.metrics.registry.metrics();
  res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
  res.end(body);
}

function fromTheFuture(req: IncomingMessage): boolean {
  const ts = Number(req.headers['x-slack-request-timestamp']);
  return Number.isFinite(ts) && ts - Date.now() / 1000 > 5 * 60;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}
