/**
 * views.* (slack-rules.md §1.5, §2, §4.2; rules 4, 5, 6, 8 of §10).
 * - trigger_id: valid 3 s on the emulator clock, single use → expired_trigger_id /
 *   exchanged_trigger_id / invalid_trigger_id (not the legacy dialog.open codes).
 * - modal stack ≤ 3 → push_limit_reached.
 * - every update gets a new hash; a stale hash → hash_conflict.
 * - views.publish needs the Home tab enabled (not_enabled) and a `home` view.
 */
import type { EmulatorCore } from '../core.js';
import { ApiError, invalidArguments } from '../errors.js';
import { slackId, TRIGGER_ID_FORMAT } from '../ids.js';
import type { EmulatedView, TriggerRecord } from '../state.js';
import { validateView, type ValidView } from '../view-validation.js';
import { buildState } from '../view-state.js';
import { blockTextSites } from '../mrkdwn-scan.js';
import type { MethodContext, MethodSpec } from './types.js';

export const TRIGGER_TTL_MS = 3000;
export const MODAL_STACK_MAX = 3;

export function checkTrigger(core: EmulatorCore, raw: string | undefined): TriggerRecord {
  if (raw === undefined || raw === '') throw invalidArguments('invalid `trigger_id`');
  if (!TRIGGER_ID_FORMAT.test(raw)) throw new ApiError('invalid_trigger_id');
  const rec = core.state.triggers.get(raw);
  if (!rec) throw new ApiError('invalid_trigger_id');
  if (rec.used) throw new ApiError('exchanged_trigger_id');
  if (core.now() - rec.issuedAt > TRIGGER_TTL_MS) throw new ApiError('expired_trigger_id');
  return rec;
}

function parseViewArg(ctx: MethodContext, expected: 'modal' | 'home' | 'any'): ValidView {
  const raw = ctx.args.json('view', () => invalidArguments('failed to parse view as JSON [json-pointer:/view]'));
  if (raw === undefined) throw invalidArguments('missing required field: view [json-pointer:/view]');
  return validateView(raw, expected);
}

/** Views are scanned like messages once accepted: mrkdwn sections, fields, context, options (§5). */
function scanView(ctx: MethodContext, view: EmulatedView): void {
  ctx.core.scan(blockTextSites(view.blocks, '/view/blocks'), ctx.method, `view ${view.id}`);
}

function checkExternalId(core: EmulatorCore, externalId: string, selfId?: string): void {
  if (!externalId) return;
  for (const v of core.state.views.values()) {
    if (v.open && v.external_id === externalId && v.id !== selfId) throw new ApiError('duplicate_external_id');
  }
}

export function createView(
  core: EmulatorCore,
  valid: ValidView,
  user: string,
  links: { root?: string; previous?: string } = {},
): EmulatedView {
  const id = slackId('V', 10);
  const view: EmulatedView = {
    id,
    team_id: core.state.team.id,
    user,
    hash: core.newHash(),
    root_view_id: valid.type === 'home' ? null : (links.root ?? id),
    previous_view_id: links.previous ?? null,
    app_id: core.state.bot.appId,
    bot_id: core.state.bot.botId,
    app_installed_team_id: core.state.team.id,
    ...valid,
    state: { values: buildState(valid.blocks) },
    open: true,
    updates: 0,
  };
  core.state.views.set(id, view);
  return view;
}

/** Replace a view's content in place (views.update / response_action update). */
export function replaceView(core: EmulatorCore, view: EmulatedView, valid: ValidView): void {
  const previousValues = view.state.values;
  Object.assign(view, valid);
  if (!valid.title) delete view.title;
  if (!valid.submit) delete view.submit;
  if (!valid.close) delete view.close;
  view.state = { values: buildState(valid.blocks, previousValues) };
  view.hash = core.newHash();
  view.updates++;
  delete view.errors;
}

/** The view object the Web API and payloads carry. */
export function publicView(v: EmulatedView): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: v.id,
    team_id: v.team_id,
    type: v.type,
    blocks: v.blocks,
    private_metadata: v.private_metadata,
    callback_id: v.callback_id,
    state: structuredClone(v.state),
    hash: v.hash,
    clear_on_close: v.clear_on_close,
    notify_on_close: v.notify_on_close,
    submit_disabled: v.submit_disabled,
    external_id: v.external_id,
    root_view_id: v.root_view_id,
    previous_view_id: v.previous_view_id,
    app_id: v.app_id,
    app_installed_team_id: v.app_installed_team_id,
    bot_id: v.bot_id,
  };
  if (v.type === 'modal') {
    out['title'] = v.title ?? null;
    out['submit'] = v.submit ?? null;
    out['close'] = v.close ?? null;
  }
  return out;
}

