/**
 * Block Kit validator (slack-rules.md §3, rule 8 of §10). Checks a `blocks` array the way
 * Slack does before accepting a message (≤ 50 blocks) or a view (≤ 100 blocks), and returns
 * Slack-style error lines: "<problem> [json-pointer:/blocks/0/text/text]".
 *
 * It also returns a normalised copy in which every block without a block_id and every
 * interactive element without an action_id gets a random id, as Slack does (§2.3), so that
 * tests cannot come to rely on ids the bot never set.
 *
 * Supported block types: section, header, divider, context, actions, input, image,
 * rich_text (light check), markdown. Anything else is rejected as an unsupported type.
 */
import { randomElementId } from './ids.js';
import type { Json, JsonObject } from './state.js';

export type Surface = 'message' | 'modal' | 'home';

export const BLOCK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  text: 3000,
  headerText: 150,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  id: 255,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  accessibilityLabel: 75,
  options: 100,
  radioOrCheckboxOptions: 10,
  overflowOptions: 5,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  optionGroupLabel: 75,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  imageAltText: 2000,
  imageTitle: 2000,
  plainTextInputLength: 3000,
  markdownCumulative: 12_000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

/** Elements whose value Slack reports in state.values (§2.3). */
export const STATEFUL_ELEMENT_TYPES = new Set([
  'plain_text_input',
  'number_input',
  'email_text_input',
  'url_text_input',
  'static_select',
  'multi_static_select',
  'external_select',
  'multi_external_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
  'datepicker',
  'timepicker',
  'datetimepicker',
  'radio_buttons',
  'checkboxes',
  'rich_text_input',
  'file_input',
]);

const SELECTS = ['static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select'];
const MULTI_SELECTS = SELECTS.map((s) => `multi_${s}`);

/** Where each element type may appear ([NS] @slack/types block-elements / blocks). */
const SECTION_ACCESSORY = new Set([
  'button', 'checkboxes', 'datepicker', 'image', 'overflow', 'radio_buttons', 'timepicker', 'workflow_button',
  ...SELECTS, ...MULTI_SELECTS,
]);
const ACTIONS_ELEMENTS = new Set([
  'button', 'checkboxes', 'datepicker', 'datetimepicker', 'overflow', 'radio_buttons', 'timepicker',
  'workflow_button', 'rich_text_input', ...SELECTS, ...MULTI_SELECTS,
]);
const INPUT_ELEMENTS = new Set([
  'checkboxes', 'datepicker', 'datetimepicker', 'email_text_input', 'file_input', 'number_input',
  'plain_text_input', 'radio_buttons', 'rich_text_input', 'timepicker', 'url_text_input', ...SELECTS, ...MULTI_SELECTS,
]);

