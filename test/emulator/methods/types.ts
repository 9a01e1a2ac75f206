/**
 * How a Web API method is declared: its rate tier (§4.3), the scopes any one of which it
 * needs (§4.2; channel-type dependent scopes are checked inside the handler), and a handler
 * that returns the `ok:true` body or throws ApiError.
 */
import type { Args } from '../args.js';
import type { EmulatorCore } from '../core.js';
import type { Tier } from '../rate-limits.js';

export interface MethodContext {
  core: EmulatorCore;
  method: string;
  args: Args;
  /** Add a warning (response `warning` + `response_metadata.warnings` / `[WARN]` message). */
  warn(code: string, message: string): void;
}

export interface MethodSpec {
  name: string;
  tier: Tier;
  /** Static scope requirement: any one of these. Omit for no scope or a channel-type dependent one. */
  scopes?: readonly string[];
  /** The token the method takes: the bot token (default) or the app-level token (apps.connections.open). */
  token?: 'bot' | 'app';
  handler(ctx: MethodContext): Record<string, unknown> | Promise<Record<string, unknown>>;
}
