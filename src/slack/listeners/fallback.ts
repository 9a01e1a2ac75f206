import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';

type Constraint = string | RegExp | Record<string, unknown>;
type Kind = 'action' | 'view' | 'shortcut' | 'command' | 'options' | 'event';

/**
 * Remembers which action ids, callback ids and commands the listeners handle, so a request for
 * anything else (a button from an old message, a stale modal, a command of another app) is acked
 * at once with nothing done, instead of Slack showing the user an error after three seconds.
 */
export class KnownListeners {
  private readonly known: Record<Kind, Constraint[]> = { action: [], view: [], shortcut: [], command: [], options: [], event: [] };

  /** Wraps `app` so that every listener registered through the wrapper is recorded. */
  track(app: App): App {
    const self = this;
    return new Proxy(app, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof prop === 'string' && prop in self.known && typeof value === 'function') {
          return (constraint: Constraint, ...rest: unknown[]) => {
            self.known[prop as Kind].push(constraint);
            return (value as (...a: unknown[]) => unknown).call(target, constraint, ...rest);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** What was registered, by kind: ids as strings, object constraints by their callback or action id. */
  registered(): Record<Kind, string[]> {
    const id = (c: Constraint) => (typeof c === 'string' ? c : c instanceof RegExp ? c.source : String(c['callback_id'] ?? c['action_id'] ?? JSON.stringify(c)));
    return Object.fromEntries(Object.entries(this.known).map(([k, cs]) => [k, cs.map(id)])) as Record<Kind, string[]>;
  }

  handles(kind: Kind, id: string | undefined, fields: Record<string, unknown> = {}): boolean {
    return this.known[kind].some((c) => {
      if (typeof c === 'string') return c === id;
      if (c instanceof RegExp) return id !== undefined && c.test(id);
      return Object.entries(c).every(([k, v]) => {
        const actual = k === 'callback_id' || k === 'action_id' ? id : fields[k];
        return v instanceof RegExp ? typeof actual === 'string' && v.test(actual) : actual === v;
      });
    });
  }

  /** Global middleware: acks what no listener handles, and lets everything else through. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      const body = args.body as Record<string, any>;
      const ack = (args as { ack?: (r?: unknown) => Promise<void> }).ack;
      if (!ack) return args.next();
      const unknown = (() => {
        if (body['command'] !== undefined) return !this.handles('command', body['command']);
        switch (body['type']) {
          case 'block_actions': {
            const a = body['actions']?.[0] ?? {};
            return !this.handles('action', a.action_id, { block_id: a.block_id, type: 'block_actions' });
          }
          case 'view_submission':
          case 'view_closed':
            return !this.handles('view', body['view']?.callback_id, { type: body['type'] });
          case 'shortcut':
          case 'message_action':
            return !this.handles('shortcut', body['callback_id'], { type: body['type'] });
          case 'block_suggestion':
            return !this.handles('options', body['action_id'], { block_id: body['block_id'] });
          default:
            return false;
        }
      })();
      if (!unknown) return args.next();
      args.logger.info(`acked a ${body['type'] ?? 'command'} request no listener handles`);
      if (body['command'] !== undefined) {
        await ack({ response_type: 'ephemeral', text: `${body['command']} is not a breachbot command. Try /breach help.` });
      } else if (body['type'] === 'block_suggestion') {
        await ack({ options: [] });
      } else {
        await ack();
      }
    };
  }
}