const COMMON_SELECT_KEYS = ['placeholder', 'confirm', 'focus_on_load'];
const ELEMENT_KEYS: Record<string, string[]> = {
  button: ['text', 'value', 'url', 'style', 'confirm', 'accessibility_label'],
  static_select: [...COMMON_SELECT_KEYS, 'options', 'option_groups', 'initial_option'],
  multi_static_select: [...COMMON_SELECT_KEYS, 'options', 'option_groups', 'initial_options', 'max_selected_items'],
  external_select: [...COMMON_SELECT_KEYS, 'initial_option', 'min_query_length'],
  multi_external_select: [...COMMON_SELECT_KEYS, 'initial_options', 'min_query_length', 'max_selected_items'],
  users_select: [...COMMON_SELECT_KEYS, 'initial_user'],
  multi_users_select: [...COMMON_SELECT_KEYS, 'initial_users', 'max_selected_items'],
  conversations_select: [
    ...COMMON_SELECT_KEYS, 'initial_conversation', 'default_to_current_conversation', 'filter', 'response_url_enabled',
  ],
  multi_conversations_select: [
    ...COMMON_SELECT_KEYS, 'initial_conversations', 'default_to_current_conversation', 'filter', 'max_selected_items',
  ],
  channels_select: [...COMMON_SELECT_KEYS, 'initial_channel', 'response_url_enabled'],
  multi_channels_select: [...COMMON_SELECT_KEYS, 'initial_channels', 'max_selected_items'],
  datepicker: [...COMMON_SELECT_KEYS, 'initial_date'],
  timepicker: [...COMMON_SELECT_KEYS, 'initial_time', 'timezone'],
  datetimepicker: ['confirm', 'focus_on_load', 'initial_date_time'],
  plain_text_input: [
    'placeholder', 'initial_value', 'multiline', 'min_length', 'max_length', 'dispatch_action_config', 'focus_on_load',
  ],
  number_input: [
    'is_decimal_allowed', 'placeholder', 'initial_value', 'min_value', 'max_value', 'dispatch_action_config',
    'focus_on_load',
  ],
  email_text_input: ['placeholder', 'initial_value', 'dispatch_action_config', 'focus_on_load'],
  url_text_input: ['placeholder', 'initial_value', 'dispatch_action_config', 'focus_on_load'],
  radio_buttons: ['options', 'initial_option', 'confirm', 'focus_on_load'],
  checkboxes: ['options', 'initial_options', 'confirm', 'focus_on_load'],
  overflow: ['options', 'confirm'],
  rich_text_input: ['placeholder', 'initial_value', 'dispatch_action_config', 'focus_on_load', 'min_lines', 'max_lines'],
  file_input: ['filetypes', 'max_files'],
  workflow_button: ['text', 'workflow', 'style', 'accessibility_label'],
};

export interface BlockKitResult {
  errors: string[];
  /** Deep copy with generated block_id / action_id; only meaningful when errors is empty. */
  blocks: JsonObject[];
}

class Ctx {
  readonly errors: string[] = [];
  markdownChars = 0;
  readonly blockIds = new Set<string>();
  constructor(readonly surface: Surface) {}
  err(pointer: string, problem: string): void {
    this.errors.push(`${problem} [json-pointer:${pointer}]`);
  }
}

/** Slack counts characters, not UTF-16 units. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isObj(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(ctx: Ctx, obj: JsonObject, allowed: readonly string[], ptr: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) ctx.err(`${ptr}/${key}`, `invalid additional property: ${key}`);
  }
}

function checkString(
  ctx: Ctx,
  obj: JsonObject,
  key: string,
  ptr: string,
  opts: { max?: number; min?: number; required?: boolean } = {},
): string | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (opts.required) ctx.err(`${ptr}/${key}`, `missing required field: ${key}`);
    return undefined;
  }
  if (typeof v !== 'string') {
    ctx.err(`${ptr}/${key}`, 'must be a string');
    return undefined;
  }
  const n = charCount(v);
  if (opts.max !== undefined && n > opts.max) ctx.err(`${ptr}/${key}`, `must be less than ${opts.max + 1} characters`);
  if (opts.min !== undefined && n < opts.min) ctx.err(`${ptr}/${key}`, `must be more than ${opts.min - 1} characters`);
  return v;
}

function checkBool(ctx: Ctx, obj: JsonObject, key: string, ptr: string): void {
  if (obj[key] !== undefined && typeof obj[key] !== 'boolean') ctx.err(`${ptr}/${key}`, 'must be a boolean');
}

function checkInt(
  ctx: Ctx,
  obj: JsonObject,
  key: string,
  ptr: string,
  opts: { min?: number; max?: number; required?: boolean } = {},
): number | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (opts.required) ctx.err(`${ptr}/${key}`, `missing required field: ${key}`);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    ctx.err(`${ptr}/${key}`, 'must be an integer');
    return undefined;
  }
  if (opts.min !== undefined && v < opts.min) ctx.err(`${ptr}/${key}`, `must be at least ${opts.min}`);
  if (opts.max !== undefined && v > opts.max) ctx.err(`${ptr}/${key}`, `must be at most ${opts.max}`);
  return v;
}

function checkArray(
  ctx: Ctx,
  obj: JsonObject,
  key: string,
  ptr: string,
  opts: { min?: number; max?: number; required?: boolean } = {},
): Json[] | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (opts.required) ctx.err(`${ptr}/${key}`, `missing required field: ${key}`);
    return undefined;
  }
  if (!Array.isArray(v)) {
    ctx.err(`${ptr}/${key}`, 'must be an array');
    return undefined;
  }
  if (opts.max !== undefined && v.length > opts.max) ctx.err(`${ptr}/${key}`, `no more than ${opts.max} items allowed`);
  if (opts.min !== undefined && v.length < opts.min) ctx.err(`${ptr}/${key}`, `must provide at least ${opts.min} items`);
  return v;
}

/**
 * A text object (§3): plain_text or mrkdwn, text 1..max chars; `emoji` only on plain_text,
 * `verbatim` only on mrkdwn.
 */
