import PQueue from 'p-queue';
import { perMinute, POST_MESSAGE_PER_CHANNEL } from './rate-limits.js';

/**
 * Slack counts a call when it arrives and we count it when it leaves: two seconds more per minute
 * keep a burst whose first calls were slow to arrive (a busy process, new connections: up to 1.7 s
 * measured here with 50 at once) from overlapping the next minute's calls in Slack's window.
 */
const WINDOW_MARGIN_MS = 2_000;

/** How often one call is sent again after a 429 before the 429 is handed to the caller. */
const RATE_LIMITED_RETRIES = 3;

/**
 * Calls that spend a trigger_id, which Slack accepts for 3 s after it sent the request
 * (slack-rules.md §1.5): one that could not leave within 2 s is not sent at all.
 */
const TRIGGER_METHODS = new Set(['views.open', 'views.push']);
const TRIGGER_WAIT_MS = 2_000;

/**
 * Keeps this process's Web API calls inside Slack's rate limits (rate-limits.ts): one sliding-window
 * queue per method (p-queue's `strict` mode: at most N calls in any rolling minute, bursts allowed),
 * one per channel for chat.postMessage, and each paused for the Retry-After of a 429 so the calls
 * behind it wait instead of being refused too. Several replicas share Slack's limits but pace
 * separately: their 429s are still honoured.
 */
export class SlackPacer {
  private readonly queues = new Map<string, PQueue>();
  private readonly resumeAt = new Map<string, number>();
  private readonly minuteMs: number;

  /** `minuteMs` shortens Slack's minute, for tests against an emulator whose clock runs fast. */
  constructor(opts: { minuteMs?: number } = {}) {
    this.minuteMs = opts.minuteMs ?? 60_000;
  }

  /** The queue a call waits in: `chat.update`, `chat.postMessage#C123`; null when not paced. */
  keyFor(method: string, body: unknown): string | null {
    if (method === 'chat.postMessage') {
      const channel = formField(body, 'channel');
      return channel ? `${method}#${channel}` : null;
    }
    return perMinute(method) === null ? null : method;
  }

  /** Runs `call` when `method`'s queue allows it (for work that renders only once Slack will take it). */
  turn<T>(method: string, call: () => Promise<T>): Promise<T> {
    return perMinute(method) === null ? call() : this.run(method, call);
  }

  /** Runs `call` when its queue allows it; rejects with the signal's reason if that comes first. */
  run<T>(key: string, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const q = this.queue(key);
    if (!isChannelKey(key)) return signal ? q.add(call, { signal }) : q.add(call);
    // One post per second per channel, counted from Slack's answer (which comes after Slack counted
    // the post): the channel's next post starts a second after this one was answered. The caller
    // hears the answer at once; only the channel's queue waits out the second. (Handing the answer
    // back after the second made every reminder round last a second more, so a burst of 100 due
    // channels, claimed 20 at a time, drained in five seconds instead of one.)
    return new Promise<T>((resolve, reject) => {
      q.add(async () => {
        try {
          resolve(await call());
        } catch (err) {
          reject(err);
        }
        await new Promise((r) => setTimeout(r, POST_MESSAGE_PER_CHANNEL.intervalMs));
      }).catch(reject);
    });
  }

  /** True when calls already wait in this queue (its minute is used up, or a 429 holds it). */
  backedUp(key: string): boolean {
    const q = this.queues.get(key);
    return q !== undefined && (q.size > 0 || q.isPaused);
  }

  /** Slack answered 429 with Retry-After: nothing more goes out of this queue until then. */
  hold(key: string, retryAfterSec: number): void {
    const until = Date.now() + retryAfterSec * 1000;
    if ((this.resumeAt.get(key) ?? 0) >= until) return;
    this.resumeAt.set(key, until);
    const q = this.queue(key);
    q.pause();
    setTimeout(() => {
      if (this.resumeAt.get(key) !== until) return; // a later 429 moved the time on
      this.resumeAt.delete(key);
      q.start();
    }, until - Date.now()).unref();
  }

