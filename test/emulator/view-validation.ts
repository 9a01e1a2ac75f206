/**
 * View object rules (slack-rules.md §2.2, rules 5 and 8 of §10): type modal|home; modal title
 * required; title/submit/close plain_text ≤ 24; `submit` required when the view has an input
 * block; ≤ 100 blocks; private_metadata ≤ 3000; callback_id / external_id ≤ 255; whole view
 * ≤ 250 kB (view_too_large). Problems come back as Slack's invalid_arguments lines.
 */
import { ApiError, invalidArguments } from './errors.js';
import { charCount, validateBlocks } from './block-kit.js';
import type { JsonObject, ViewDefinition } from './state.js';

export const VIEW_LIMITS = {
  titleSubmitClose: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  maxBytes: 250 * 1024,
} as const;

const VIEW_KEYS = [
  'type', 'title', 'blocks', 'close', 'submit', 'private_metadata', 'callback_id', 'clear_on_close',
  'notify_on_close', 'external_id', 'submit_disabled',
];
const HOME_KEYS = ['type', 'blocks', 'private_metadata', 'callback_id', 'external_id'];

export type ValidView = ViewDefinition;

function isObj(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validate a view argument (already JSON-parsed). `expected` is the type the method demands:
 * views.open/push/update take modals, views.publish takes home (§4.2).
 * Throws ApiError (invalid_arguments or view_too_large).
 */
export function validateView(raw: unknown, expected: 'modal' | 'home' | 'any', pointer = '/view'): ValidView {
  if (!isObj(raw)) throw invalidArguments(`must provide an object [json-pointer:${pointer}]`);
  // Size first: Slack answers view_too_large without looking further (§2.2).
  if (Buffer.byteLength(JSON.stringify(raw)) > VIEW_LIMITS.maxBytes) throw new ApiError('view_too_large');

  const problems: string[] = [];
  const err = (p: string, msg: string) => problems.push(`${msg} [json-pointer:${pointer}${p}]`);
  const type = raw['type'];
  if (type !== 'modal' && type !== 'home') {
    err('/type', type === undefined ? 'missing required field: type' : 'must be a valid enum value');
    throw invalidArguments(...problems);
  }
  if (expected !== 'any' && type !== expected) {
    err('/type', `must be ${expected} for this method`);
    throw invalidArguments(...problems);
  }
  const allowed = type === 'home' ? HOME_KEYS : VIEW_KEYS;
  for (const key of Object.keys(raw)) if (!allowed.includes(key)) err(`/${key}`, `invalid additional property: ${key}`);

  const plainText = (key: 'title' | 'submit' | 'close', required: boolean) => {
    const v = raw[key];
    if (v === undefined) {
      if (required) err(`/${key}`, `missing required field: ${key}`);
      return;
    }
    if (!isObj(v)) return err(`/${key}`, 'must provide an object');
    if (v['type'] !== 'plain_text') err(`/${key}/type`, 'must be a valid enum value (plain_text only)');
    for (const k of Object.keys(v)) if (!['type', 'text', 'emoji'].includes(k)) err(`/${key}/${k}`, `invalid additional property: ${k}`);
    const text = v['text'];
    if (typeof text !== 'string') return err(`/${key}/text`, 'missing required field: text');
    if (charCount(text) > VIEW_LIMITS.titleSubmitClose) {
      err(`/${key}/text`, `must be less than ${VIEW_LIMITS.titleSubmitClose + 1} characters`);
    }
    if (text.length === 0) err(`/${key}/text`, 'must be more than 0 characters');
  };

  const str = (key: string, max: number): string => {
    const v = raw[key];
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      err(`/${key}`, 'must be a string');
      return '';
    }
    if (charCount(v) > max) err(`/${key}`, `must be less than ${max + 1} characters`);
    return v;
  };
  const bool = (key: string): boolean => {
    const v = raw[key];
    if (v !== undefined && typeof v !== 'boolean') err(`/${key}`, 'must be a boolean');
    return v === true;
  };

  const blocksRaw = raw['blocks'];
  let blocks: JsonObject[] = [];
  if (blocksRaw === undefined) err('/blocks', 'missing required field: blocks');
  else {
    const res = validateBlocks(blocksRaw, type, `${pointer}/blocks`);
    problems.push(...res.errors);
    blocks = res.blocks;
  }
  if (type === 'modal') {
    plainText('title', true);
    // A modal with an input block needs a submit button (§2.2, rule 5).
    const hasInput = blocks.some((b) => b['type'] === 'input');
    plainText('submit', hasInput);
    plainText('close', false);
  }
  const view: ValidView = {
    type,
    blocks,
    private_metadata: str('private_metadata', VIEW_LIMITS.privateMetadata),
    callback_id: str('callback_id', VIEW_LIMITS.callbackId),
    external_id: str('external_id', VIEW_LIMITS.externalId),
    clear_on_close: bool('clear_on_close'),
    notify_on_close: bool('notify_on_close'),
    submit_disabled: bool('submit_disabled'),
  };
  if (isObj(raw['title'])) view.title = raw['title'];
  if (isObj(raw['submit'])) view.submit = raw['submit'];
  if (isObj(raw['close'])) view.close = raw['close'];
  if (problems.length > 0) throw invalidArguments(...problems);
  return view;
}
