/**
 * Applying the bot's ack to a view_submission (slack-rules.md §2.1, rule 7 of §10). Only an
 * empty body (close the submitted view) or response_action errors / update / push / clear is
 * valid; `errors` keys must be block_ids of *input* blocks in the submitted view.
 */
import type { EmulatorCore } from './core.js';
import { ApiError, DriverError } from './errors.js';
import { closeViews, pushView, replaceView } from './methods/views.js';
import { blockTextSites } from './mrkdwn-scan.js';
import type { EmulatedView } from './state.js';
import { validateView } from './view-validation.js';

export type ResponseAction = 'close' | 'errors' | 'update' | 'push' | 'clear';

export interface AppliedResponse {
  responseAction: ResponseAction;
  errors?: Record<string, string>;
  /** The user's top view afterwards, if any modal is still open. */
  topView?: EmulatedView;
}

function topView(core: EmulatorCore, user: string): EmulatedView | undefined {
  const stack = core.state.modalStacks.get(user) ?? [];
  const id = stack[stack.length - 1];
  return id ? core.state.views.get(id) : undefined;
}

/** Throws DriverError when Slack would refuse the ack (the user would see an error). */
export function applyViewSubmissionAck(core: EmulatorCore, view: EmulatedView, body: string): AppliedResponse {
  const user = view.user;
  if (body.trim() === '') {
    closeViews(core, user, [view.id]);
    return { responseAction: 'close', ...withTop(core, user) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new DriverError(`view_submission ack body is neither empty nor JSON: ${body.slice(0, 200)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DriverError('view_submission ack body must be a JSON object');
  }
  const ack = parsed as Record<string, unknown>;
  const action = ack['response_action'];
  switch (action) {
    case 'errors': {
      const errors = ack['errors'];
      if (typeof errors !== 'object' || errors === null || Array.isArray(errors) || Object.keys(errors).length === 0) {
        throw new DriverError('response_action "errors" needs a non-empty errors object');
      }
      const inputIds = new Set(view.blocks.filter((b) => b['type'] === 'input').map((b) => String(b['block_id'])));
      const out: Record<string, string> = {};
      for (const [blockId, message] of Object.entries(errors)) {
        if (!inputIds.has(blockId)) {
          throw new DriverError(
            `response_action errors: "${blockId}" is not the block_id of an input block in view ${view.id} (inputs: ${[...inputIds].join(', ') || 'none'})`,
            { blockId },
          );
        }
        if (typeof message !== 'string' || message.length === 0) {
          throw new DriverError(`response_action errors: the message for "${blockId}" must be a non-empty string`);
        }
        out[blockId] = message;
      }
      view.errors = out;
      return { responseAction: 'errors', errors: out, topView: view };
    }
    case 'update':
    case 'push': {
      let valid;
      try {
        valid = validateView(ack['view'], 'modal', '/view');
      } catch (err) {
        if (err instanceof ApiError) throw new DriverError(`response_action ${action}: invalid view: ${err.message}`, { error: err.code });
        throw err;
      }
      core.scan(blockTextSites(valid.blocks, '/view/blocks'), `view_submission ack (${action})`, view.id);
      if (action === 'update') {
        replaceView(core, view, valid);
        return { responseAction: 'update', topView: view };
      }
      try {
        const pushed = pushView(core, user, valid);
        return { responseAction: 'push', topView: pushed };
      } catch (err) {
        if (err instanceof ApiError) throw new DriverError(`response_action push refused: ${err.code}`, { error: err.code });
        throw err;
      }
    }
    case 'clear':
      closeViews(core, user, [...(core.state.modalStacks.get(user) ?? [])]);
      return { responseAction: 'clear' };
    default:
      throw new DriverError(
        `invalid view_submission ack: response_action must be errors, update, push or clear (or an empty body); got ${JSON.stringify(action)}`,
      );
  }
}

function withTop(core: EmulatorCore, user: string): { topView?: EmulatedView } {
  const t = topView(core, user);
  return t ? { topView: t } : {};
}
