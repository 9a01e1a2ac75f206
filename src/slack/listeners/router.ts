import type { AllMiddlewareArgs, AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { SurfaceKind } from '../access/surfaces.js';
import { escapeMrkdwn } from '../mrkdwn.js';

type Constraint = string | RegExp | Record<string, unknown>;
/** The kinds of listener: the access map's surfaces, and options (none registered; acked empty). */
type Kind = SurfaceKind | 'options';
type Listener = (args: AnyMiddlewareArgs & AllMiddlewareArgs) => unknown;

interface Route {
  constraint: Constraint;
  listener: Listener;
}

const KINDS: readonly Kind[] = ['action', 'view', 'shortcut', 'command', 'options', 'event'];

/**
 * What a request is, as Bolt routes it (slack-rules.md §1.3): its kind, its id (the command, action
 * id, callback id or event type), and the fields an object constraint may name. The access guard
 * finds a request's surface from it too (access/guard.ts).
 */
export interface Target {
  kind: Kind;
  id: string | undefined;
  fields: Record<string, unknown>;
}

export function targetOf(body: Record<string, any>): Target | null {
  if (body['command'] !== undefined) return { kind: 'command', id: body['command'], fields: {} };
  switch (body['type']) {
    case 'block_actions': {
      const a = body['actions']?.[0] ?? {};
      return { kind: 'action', id: a.action_id, fields: { block_id: a.block_id, type: 'block_actions' } };
    }
    case 'view_submission':
    case 'view_closed':
      return { kind: 'view', id: body['view']?.callback_id, fields: { type: body['type'] } };
    case 'shortcut':
    case 'message_action':
      return { kind: 'shortcut', id: body['callback_id'], fields: { type: body['type'] } };
    case 'block_suggestion':
      return { kind: 'options', id: body['action_id'], fields: { block_id: body['block_id'] } };
    case 'event_callback':
      return { kind: 'event', id: body['event']?.type, fields: {} };
    default:
      return null;
  }
}

/**
 * The bot's listeners, by kind and id, as the listener files register them (`app.action(id, …)`,
 * the Bolt samples' style), with one difference: they are not handed to Bolt one by one. Bolt runs
 * every registered listener's matching middleware for every request (App.processEvent), forty-odd
 * chains of async calls per `/breach` before anything is found; the router is the last global
 * middleware and calls only the listeners whose constraint matches, as Bolt's matching would
 * (middleware/builtin.js matchConstraints; a view id matches submissions only, as App.view makes it).
 * Requests no listener handles (a button from an old message, a stale modal, another app's command)
 * are acked at once by the first middleware, before the access guard, instead of Slack showing the
 * person an error after three seconds.
 */
export class ListenerRouter {
  private readonly routes: Record<Kind, Route[]> = { action: [], view: [], shortcut: [], command: [], options: [], event: [] };

  /** An app whose listener methods (`action`, `view`, `command`, …) register here; anything else is the app's. */
  track(app: App): App {
    const self = this;
    return new Proxy(app, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && (KINDS as readonly string[]).includes(prop)) {
          return (constraint: Constraint, ...listeners: Listener[]) => {
            if (listeners.length !== 1) throw new Error(`${prop} listener for ${String(constraint)}: register one function (no listener middleware)`);
            self.routes[prop as Kind].push({ constraint, listener: listeners[0]! });
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** What was registered, by kind: ids as strings, object constraints by their callback or action id. */
  registered(): Record<Kind, string[]> {
    const id = (c: Constraint) => (typeof c === 'string' ? c : c instanceof RegExp ? c.source : String(c['callback_id'] ?? c['action_id'] ?? JSON.stringify(c)));
    return Object.fromEntries(Object.entries(this.routes).map(([k, rs]) => [k, rs.map((r) => id(r.constraint))])) as Record<Kind, string[]>;
  }

  private matching(t: Target): Listener[] {
    return this.routes[t.kind].filter(({ constraint: c }) => {
      if (typeof c === 'string' || c instanceof RegExp) {
        if (t.kind === 'view' && t.fields['type'] !== 'view_submission') return false;
        return typeof c === 'string' ? c === t.id : t.id !== undefined && c.test(t.id);
      }
      return Object.entries(c).every(([k, v]) => {
        const actual = k === 'callback_id' || k === 'action_id' ? t.id : t.fields[k];
        return v instanceof RegExp ? typeof actual === 'string' && v.test(actual) : actual === v;
      });
    }).map((r) => r.listener);
  }

  /** First global middleware: acks what no listener handles, and lets everything else through. */
  unhandled(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      const body = args.body as Record<string, any>;
      const ack = (args as { ack?: (r?: unknown) => Promise<void> }).ack;
      const target = targetOf(body);
      if (!ack || !target || target.kind === 'event' || this.matching(target).length > 0) return args.next();
      args.logger.info(`acked a ${body['type'] ?? 'command'} request no listener handles`);
      if (target.kind === 'command') {
        await ack({ response_type: 'ephemeral', text: `${escapeMrkdwn(String(body['command']))} is not a breachbot command. Try /breach help.` });
      } else if (target.kind === 'options') {
        await ack({ options: [] });
      } else {
        await ack();
      }
    };
  }

  /**
   * Last global middleware: runs the matching listeners side by side, as Bolt runs them, and
   * Bolt's own (anything registered on the app itself, such as app.message, which this router
   * does not keep) beside them; fails as Bolt would (one error as itself, several together) so
   * app.error sees it.
   */
  dispatch(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      const target = targetOf(args.body as Record<string, any>);
      const listeners = target ? this.matching(target) : [];
      const runs = listeners.map(async (listener) => listener({ ...args, next: async () => {} } as AnyMiddlewareArgs & AllMiddlewareArgs));
      runs.push(args.next());
      const failed = (await Promise.allSettled(runs)).filter((r) => r.status === 'rejected');
      if (failed.length === 1) throw failed[0]!.reason;
      if (failed.length > 1) throw new AggregateError(failed.map((r) => r.reason), 'several listeners failed');
    };
  }
}
