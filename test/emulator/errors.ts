/**
 * Slack's error shapes (slack-rules.md §4.1): every Web API failure is HTTP 200 with
 * `{ ok: false, error: '<code>' }`, sometimes with extra fields (`needed`/`provided` for
 * missing_scope, `errors` for invalid_blocks) and `response_metadata.messages` lines
 * prefixed with `[ERROR]` / `[WARN]`. Handlers throw ApiError; the server serialises it.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
    /** Lines for response_metadata.messages, already prefixed with `[ERROR]`. */
    readonly messages: string[] = [],
  ) {
    super(messages.length > 0 ? `${code}: ${messages.join('; ')}` : code);
    this.name = 'ApiError';
  }

  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { ok: false, error: this.code, ...this.extra };
    if (this.messages.length > 0) body['response_metadata'] = { messages: this.messages };
    return body;
  }
}

/** `invalid_arguments` with Slack's `[ERROR] … [json-pointer:…]` lines (§1.5, §3). */
export function invalidArguments(...problems: string[]): ApiError {
  return new ApiError('invalid_arguments', {}, problems.map((p) => `[ERROR] ${p}`));
}

/** A required argument was left out (Slack answers invalid_arguments, "missing required field"). */
export function missingArgument(name: string): ApiError {
  return invalidArguments(`missing required field: ${name} [json-pointer:/${name}]`);
}

/** Thrown by the driver when the bot does something Slack would refuse or flag. */
export class DriverError extends Error {
  constructor(message: string, readonly detail: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DriverError';
  }
}
