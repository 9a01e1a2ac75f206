/**
 * Sending requests to the bot exactly as Slack does (slack-rules.md §1.1): raw body signed with
 * v0 HMAC over "v0:<ts>:<body>", timestamp in seconds (real time: the bot checks it against its
 * own clock), Content-Type exactly `application/x-www-form-urlencoded` for commands and
 * interactivity and `application/json` for events. Ack time is measured in real time.
 */
import { performance } from 'node:perf_hooks';
import { signedHeaders } from './signing.js';

export interface AckResult {
  status: number;
  /** Raw response body. */
  body: string;
  /** Parsed body when it was JSON. */
  json?: unknown;
  headers: Record<string, string>;
  /** Milliseconds from sending until the whole response arrived. */
  ackMs: number;
}

export interface RawRequest {
  body: string | Buffer;
  contentType: string;
  /** Seconds; default now. null leaves the timestamp header out. */
  timestamp?: number | null;
  /** Default: a valid signature for body + timestamp. null leaves the header out. */
  signature?: string | null;
  headers?: Record<string, string>;
}

export class Transport {
  readonly pending = new Set<AbortController>();

  constructor(
    readonly url: string,
    private readonly signingSecret: string,
    private readonly requestTimeoutMs: number,
  ) {}

  async send(req: RawRequest, signal?: AbortSignal): Promise<AckResult> {
    const ts = req.timestamp === undefined ? Math.floor(Date.now() / 1000) : req.timestamp;
    const headers: Record<string, string> = {
      'content-type': req.contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    };
    if (ts !== null) {
      const signed = signedHeaders(this.signingSecret, req.body, ts);
      headers['x-slack-request-timestamp'] = signed['x-slack-request-timestamp'];
      if (req.signature === undefined) headers['x-slack-signature'] = signed['x-slack-signature'];
    }
    if (typeof req.signature === 'string') headers['x-slack-signature'] = req.signature;
    Object.assign(headers, req.headers);

    const controller = new AbortController();
    this.pending.add(controller);
    const timer = setTimeout(() => controller.abort(new Error('request timeout')), this.requestTimeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort);
    const t0 = performance.now();
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers,
        body: typeof req.body === 'string' ? req.body : new Uint8Array(req.body),
        signal: controller.signal,
        redirect: 'manual',
      });
      const body = await res.text();
      const ackMs = performance.now() - t0;
      const out: AckResult = { status: res.status, body, headers: Object.fromEntries(res.headers.entries()), ackMs };
      if ((res.headers.get('content-type') ?? '').includes('json') && body.length > 0) {
        try {
          out.json = JSON.parse(body);
        } catch {
          /* leave json unset */
        }
      }
      return out;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      this.pending.delete(controller);
    }
  }

  abortAll(): void {
    for (const c of this.pending) c.abort(new Error('emulator closed'));
    this.pending.clear();
  }
}
