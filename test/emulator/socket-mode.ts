/**
 * Socket Mode (slack-rules.md §7; what @slack/socket-mode 3.x's SocketModeClient expects):
 *   1. the app calls apps.connections.open with its app-level token (xapp-…) and gets a one-time
 *      `wss` URL (here ws://127.0.0.1:PORT/link/?ticket=…);
 *   2. on connecting, the server sends {"type":"hello",…};
 *   3. requests arrive as envelopes {"envelope_id","type":"slash_commands"|"interactive"|"events_api",
 *      "payload","accepts_response_payload","retry_attempt","retry_reason"}, and the app acks each with
 *      {"envelope_id","payload":{…}} (the payload carries what an HTTP ack body would: a message, a
 *      response_action) within 3 s;
 *   4. the server pings (and answers the client's pings with pongs);
 *   5. {"type":"disconnect","reason":"warning"|"refresh_requested"|"link_disabled"} tells the app to
 *      reconnect (the client closes and calls apps.connections.open again); a dropped socket does too.
 * No request signing in Socket Mode. The driver sends over it through SocketTransport, so every
 * driver method (commands, actions, submissions, events) works in either mode.
 */
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parse as parseQuery } from 'node:querystring';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AckResult, RawRequest } from './driver-transport.js';
import { randomHex } from './ids.js';

const PING_EVERY_MS = 5_000;

export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

interface PendingAck {
  resolve(payload: Record<string, unknown>): void;
  reject(err: Error): void;
}

export class SocketModeHub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly open = new Set<WebSocket>();
  private readonly pending = new Map<string, PendingAck>();
  private readonly connectedWaiters = new Set<() => void>();
  /** Connections that got their hello, in order: how many times the app (re)connected. */
  readonly hellos: Array<{ at: number; ticket: string }> = [];
  /** Every ack received: envelope id, type and how long it took. */
  readonly acks: Array<{ envelopeId: string; type: string; ackMs: number }> = [];
  /** WebSocket messages the hub could not make sense of (a malformed or unknown ack). */
  readonly problems: string[] = [];
  private baseUrl = '';

  constructor(
    server: Server,
    private readonly appId: () => string,
  ) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
  }

  setBaseUrl(httpBaseUrl: string): void {
    this.baseUrl = httpBaseUrl.replace(/^http/, 'ws');
  }

  /** apps.connections.open: a fresh URL that can be connected to once. */
  mintUrl(): string {
    const ticket = randomHex(16);
    this.tickets.add(ticket);
    return `${this.baseUrl}/link/?ticket=${ticket}&app_id=${this.appId()}`;
  }

  get connectionCount(): number {
    return this.open.size;
  }

  /** Resolves once a connection has said hello (now, if one is open). */
  waitForConnection(timeoutMs: number): Promise<void> {
    if (this.open.size > 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.connectedWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.connectedWaiters.delete(done);
        reject(new Error(`no Socket Mode connection within ${timeoutMs} ms`));
      }, timeoutMs);
      this.connectedWaiters.add(done);
    });
  }

  /** Slack asks the app to reconnect: a disconnect message on every open connection. */
  disconnect(reason: DisconnectReason): void {
    for (const ws of this.open) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'emulator' } }));
  }

  /** The server goes away without a word: every socket is cut (no close frame). */
  drop(): void {
    for (const ws of this.open) ws.terminate();
    this.open.clear();
  }

  /**
   * Delivers one envelope on the newest open connection (waiting up to `timeoutMs` for one, as a
   * reconnecting app would be waited for) and resolves with the app's ack payload.
   */
  async deliver(
    type: 'slash_commands' | 'interactive' | 'events_api',
    payload: unknown,
    opts: { timeoutMs: number; retryAttempt?: number; retryReason?: string },
  ): Promise<{ payload: Record<string, unknown>; ackMs: number }> {
    await this.waitForConnection(opts.timeoutMs);
    const ws = [...this.open].at(-1)!;
    const envelopeId = `${randomHex(4)}-${randomHex(2)}-${randomHex(2)}-${randomHex(2)}-${randomHex(6)}`;
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: opts.retryAttempt ?? 0, retry_reason: opts.retryReason ?? '' } : {}),
    };
    const t0 = performance.now();
    const acked = new Promise<Record<string, unknown>>((resolve, reject) => this.pending.set(envelopeId, { resolve, reject }));
    const timer = setTimeout(() => this.pending.get(envelopeId)?.reject(new Error('request timeout')), opts.timeoutMs);
    try {
      ws.send(JSON.stringify(envelope));
      const ackPayload = await acked;
      const ackMs = performance.now() - t0;
      this.acks.push({ envelopeId, type, ackMs });
      return { payload: ackPayload, ackMs };
    } finally {
      clearTimeout(timer);
      this.pending.delete(envelopeId);
    }
  }

  async close(): Promise<void> {
    for (const p of this.pending.values()) p.reject(new Error('emulator closed'));
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !this.tickets.delete(ticket)) {
      // A URL from apps.connections.open works once; anything else is refused.
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws, ticket));
  }

  private connected(ws: WebSocket, ticket: string): void {
    this.open.add(ws);
    const ping = setInterval(() => ws.ping(Buffer.from(`ping ${Date.now()}`)), PING_EVERY_MS);
    ws.on('close', () => {
      clearInterval(ping);
      this.open.delete(ws);
    });
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => this.received(isBinary ? null : data.toString()));
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.open.size,
        debug_info: { host: 'emulator', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId() },
      }),
    );
    this.hellos.push({ at: Date.now(), ticket });
    for (const done of [...this.connectedWaiters]) done();
  }

  private received(text: string | null): void {
    if (text === null) return void this.problems.push('binary message');
    let msg: { envelope_id?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return void this.problems.push(`not JSON: ${text.slice(0, 200)}`);
    }
    const waiting = typeof msg.envelope_id === 'string' ? this.pending.get(msg.envelope_id) : undefined;
    if (!waiting) return void this.problems.push(`ack for an unknown envelope: ${text.slice(0, 200)}`);
    const payload = msg.payload ?? {};
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      return void this.problems.push(`ack payload is not an object: ${text.slice(0, 200)}`);
    }
    waiting.resolve(payload as Record<string, unknown>);
  }
}

