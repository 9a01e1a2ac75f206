/**
 * Rate limits (slack-rules.md §4.3, rule 14 of §10): per method per workspace by tier
 * (Tier 1..4 = 1/20/50/100 per minute; auth.test and chat.getPermalink 600/min), and
 * chat.postMessage at 1 message per second per channel plus a workspace-wide cap.
 * Over the limit: HTTP 429, `Retry-After: <integer seconds>`, body {ok:false,error:'ratelimited'}.
 * Windows are sliding and read the emulator clock.
 */
import type { Clock } from './clock.js';

export type Tier = 'tier1' | 'tier2' | 'tier3' | 'tier4' | 'special' | 'postMessage';

export interface RateLimitOverrides {
  /** Start from Slack's numbers (default) or from no limits. */
  base?: 'slack' | 'off';
  /** Per-method calls per minute; null removes the limit for that method. */
  perMinute?: Record<string, number | null>;
  /** Calls per minute for whole tiers. */
  tiers?: Partial<Record<'tier1' | 'tier2' | 'tier3' | 'tier4' | 'special', number>>;
  /** chat.postMessage per channel: `limit` posts per `windowMs`. Default 1 per 1000 ms (strict). null = off. */
  postMessagePerChannel?: { limit: number; windowMs: number } | null;
  /** chat.postMessage workspace-wide per minute ("several hundred"). Default 300. null = off. */
  postMessageWorkspacePerMinute?: number | null;
}

export type RateLimitOption = 'slack' | 'off' | RateLimitOverrides;

export const TIER_PER_MINUTE = { tier1: 1, tier2: 20, tier3: 50, tier4: 100, special: 600 } as const;

interface Resolved {
  enabled: boolean;
  tiers: Record<'tier1' | 'tier2' | 'tier3' | 'tier4' | 'special', number>;
  perMinute: Record<string, number | null>;
  perChannel: { limit: number; windowMs: number } | null;
  workspacePerMinute: number | null;
}

function resolve(option: RateLimitOption): Resolved {
  const off = option === 'off' || (typeof option === 'object' && option.base === 'off');
  const o: RateLimitOverrides = typeof option === 'object' ? option : {};
  const unlimited = { tier1: Infinity, tier2: Infinity, tier3: Infinity, tier4: Infinity, special: Infinity };
  return {
    enabled: option !== 'off',
    tiers: { ...(off ? unlimited : TIER_PER_MINUTE), ...o.tiers },
    perMinute: { ...o.perMinute },
    perChannel: o.postMessagePerChannel !== undefined ? o.postMessagePerChannel : off ? null : { limit: 1, windowMs: 1000 },
    workspacePerMinute:
      o.postMessageWorkspacePerMinute !== undefined ? o.postMessageWorkspacePerMinute : off ? null : 300,
  };
}

export class RateLimiter {
  private config: Resolved;
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly clock: Clock, option: RateLimitOption = 'slack') {
    this.config = resolve(option);
  }

  configure(option: RateLimitOption): void {
    this.config = resolve(option);
  }

  /** Forget every counted call (e.g. between test phases). */
  reset(): void {
    this.hits.clear();
  }

  /**
   * Count a call. Returns undefined when allowed, or the Retry-After seconds when limited
   * (a limited call is not counted, as Slack does not serve it).
   */
  check(method: string, tier: Tier, channel?: string): number | undefined {
    if (!this.config.enabled) return undefined;
    const now = this.clock();
    const windows: Array<{ key: string; limit: number; windowMs: number }> = [];
    const override = this.config.perMinute[method];
    if (override !== undefined) {
      if (override !== null) windows.push({ key: method, limit: override, windowMs: 60_000 });
    } else if (tier === 'postMessage') {
      if (this.config.workspacePerMinute !== null) {
        windows.push({ key: method, limit: this.config.workspacePerMinute, windowMs: 60_000 });
      }
    } else {
      windows.push({ key: method, limit: this.config.tiers[tier], windowMs: 60_000 });
    }
    if (tier === 'postMessage' && channel !== undefined && this.config.perChannel !== null) {
      windows.push({ key: `${method}#${channel}`, ...this.config.perChannel });
    }
    let retryAfterMs = 0;
    for (const w of windows) {
      const list = (this.hits.get(w.key) ?? []).filter((t) => t > now - w.windowMs);
      this.hits.set(w.key, list);
      if (list.length >= w.limit) {
        const oldest = list[list.length - w.limit] ?? now;
        retryAfterMs = Math.max(retryAfterMs, oldest + w.windowMs - now);
      }
    }
    if (retryAfterMs > 0) return Math.max(1, Math.ceil(retryAfterMs / 1000));
    for (const w of windows) this.hits.get(w.key)?.push(now);
    return undefined;
  }
}