function checkTextObject(
  ctx: Ctx,
  v: Json | undefined,
  ptr: string,
  opts: { max: number; plainOnly?: boolean; required?: boolean; name?: string },
): void {
  if (v === undefined) {
    if (opts.required) ctx.err(ptr, `missing required field: ${opts.name ?? ptr.split('/').pop()}`);
    return;
  }
  if (!isObj(v)) {
    ctx.err(ptr, 'must provide an object');
    return;
  }
  const type = v['type'];
  if (type !== 'plain_text' && type !== 'mrkdwn') {
    ctx.err(`${ptr}/type`, type === undefined ? 'missing required field: type' : 'must be a valid enum value');
    return;
  }
  if (opts.plainOnly && type !== 'plain_text') ctx.err(`${ptr}/type`, 'must be a valid enum value (plain_text only)');
  checkKeys(ctx, v, type === 'plain_text' ? ['type', 'text', 'emoji'] : ['type', 'text', 'verbatim'], ptr);
  checkString(ctx, v, 'text', ptr, { max: opts.max, min: 1, required: true });
  checkBool(ctx, v, type === 'plain_text' ? 'emoji' : 'verbatim', ptr);
}

function checkConfirm(ctx: Ctx, v: Json | undefined, ptr: string): void {
  if (v === undefined) return;
  if (!isObj(v)) return ctx.err(ptr, 'must provide an object');
  checkKeys(ctx, v, ['title', 'text', 'confirm', 'deny', 'style'], ptr);
  checkTextObject(ctx, v['title'], `${ptr}/title`, { max: BLOCK_LIMITS.confirmTitle, plainOnly: true });
  checkTextObject(ctx, v['text'], `${ptr}/text`, { max: BLOCK_LIMITS.confirmText, required: true, name: 'text' });
  checkTextObject(ctx, v['confirm'], `${ptr}/confirm`, { max: BLOCK_LIMITS.confirmButton, plainOnly: true });
  checkTextObject(ctx, v['deny'], `${ptr}/deny`, { max: BLOCK_LIMITS.confirmButton, plainOnly: true });
  if (v['style'] !== undefined && v['style'] !== 'primary' && v['style'] !== 'danger') {
    ctx.err(`${ptr}/style`, 'must be a valid enum value');
  }
}

/** Option object (§3): text ≤ 75, value ≤ 150, description ≤ 75, url ≤ 3000 (overflow only). */
function checkOption(ctx: Ctx, v: Json, ptr: string, opts: { allowMrkdwn: boolean; allowUrl: boolean }): void {
  if (!isObj(v)) return ctx.err(ptr, 'must provide an object');
  checkKeys(ctx, v, opts.allowUrl ? ['text', 'value', 'description', 'url'] : ['text', 'value', 'description'], ptr);
  checkTextObject(ctx, v['text'], `${ptr}/text`, {
    max: BLOCK_LIMITS.optionText,
    plainOnly: !opts.allowMrkdwn,
    required: true,
    name: 'text',
  });
  checkString(ctx, v, 'value', ptr, { max: BLOCK_LIMITS.optionValue, required: true });
  checkTextObject(ctx, v['description'], `${ptr}/description`, {
    max: BLOCK_LIMITS.optionDescription,
    plainOnly: !opts.allowMrkdwn,
  });
  if (opts.allowUrl) checkString(ctx, v, 'url', ptr, { max: BLOCK_LIMITS.url });
}

