import type { IncomingMessage } from 'node:http';

const kinds = new WeakMap<IncomingMessage, string>();

/**
 * Labels a Slack request for metrics (command, block_actions, view_submission, event:app_home_opened…).
 * Called by Bolt's customPropertiesExtractor once the body is buffered and verified.
 */
export function recordRequestKind(req: IncomingMessage & { rawBody?: Buffer }): Record<string, never> {
  kinds.set(req, classify(req.rawBody?.toString('utf8') ?? ''));
  return {};
}

/** The label recorded for this request, or `rejected` when Bolt never got as far as classifying it (bad signature). */
export function requestKind(req: IncomingMessage): string {
  return kinds.get(req) ?? 'rejected';
}

function classify(raw: string): string {
  if (raw.startsWith('{')) {
    try {
      const body = JSON.parse(raw) as { type?: string; event?: { type?: string } };
      return body.event?.type ? `event:${body.event.type}` : (body.type ?? 'event');
    } catch {
      return 'malformed';
    }
  }
  const form = new URLSearchParams(raw);
  if (form.has('command')) return 'command';
  const payload = form.get('payload');
  if (payload) {
    try {
      return (JSON.parse(payload) as { type?: string }).type ?? 'interaction';
    } catch {
      return 'malformed';
    }
  }
  return 'other';
}