  private queue(key: string): PQueue {
    let q = this.queues.get(key);
    if (q) return q;
    const channel = isChannelKey(key);
    q = channel
      ? new PQueue({ concurrency: POST_MESSAGE_PER_CHANNEL.limit })
      : new PQueue({ intervalCap: perMinute(key) ?? Number.POSITIVE_INFINITY, interval: this.minuteMs + WINDOW_MARGIN_MS, strict: true });
    this.queues.set(key, q);
    if (channel) {
      // One queue per channel the bot posts in: forget a channel's once it has been idle a window.
      const created = q;
      created.on('idle', () => {
        setTimeout(() => {
          // Only this queue: a stale timer must not drop a newer queue of the same channel.
          if (this.queues.get(key) === created && created.size === 0 && created.pending === 0 && !this.resumeAt.has(key)) this.queues.delete(key);
        }, POST_MESSAGE_PER_CHANNEL.intervalMs).unref();
      });
    }
    return q;
  }
}

const isChannelKey = (key: string) => key.includes('#');

/**
 * A trigger call not sent: the method's limit is used up for longer than the trigger lives (others
 * already wait their turn, or this one waited 2 s). Answered as Slack answers a refused call, so
 * the caller tells the user to try again; never queued, so a flood cannot pile up dead triggers.
 */
const refusedHere = () => Response.json({ ok: false, error: 'ratelimited' });

/** A field of a Web API request body (the WebClient sends form-encoded strings, or FormData for files). */
function formField(body: unknown, name: string): string | null {
  if (typeof body === 'string') return new URLSearchParams(body).get(name);
  if (body instanceof URLSearchParams || body instanceof FormData) {
    const v = body.get(name);
    return typeof v === 'string' ? v : null;
  }
  return null;
}

export interface PacedFetchOptions {
  /** Base URL of the Web API (SLACK_API_URL); other URLs (response_url, file uploads) pass straight through. */
  apiUrl: string;
  /**
   * Send a call refused with 429 again after its Retry-After (true), or hand the 429 back at once
   * (false: the reminder scheduler stores the Retry-After and moves on to other channels).
   */
  retryRateLimited: boolean;
  /** Methods whose callers already took their turn (SlackPacer.turn): sent at once, paced again only after a 429. */
  prepaced?: readonly string[];
  fetch?: typeof fetch;
}

/**
 * The `fetch` our WebClients are built with (`clientOptions.fetch`): every Web API call waits for
 * its method's (or channel's) pace, and a 429 holds that queue for its Retry-After. Pacing below the
 * WebClient's own retries means its retries are paced too.
 */
export function pacedFetch(pacer: SlackPacer, opts: PacedFetchOptions): typeof fetch {
  const base = opts.fetch ?? globalThis.fetch;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(opts.apiUrl)) return base(input, init);
    const method = url.slice(opts.apiUrl.length).split('?')[0] ?? '';
    const key = pacer.keyFor(method, init?.body);
    const prepaced = opts.prepaced?.includes(method) ?? false;
    for (let attempt = 0; ; attempt += 1) {
      const paced = key && !(prepaced && attempt === 0);
      let res: Response;
      if (!paced) res = await base(input, init);
      else if (!TRIGGER_METHODS.has(method)) res = await pacer.run(key, () => base(input, init));
      else if (pacer.backedUp(key)) return refusedHere();
      else {
        const late = new AbortController();
        let started = false;
        const timer = setTimeout(() => started || late.abort(new Error('trigger would expire')), TRIGGER_WAIT_MS);
        try {
          res = await pacer.run(key, () => ((started = true), base(input, init)), late.signal);
        } catch (err) {
          if (!late.signal.aborted || started) throw err;
          return refusedHere();
        } finally {
          clearTimeout(timer);
        }
      }
      if (res.status !== 429) return res;
      const retryAfter = Number.parseInt(res.headers.get('retry-after') ?? '', 10);
      if (!Number.isFinite(retryAfter) || retryAfter < 0) return res;
      if (key) pacer.hold(key, retryAfter);
      if (!opts.retryRateLimited || attempt >= RATE_LIMITED_RETRIES) return res;
      await res.body?.cancel();
      if (!key) await new Promise((r) => setTimeout(r, retryAfter * 1000));
    }
  };
}