function optionKey(o: Json | undefined): string {
  if (!isObj(o)) return '';
  const text = isObj(o['text']) ? o['text']['text'] : undefined;
  return JSON.stringify([o['value'], text]);
}

/** Options of selects, radios, checkboxes and overflow; returns the flat list for initial_* checks. */
function checkOptions(ctx: Ctx, el: JsonObject, ptr: string, type: string): Json[] {
  const isRadioLike = type === 'radio_buttons' || type === 'checkboxes';
  const max = isRadioLike
    ? BLOCK_LIMITS.radioOrCheckboxOptions
    : type === 'overflow'
      ? BLOCK_LIMITS.overflowOptions
      : BLOCK_LIMITS.options;
  const optionOpts = { allowMrkdwn: isRadioLike, allowUrl: type === 'overflow' };
  const flat: Json[] = [];
  const hasGroups = el['option_groups'] !== undefined;
  const hasOptions = el['options'] !== undefined;
  if (type === 'static_select' || type === 'multi_static_select') {
    if (hasGroups === hasOptions) {
      ctx.err(ptr, hasGroups ? 'must provide either options or option_groups, not both' : 'missing required field: options');
    }
  }
  const options = checkArray(ctx, el, 'options', ptr, { max, min: 1, required: !hasGroups });
  options?.forEach((o, i) => {
    checkOption(ctx, o, `${ptr}/options/${i}`, optionOpts);
    flat.push(o);
  });
  const groups = hasGroups ? checkArray(ctx, el, 'option_groups', ptr, { max: BLOCK_LIMITS.options, min: 1 }) : undefined;
  groups?.forEach((g, gi) => {
    const gp = `${ptr}/option_groups/${gi}`;
    if (!isObj(g)) return ctx.err(gp, 'must provide an object');
    checkKeys(ctx, g, ['label', 'options'], gp);
    checkTextObject(ctx, g['label'], `${gp}/label`, {
      max: BLOCK_LIMITS.optionGroupLabel,
      plainOnly: true,
      required: true,
      name: 'label',
    });
    checkArray(ctx, g, 'options', gp, { max: BLOCK_LIMITS.options, min: 1, required: true })?.forEach((o, i) => {
      checkOption(ctx, o, `${gp}/options/${i}`, optionOpts);
      flat.push(o);
    });
  });
  // Slack refuses initial options that are not among the options.
  const known = new Set(flat.map(optionKey));
  if (el['initial_option'] !== undefined) {
    checkOption(ctx, el['initial_option'], `${ptr}/initial_option`, optionOpts);
    if (!known.has(optionKey(el['initial_option']))) {
      ctx.err(`${ptr}/initial_option`, 'initial_option must match one of the options');
    }
  }
  if (el['initial_options'] !== undefined) {
    checkArray(ctx, el, 'initial_options', ptr)?.forEach((o, i) => {
      checkOption(ctx, o, `${ptr}/initial_options/${i}`, optionOpts);
      if (!known.has(optionKey(o))) ctx.err(`${ptr}/initial_options/${i}`, 'initial_options must match the options');
    });
  }
  return flat;
}

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const NUMBER_RE = /^-?\d+(\.\d+)?$/;

