import type { AnyMiddlewareArgs, Middleware, webApi } from '@slack/bolt';
import { POLICY, type PolicyAction } from '../../domain/access/policy.js';
import { refreshCard } from '../../flows/card.js';
import { asStandInAdmin, findTarget } from '../../flows/access.js';
import type { BotDeps } from '../deps.js';
import { parse } from '../listeners/commands/parse.js';
import { targetOf } from '../listeners/router.js';
import { decideAccess } from './actor.js';
import { setGranted } from './context.js';
import { replyOnlyTo } from '../reply-only.js';
import { refusedSubmission } from './explain.js';
import { LOCATE } from './locate.js';
import { SURFACES, type Surface, type SurfaceKind } from './surfaces.js';
import type { StoredAssessment } from '../../domain/assessment/stored.js';
import type { Breach } from '../../domain/breach/entity.js';

type Body = Record<string, any>;

/**
 * Which listener surface a request is for, from what the router matches it by (listeners/router.ts);
 * a command's surface is its subcommand. Null: none of ours.
 */
export function surfaceOf(body: Body): { kind: SurfaceKind; id: string } | null {
  const target = targetOf(body);
  if (!target || target.kind === 'options') return null;
  if (target.kind === 'command') {
    const { name } = parse(String(body['text'] ?? ''));
    // Own keys only: `/breach constructor` must not find Object's constructor as a surface.
    const id = name === '' ? 'declare' : Object.hasOwn(SURFACES.command, name) ? name : 'unknown';
    return { kind: 'command', id };
  }
  return { kind: target.kind, id: String(target.id ?? '') };
}

function userOf(body: Body): string {
  return String(body['user_id'] ?? body['user']?.['id'] ?? body['event']?.['user'] ?? '');
}

type Found = { ok: true; breach: Breach | null; assessment: StoredAssessment | null } | { ok: false; text: string };

const MALFORMED = 'This request does not name a breach I know (its id is not valid), so nothing was done.';
const GONE = 'That breach no longer exists.';

/**
 * Finds the breach a request is about, from the id its surface carries, validated by the locator.
 * A request about the organisation that names only its channel (`/breach` typed anywhere: declare,
 * help, list) needs no breach, so its channel is not looked up: nothing stands before its ack.
 */
async function findBreach(deps: Pick<BotDeps, 'db'>, surface: Surface, body: Body, aboutBreach: boolean): Promise<Found> {
  const target = surface.locate(body);
  if (target.kind === 'malformed') return { ok: false, text: MALFORMED };
  if (target.kind === 'channel' && !aboutBreach) return { ok: true, breach: null, assessment: null };
  // A command typed outside a breach channel finds no breach, and the subcommand says where to run it.
  const found = await findTarget(deps.db, target);
  if (found.ok) return found;
  return { ok: false, text: found.missing === 'breach' ? GONE : 'That assessment no longer exists.' };
}

/** Answers a refused request: nothing was done, and only the asker is told why. */
async function refuse(deps: BotDeps, args: AnyMiddlewareArgs & { client: webApi.WebClient }, body: Body, text: string): Promise<void> {
  const ack = (args as { ack?: (r?: unknown) => Promise<void> }).ack;
  if (body['command'] !== undefined) return ack?.({ response_type: 'ephemeral', text });
  if (body['type'] === 'view_submission') return ack?.(refusedSubmission(body['view'], text));
  await ack?.();
  await replyOnlyTo(deps, args.client, body, text);
}

/**
 * The one place access is enforced (issue 14). Runs before every listener: finds the request's
 * surface in surfaces.ts, validates and loads the breach it names, asks the policy
 * (domain/access/policy.ts) whether this person may, and either refuses (an explanation to them
 * alone, nothing changed: a refused modal stays open with the reason at its first field) or hands
 * the listener the breach through the context. A surface with no policy entry is refused.
 */
export function accessGuard(deps: BotDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as Body;
    const found = surfaceOf(body);
    if (!found) return args.next();
    const surface = Object.hasOwn(SURFACES[found.kind], found.id) ? SURFACES[found.kind][found.id] : undefined;
    const client = (args as unknown as { client: webApi.WebClient }).client;
    const full = { ...args, client };
    if (!surface) {
      if (found.kind === 'event') return args.next(); // events we do not listen to: Bolt drops them
      deps.logger.error(`access: no policy entry for ${found.kind} "${found.id}"; refused`);
      return refuse(deps, full, body, 'This is not available.');
    }
    const userId = userOf(body);
    const action: PolicyAction = typeof surface.action === 'function' ? surface.action(body) : surface.action;
    const rule = POLICY[action];
    const where = await findBreach(deps, surface, body, rule.about === 'breach');
    if (!where.ok) {
      deps.logger.info(`access: ${found.kind} ${found.id} by ${userId} refused: no such breach`);
      return refuse(deps, full, body, where.text);
    }
    // Organisation actions, and breach commands typed outside a breach channel, need no breach.
    const breach = rule.about === 'breach' ? where.breach : null;
    if (rule.about === 'breach' && !breach && surface.locate !== LOCATE.commandChannel) {
      return refuse(deps, full, body, MALFORMED);
    }
    const unchecked = rule.who === 'anyone' || (rule.about === 'breach' && !breach);
    const decided = unchecked ? null : await decideAccess(deps, client, action, userId, breach);
    if (decided && !decided.access.ok) {
      deps.logger.info(`access: ${action} refused to ${userId}${breach ? ` on ${breach.reference}` : ''}`);
      await refuse(deps, full, body, decided.access.reason);
      // A refused pick in a select on the card (the Breach lead picker) still shows the refused
      // choice in the asker's Slack: re-render the card so it shows what is stored again.
      if (surface.refreshCardOnRefusal && breach) await refreshCard(deps, breach.id);
      return;
    }
    const as = decided?.access.ok ? decided.access.as : 'anyone';
    setGranted(args.context, { action, as, actor: decided?.actor ?? null, breach, assessment: where.assessment });
    if (as === 'admin') {
      deps.logger.info(`access: ${action} by ${userId} as a workspace admin (no DPO is configured)`);
      return asStandInAdmin(userId, () => args.next());
    }
    return args.next();
  };
}