export function closeViews(core: EmulatorCore, user: string, ids: readonly string[]): void {
  for (const id of ids) {
    const v = core.state.views.get(id);
    if (v) v.open = false;
  }
  const stack = (core.state.modalStacks.get(user) ?? []).filter((id) => !ids.includes(id));
  core.state.modalStacks.set(user, stack);
}

/** Push onto a user's modal stack, enforcing the limit of 3 (§2.1). */
export function pushView(core: EmulatorCore, user: string, valid: ValidView): EmulatedView {
  const stack = core.state.modalStacks.get(user) ?? [];
  if (stack.length === 0) throw new ApiError('not_found', {}, ['[ERROR] views.push needs an open modal to push onto']);
  if (stack.length >= MODAL_STACK_MAX) throw new ApiError('push_limit_reached');
  checkExternalId(core, valid.external_id);
  const view = createView(core, valid, user, { root: stack[0], previous: stack[stack.length - 1] });
  stack.push(view.id);
  core.state.modalStacks.set(user, stack);
  return view;
}

export const viewsMethods: MethodSpec[] = [
  {
    name: 'views.open',
    tier: 'tier4',
    handler: (ctx) => {
      const trigger = checkTrigger(ctx.core, ctx.args.string('trigger_id') ?? ctx.args.string('interactivity_pointer'));
      const valid = parseViewArg(ctx, 'modal');
      checkExternalId(ctx.core, valid.external_id);
      trigger.used = true;
      // A new modal replaces whatever stack the user had open.
      closeViews(ctx.core, trigger.user, ctx.core.state.modalStacks.get(trigger.user) ?? []);
      const view = createView(ctx.core, valid, trigger.user);
      ctx.core.state.modalStacks.set(trigger.user, [view.id]);
      scanView(ctx, view);
      return { view: publicView(view) };
    },
  },
  {
    name: 'views.push',
    tier: 'tier4',
    handler: (ctx) => {
      const trigger = checkTrigger(ctx.core, ctx.args.string('trigger_id') ?? ctx.args.string('interactivity_pointer'));
      const valid = parseViewArg(ctx, 'modal');
      const view = pushView(ctx.core, trigger.user, valid);
      trigger.used = true;
      scanView(ctx, view);
      return { view: publicView(view) };
    },
  },
  {
    name: 'views.update',
    tier: 'tier4',
    handler: (ctx) => {
      const viewId = ctx.args.string('view_id');
      const externalId = ctx.args.string('external_id');
      if (!viewId && !externalId) throw invalidArguments('missing required field: view_id or external_id');
      const view = viewId
        ? ctx.core.state.views.get(viewId)
        : [...ctx.core.state.views.values()].find((v) => v.open && v.external_id === externalId);
      if (!view || !view.open) throw new ApiError('not_found');
      const hash = ctx.args.string('hash');
      if (hash !== undefined && hash !== '' && hash !== view.hash) throw new ApiError('hash_conflict');
      const valid = parseViewArg(ctx, view.type);
      checkExternalId(ctx.core, valid.external_id, view.id);
      replaceView(ctx.core, view, valid);
      scanView(ctx, view);
      return { view: publicView(view) };
    },
  },
  {
    name: 'views.publish',
    tier: 'tier4',
    handler: (ctx) => {
      if (!ctx.core.options.homeTabEnabled) throw new ApiError('not_enabled');
      const userId = ctx.args.required('user_id');
      const user = ctx.core.user(userId);
      if (!user || user.is_bot) throw new ApiError('user_not_found');
      const valid = parseViewArg(ctx, 'home');
      const existingId = ctx.core.state.homeViews.get(userId);
      const existing = existingId ? ctx.core.state.views.get(existingId) : undefined;
      const hash = ctx.args.string('hash');
      if (existing && hash !== undefined && hash !== '' && hash !== existing.hash) throw new ApiError('hash_conflict');
      checkExternalId(ctx.core, valid.external_id, existing?.id);
      if (existing) {
        replaceView(ctx.core, existing, valid);
        scanView(ctx, existing);
        return { view: publicView(existing) };
      }
      const view = createView(ctx.core, valid, userId);
      ctx.core.state.homeViews.set(userId, view.id);
      scanView(ctx, view);
      return { view: publicView(view) };
    },
  },
];