function checkElement(ctx: Ctx, el: Json, ptr: string, allowed: Set<string>, actionIds: Set<string>): void {
  if (!isObj(el)) return ctx.err(ptr, 'must provide an object');
  const type = el['type'];
  if (typeof type !== 'string') return ctx.err(`${ptr}/type`, 'missing required field: type');
  if (!allowed.has(type)) {
    return ctx.err(`${ptr}/type`, `unsupported element type here: ${type}`);
  }
  if (type === 'image') {
    checkKeys(ctx, el, ['type', 'image_url', 'slack_file', 'alt_text'], ptr);
    checkImageSource(ctx, el, ptr);
    checkString(ctx, el, 'alt_text', ptr, { max: BLOCK_LIMITS.imageAltText, required: true });
    return;
  }
  const keys = ELEMENT_KEYS[type];
  if (keys === undefined) return ctx.err(`${ptr}/type`, `unsupported element type: ${type}`);
  checkKeys(ctx, el, ['type', 'action_id', ...keys], ptr);

  // action_id: ≤ 255, unique within the block (§3); Slack invents one when missing.
  if (el['action_id'] === undefined) el['action_id'] = randomElementId();
  const actionId = checkString(ctx, el, 'action_id', ptr, { max: BLOCK_LIMITS.id, min: 1 });
  if (actionId !== undefined) {
    if (actionIds.has(actionId)) ctx.err(`${ptr}/action_id`, `duplicate action_id: ${actionId}`);
    actionIds.add(actionId);
  }

  checkTextObject(ctx, el['placeholder'], `${ptr}/placeholder`, { max: BLOCK_LIMITS.placeholder, plainOnly: true });
  checkConfirm(ctx, el['confirm'], `${ptr}/confirm`);
  checkBool(ctx, el, 'focus_on_load', ptr);
  if (el['dispatch_action_config'] !== undefined) {
    const d = el['dispatch_action_config'];
    if (!isObj(d)) ctx.err(`${ptr}/dispatch_action_config`, 'must provide an object');
    else {
      checkKeys(ctx, d, ['trigger_actions_on'], `${ptr}/dispatch_action_config`);
      const on = d['trigger_actions_on'];
      if (
        on !== undefined &&
        (!Array.isArray(on) || on.some((x) => x !== 'on_enter_pressed' && x !== 'on_character_entered'))
      ) {
        ctx.err(`${ptr}/dispatch_action_config/trigger_actions_on`, 'must be a valid enum value');
      }
    }
  }
  if (el['max_selected_items'] !== undefined) checkInt(ctx, el, 'max_selected_items', ptr, { min: 1 });

  switch (type) {
    case 'button':
    case 'workflow_button':
      checkTextObject(ctx, el['text'], `${ptr}/text`, {
        max: BLOCK_LIMITS.buttonText,
        plainOnly: true,
        required: true,
        name: 'text',
      });
      checkString(ctx, el, 'value', ptr, { max: BLOCK_LIMITS.buttonValue });
      checkString(ctx, el, 'url', ptr, { max: BLOCK_LIMITS.url });
      checkString(ctx, el, 'accessibility_label', ptr, { max: BLOCK_LIMITS.accessibilityLabel });
      if (el['style'] !== undefined && el['style'] !== 'primary' && el['style'] !== 'danger') {
        ctx.err(`${ptr}/style`, 'must be a valid enum value');
      }
      break;
    case 'static_select':
    case 'multi_static_select':
    case 'radio_buttons':
    case 'checkboxes':
    case 'overflow':
      checkOptions(ctx, el, ptr, type);
      break;
    case 'plain_text_input': {
      const min = checkInt(ctx, el, 'min_length', ptr, { min: 0, max: BLOCK_LIMITS.plainTextInputLength });
      const max = checkInt(ctx, el, 'max_length', ptr, { min: 1, max: BLOCK_LIMITS.plainTextInputLength });
      if (min !== undefined && max !== undefined && min > max) ctx.err(`${ptr}/min_length`, 'must be at most max_length');
      const initial = checkString(ctx, el, 'initial_value', ptr);
      if (initial !== undefined && max !== undefined && charCount(initial) > max) {
        ctx.err(`${ptr}/initial_value`, `must be less than ${max + 1} characters`);
      }
      checkBool(ctx, el, 'multiline', ptr);
      break;
    }
    case 'number_input': {
      if (el['is_decimal_allowed'] === undefined) {
        ctx.err(`${ptr}/is_decimal_allowed`, 'missing required field: is_decimal_allowed');
      } else checkBool(ctx, el, 'is_decimal_allowed', ptr);
      for (const key of ['initial_value', 'min_value', 'max_value']) {
        const v = checkString(ctx, el, key, ptr);
        if (v !== undefined && !NUMBER_RE.test(v)) ctx.err(`${ptr}/${key}`, 'must be a number');
        else if (v !== undefined && el['is_decimal_allowed'] === false && v.includes('.')) {
          ctx.err(`${ptr}/${key}`, 'must be an integer when is_decimal_allowed is false');
        }
      }
      break;
    }
    case 'email_text_input':
    case 'url_text_input':
      checkString(ctx, el, 'initial_value', ptr);
      break;
    case 'datepicker': {
      const d = checkString(ctx, el, 'initial_date', ptr);
      if (d !== undefined && !DATE_RE.test(d)) ctx.err(`${ptr}/initial_date`, 'must be a date in the format YYYY-MM-DD');
      break;
    }
    case 'timepicker': {
      const t = checkString(ctx, el, 'initial_time', ptr);
      if (t !== undefined && !TIME_RE.test(t)) ctx.err(`${ptr}/initial_time`, 'must be a time in the format HH:mm');
      checkString(ctx, el, 'timezone', ptr);
      break;
    }
    case 'datetimepicker':
      checkInt(ctx, el, 'initial_date_time', ptr, { min: 0 });
      break;
    case 'users_select':
      checkString(ctx, el, 'initial_user', ptr);
      break;
    case 'conversations_select':
      checkString(ctx, el, 'initial_conversation', ptr);
      break;
    case 'channels_select':
      checkString(ctx, el, 'initial_channel', ptr);
      break;
    case 'multi_users_select':
    case 'multi_conversations_select':
    case 'multi_channels_select': {
      const key = `initial_${type.replace('multi_', '').replace('_select', '')}`;
      checkArray(ctx, el, key, ptr)?.forEach((v, i) => {
        if (typeof v !== 'string') ctx.err(`${ptr}/${key}/${i}`, 'must be a string');
      });
      break;
    }
    default:
      break;
  }
}