/**
 * The driver's transport in Socket Mode: what it would POST to the bot goes out as an envelope
 * instead, and the ack payload comes back as the HTTP ack body would (empty payload = empty body).
 */
export class SocketTransport {
  constructor(
    private readonly hub: SocketModeHub,
    private readonly requestTimeoutMs: number,
  ) {}

  async send(req: RawRequest): Promise<AckResult> {
    const text = typeof req.body === 'string' ? req.body : req.body.toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    let delivered: { payload: Record<string, unknown>; ackMs: number };
    if (req.contentType === 'application/json') {
      const retry = Number(headers['x-slack-retry-num'] ?? 0);
      delivered = await this.hub.deliver('events_api', JSON.parse(text), {
        timeoutMs: this.requestTimeoutMs,
        retryAttempt: retry,
        ...(headers['x-slack-retry-reason'] ? { retryReason: headers['x-slack-retry-reason'] } : {}),
      });
    } else {
      const form = parseQuery(text);
      const interactive = typeof form['payload'] === 'string';
      delivered = await this.hub.deliver(interactive ? 'interactive' : 'slash_commands', interactive ? JSON.parse(form['payload'] as string) : form, {
        timeoutMs: this.requestTimeoutMs,
      });
    }
    const empty = Object.keys(delivered.payload).length === 0;
    return {
      status: 200,
      body: empty ? '' : JSON.stringify(delivered.payload),
      ...(empty ? {} : { json: delivered.payload }),
      headers: empty ? {} : { 'content-type': 'application/json' },
      ackMs: delivered.ackMs,
    };
  }

  abortAll(): void {
    // Pending deliveries are rejected when the hub closes.
  }
}
