import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '@slack/bolt';
import type { Metrics } from '../metrics.js';
import type { HealthState } from './health.js';

/** Which operations endpoints a server answers. */
export interface OpsEndpoints {
  healthz: boolean;
  metrics: boolean;
}

export interface OpsDeps {
  /** The cached database check (health.ts): answering /healthz costs no query. */
  health: () => HealthState;
  metrics: Metrics;
  logger: Logger;
}

export interface HttpServerDeps extends OpsDeps {
  /** Bolt's HTTPReceiver listener (HTTP mode); absent in Socket Mode, where only health and metrics are served. */
  slackListener?: RequestListener;
  /** Classifies a Slack request once Bolt has buffered it (see requestKind). */
  kindOf: (req: IncomingMessage) => string;
  /** What this (public) server answers besides Slack; the rest moves to the ops server (OPS_PORT). */
  ops: OpsEndpoints;
}

/**
 * The bot's public HTTP server: `POST /slack/events` goes to Bolt (signature checked there), and
 * `GET /healthz` and `GET /metrics` are ours unless they were moved to the ops server. Owning the
 * server lets us time every ack exactly as Slack experiences it, from the first byte in to the
 * last byte out.
 */
export function createHttpServer(deps: HttpServerDeps): Server {
  const { slackListener, metrics } = deps;
  const server = createServer((req, res) => {
    if (serveOps(deps, deps.ops, req, res)) return;
    // Only Slack's endpoint goes to Bolt; anything else (a moved /metrics too) is a plain 404.
    if (!slackListener || (req.url ?? '/').split('?')[0] !== '/slack/events') return void notFound(res);
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

/**
 * The operations server (OPS_PORT, OPS_HOST): `/metrics` and `/healthz` on an address of their own,
 * e.g. loopback or an internal network, so they are not on the port Slack reaches.
 */
export function createOpsServer(deps: OpsDeps & { ops: OpsEndpoints }): Server {
  const server = createServer((req, res) => {
    if (!serveOps(deps, deps.ops, req, res)) notFound(res);
  });
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  return server;
}

/** Answers GET /healthz or /metrics when this server serves it; false when the request is not one of those. */
function serveOps(deps: OpsDeps, ops: OpsEndpoints, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET') return false;
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz' && ops.healthz) return (health(deps, res), true);
  if (path === '/metrics' && ops.metrics) return (void serveMetrics(deps, res), true);
  return false;
}

function health(deps: OpsDeps, res: ServerResponse): void {
  const { ok } = deps.health();
  res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: ok ? 'ready' : 'not ready' }));
}

async function serveMetrics(deps: OpsDeps, res: ServerResponse): Promise<void> {
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