function checkImageSource(ctx: Ctx, obj: JsonObject, ptr: string): void {
  const hasUrl = obj['image_url'] !== undefined;
  const hasFile = obj['slack_file'] !== undefined;
  if (hasUrl === hasFile) {
    ctx.err(ptr, hasUrl ? 'must provide either image_url or slack_file, not both' : 'missing required field: image_url');
  }
  if (hasUrl) checkString(ctx, obj, 'image_url', ptr, { max: BLOCK_LIMITS.url, min: 1 });
  if (hasFile && !isObj(obj['slack_file'])) ctx.err(`${ptr}/slack_file`, 'must provide an object');
}

const RICH_TEXT_CONTAINERS = new Set(['rich_text_section', 'rich_text_list', 'rich_text_quote', 'rich_text_preformatted']);

function checkBlock(ctx: Ctx, block: Json, ptr: string): void {
  if (!isObj(block)) return ctx.err(ptr, 'must provide an object');
  const type = block['type'];
  if (typeof type !== 'string') return ctx.err(`${ptr}/type`, 'missing required field: type');

  // block_id: ≤ 255 and unique within the message or view; Slack invents one when missing (§2.3, §3).
  if (block['block_id'] === undefined) block['block_id'] = randomElementId();
  const blockId = checkString(ctx, block, 'block_id', ptr, { max: BLOCK_LIMITS.id, min: 1 });
  if (blockId !== undefined) {
    if (ctx.blockIds.has(blockId)) ctx.err(`${ptr}/block_id`, `duplicate block_id: ${blockId}`);
    ctx.blockIds.add(blockId);
  }
  const actionIds = new Set<string>();

  switch (type) {
    case 'section': {
      checkKeys(ctx, block, ['type', 'block_id', 'text', 'fields', 'accessory', 'expand'], ptr);
      if (block['text'] === undefined && block['fields'] === undefined) {
        ctx.err(ptr, 'must provide either text or fields');
      }
      checkTextObject(ctx, block['text'], `${ptr}/text`, { max: BLOCK_LIMITS.text });
      checkArray(ctx, block, 'fields', ptr, { max: BLOCK_LIMITS.fields, min: 1 })?.forEach((f, i) =>
        checkTextObject(ctx, f, `${ptr}/fields/${i}`, { max: BLOCK_LIMITS.fieldText, required: true }),
      );
      if (block['accessory'] !== undefined) {
        checkElement(ctx, block['accessory'], `${ptr}/accessory`, SECTION_ACCESSORY, actionIds);
      }
      checkBool(ctx, block, 'expand', ptr);
      break;
    }
    case 'header':
      checkKeys(ctx, block, ['type', 'block_id', 'text'], ptr);
      checkTextObject(ctx, block['text'], `${ptr}/text`, {
        max: BLOCK_LIMITS.headerText,
        plainOnly: true,
        required: true,
        name: 'text',
      });
      break;
    case 'divider':
      checkKeys(ctx, block, ['type', 'block_id'], ptr);
      break;
    case 'context':
      checkKeys(ctx, block, ['type', 'block_id', 'elements'], ptr);
      checkArray(ctx, block, 'elements', ptr, { max: BLOCK_LIMITS.contextElements, min: 1, required: true })?.forEach(
        (e, i) => {
          const ep = `${ptr}/elements/${i}`;
          if (isObj(e) && e['type'] === 'image') {
            checkKeys(ctx, e, ['type', 'image_url', 'slack_file', 'alt_text'], ep);
            checkImageSource(ctx, e, ep);
            checkString(ctx, e, 'alt_text', ep, { max: BLOCK_LIMITS.imageAltText, required: true });
          } else checkTextObject(ctx, e, ep, { max: BLOCK_LIMITS.text, required: true });
        },
      );
      break;
    case 'actions':
      checkKeys(ctx, block, ['type', 'block_id', 'elements'], ptr);
      checkArray(ctx, block, 'elements', ptr, { max: BLOCK_LIMITS.actionsElements, min: 1, required: true })?.forEach(
        (e, i) => checkElement(ctx, e, `${ptr}/elements/${i}`, ACTIONS_ELEMENTS, actionIds),
      );
      break;
    case 'input':
      // Input blocks collect data in modals and Home tabs only; a message cannot hold one (§3).
      if (ctx.surface === 'message') {
        ctx.err(`${ptr}/type`, 'unsupported block type in messages: input (input blocks are only allowed in views)');
        break;
      }
      checkKeys(ctx, block, ['type', 'block_id', 'label', 'element', 'hint', 'optional', 'dispatch_action'], ptr);
      checkTextObject(ctx, block['label'], `${ptr}/label`, {
        max: BLOCK_LIMITS.inputLabel,
        plainOnly: true,
        required: true,
        name: 'label',
      });
      checkTextObject(ctx, block['hint'], `${ptr}/hint`, { max: BLOCK_LIMITS.inputHint, plainOnly: true });
      checkBool(ctx, block, 'optional', ptr);
      checkBool(ctx, block, 'dispatch_action', ptr);
      if (block['element'] === undefined) ctx.err(`${ptr}/element`, 'missing required field: element');
      else checkElement(ctx, block['element'], `${ptr}/element`, INPUT_ELEMENTS, actionIds);
      break;
    case 'image':
      checkKeys(ctx, block, ['type', 'block_id', 'image_url', 'slack_file', 'alt_text', 'title'], ptr);
      checkImageSource(ctx, block, ptr);
      checkString(ctx, block, 'alt_text', ptr, { max: BLOCK_LIMITS.imageAltText, required: true });
      checkTextObject(ctx, block['title'], `${ptr}/title`, { max: BLOCK_LIMITS.imageTitle, plainOnly: true });
      break;
    case 'rich_text':
      // Light check: the container types only; inline elements are scanned by mrkdwn-scan.
      checkKeys(ctx, block, ['type', 'block_id', 'elements'], ptr);
      checkArray(ctx, block, 'elements', ptr, { required: true, min: 1 })?.forEach((e, i) => {
        if (!isObj(e) || typeof e['type'] !== 'string' || !RICH_TEXT_CONTAINERS.has(e['type'])) {
          ctx.err(`${ptr}/elements/${i}/type`, 'must be a valid enum value');
        } else if (!Array.isArray(e['elements'])) {
          ctx.err(`${ptr}/elements/${i}/elements`, 'missing required field: elements');
        }
      });
      break;
    case 'markdown': {
      // The markdown block is for app messages; its 12,000-char limit is cumulative (§3).
      if (ctx.surface !== 'message') {
        ctx.err(`${ptr}/type`, 'unsupported block type in views: markdown');
        break;
      }
      checkKeys(ctx, block, ['type', 'block_id', 'text'], ptr);
      const text = checkString(ctx, block, 'text', ptr, { required: true, min: 1 });
      if (text !== undefined) {
        ctx.markdownChars += charCount(text);
        if (ctx.markdownChars > BLOCK_LIMITS.markdownCumulative) {
          ctx.err(`${ptr}/text`, `cumulative markdown text must be less than ${BLOCK_LIMITS.markdownCumulative + 1} characters`);
        }
      }
      break;
    }
    default:
      ctx.err(`${ptr}/type`, `unsupported block type: ${type}`);
  }
}

