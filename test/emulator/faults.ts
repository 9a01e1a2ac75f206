/**
 * Fault injection: make the next call(s) of a method fail the way Slack can fail, so tests can
 * prove the bot retries what may be retried (429 Retry-After, 5xx) and reports the rest
 * (slack-rules.md §4.4). Pseudo-methods 'response_url' and 'upload' target those endpoints;
 * '*' matches any method.
 */
export interface FaultSpec {
  /** Answer HTTP 200 {ok:false,error}. Default 'internal_error' when neither error nor status nor latency is given. */
  error?: string;
  /** Answer with this HTTP status instead (500, 503, 429…). */
  status?: number;
  /** Retry-After seconds for status 429 (default 1). */
  retryAfter?: number;
  /** Wait this long before answering (alone: a slow but successful call). */
  latencyMs?: number;
  /** How many consecutive calls the fault applies to (default 1). */
  times?: number;
  /** Perform the call for real, then answer with the fault (Slack did it but the bot cannot know). */
  applyFirst?: boolean;
  /**
   * Perform the call at once but hold the (successful) answer this long: a bot killed meanwhile
   * never learns that Slack did it. Unlike latencyMs, which waits before doing anything.
   */
  answerDelayMs?: number;
  /** Extra fields for the {ok:false} body. */
  extra?: Record<string, unknown>;
}

interface Pending {
  method: string;
  spec: FaultSpec;
  remaining: number;
}

export class Faults {
  private queue: Pending[] = [];

  failNext(method: string, spec: FaultSpec = {}): void {
    const full: FaultSpec =
      spec.error === undefined && spec.status === undefined && spec.latencyMs === undefined && spec.answerDelayMs === undefined
        ? { ...spec, error: 'internal_error' }
        : spec;
    this.queue.push({ method, spec: full, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.queue = [];
  }

  get pending(): ReadonlyArray<Readonly<Pending>> {
    return this.queue;
  }

  /** Consume the fault for this call, if any. */
  take(method: string): FaultSpec | undefined {
    const i = this.queue.findIndex((p) => p.method === method || p.method === '*');
    if (i < 0) return undefined;
    const p = this.queue[i];
    if (p === undefined) return undefined;
    p.remaining--;
    if (p.remaining <= 0) this.queue.splice(i, 1);
    return p.spec;
  }
}

/** Whether a fault actually fails the call (latency alone does not). */
export function faultFails(spec: FaultSpec): boolean {
  return spec.error !== undefined || spec.status !== undefined;
}