/**
 * Validate a blocks array for a surface. `pointer` is the JSON pointer of the array in the
 * request ('/blocks' for chat methods, '/view/blocks' for views).
 */
export function validateBlocks(blocks: unknown, surface: Surface, pointer = '/blocks'): BlockKitResult {
  const ctx = new Ctx(surface);
  if (!Array.isArray(blocks)) {
    ctx.err(pointer, 'must be an array');
    return { errors: ctx.errors, blocks: [] };
  }
  const copy = structuredClone(blocks) as Json[];
  const max = surface === 'message' ? BLOCK_LIMITS.messageBlocks : BLOCK_LIMITS.viewBlocks;
  if (copy.length > max) ctx.err(pointer, `no more than ${max} items allowed`);
  copy.forEach((b, i) => checkBlock(ctx, b, `${pointer}/${i}`));
  return { errors: ctx.errors, blocks: copy.filter(isObj) };
}

/** Every stateful element of a block list, with its block and action ids (§1.3, §2.3). */
export function statefulElements(blocks: readonly JsonObject[]): Array<{
  blockId: string;
  actionId: string;
  element: JsonObject;
  block: JsonObject;
}> {
  const out: Array<{ blockId: string; actionId: string; element: JsonObject; block: JsonObject }> = [];
  for (const block of blocks) {
    for (const el of interactiveElements(block)) {
      if (typeof el['type'] === 'string' && STATEFUL_ELEMENT_TYPES.has(el['type'])) {
        out.push({ blockId: String(block['block_id']), actionId: String(el['action_id']), element: el, block });
      }
    }
  }
  return out;
}

/** The interactive elements of one block (accessory, actions elements, input element). */
export function interactiveElements(block: JsonObject): JsonObject[] {
  const out: JsonObject[] = [];
  const push = (e: Json | undefined) => {
    if (isObj(e) && e['type'] !== 'image' && typeof e['action_id'] === 'string') out.push(e);
  };
  push(block['accessory']);
  push(block['element']);
  if (block['type'] === 'actions' && Array.isArray(block['elements'])) block['elements'].forEach(push);
  return out;
}
