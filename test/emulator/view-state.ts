/**
 * state.values (slack-rules.md §1.3, §2.3): `values[block_id][action_id] = {type, <value field>}`
 * for *every* stateful element of the view or message, with null (or []) when empty.
 * Also turns what a test says the user entered into that exact shape, enforcing what the Slack
 * client enforces before it lets a user submit (lengths, number format, known options).
 */
import { statefulElements } from './block-kit.js';
import { DriverError } from './errors.js';
import type { Json, JsonObject } from './state.js';

export type StateValues = Record<string, Record<string, JsonObject>>;

const VALUE_FIELD: Record<string, string> = {
  plain_text_input: 'value',
  email_text_input: 'value',
  url_text_input: 'value',
  number_input: 'value',
  static_select: 'selected_option',
  external_select: 'selected_option',
  radio_buttons: 'selected_option',
  multi_static_select: 'selected_options',
  multi_external_select: 'selected_options',
  checkboxes: 'selected_options',
  users_select: 'selected_user',
  multi_users_select: 'selected_users',
  conversations_select: 'selected_conversation',
  multi_conversations_select: 'selected_conversations',
  channels_select: 'selected_channel',
  multi_channels_select: 'selected_channels',
  datepicker: 'selected_date',
  timepicker: 'selected_time',
  datetimepicker: 'selected_date_time',
  rich_text_input: 'rich_text_value',
  file_input: 'files',
};

const INITIAL_FIELD: Record<string, string> = {
  plain_text_input: 'initial_value',
  email_text_input: 'initial_value',
  url_text_input: 'initial_value',
  number_input: 'initial_value',
  static_select: 'initial_option',
  external_select: 'initial_option',
  radio_buttons: 'initial_option',
  multi_static_select: 'initial_options',
  multi_external_select: 'initial_options',
  checkboxes: 'initial_options',
  users_select: 'initial_user',
  multi_users_select: 'initial_users',
  conversations_select: 'initial_conversation',
  multi_conversations_select: 'initial_conversations',
  channels_select: 'initial_channel',
  multi_channels_select: 'initial_channels',
  datepicker: 'initial_date',
  timepicker: 'initial_time',
  datetimepicker: 'initial_date_time',
  rich_text_input: 'initial_value',
};

export function valueField(type: string): string {
  return VALUE_FIELD[type] ?? 'value';
}

function isMulti(type: string): boolean {
  return type.startsWith('multi_') || type === 'checkboxes' || type === 'file_input';
}

function isObj(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function initialStateValue(el: JsonObject): JsonObject {
  const type = String(el['type']);
  const field = valueField(type);
  const initKey = INITIAL_FIELD[type];
  const init = initKey ? el[initKey] : undefined;
  const out: JsonObject = { type, [field]: init === undefined ? (isMulti(type) ? [] : null) : structuredClone(init) };
  if (type === 'timepicker' && typeof el['timezone'] === 'string') out['timezone'] = el['timezone'];
  return out;
}

/** State for a (new version of a) view: keeps previous values where block, action and type match (§2.2). */
export function buildState(blocks: readonly JsonObject[], previous: StateValues = {}): StateValues {
  const values: StateValues = {};
  for (const { blockId, actionId, element } of statefulElements(blocks)) {
    const prev = previous[blockId]?.[actionId];
    const block = (values[blockId] ??= {});
    block[actionId] = prev && prev['type'] === element['type'] ? structuredClone(prev) : initialStateValue(element);
  }
  return values;
}

function flatOptions(el: JsonObject): JsonObject[] {
  const out: JsonObject[] = [];
  if (Array.isArray(el['options'])) out.push(...el['options'].filter(isObj));
  if (Array.isArray(el['option_groups'])) {
    for (const g of el['option_groups']) if (isObj(g) && Array.isArray(g['options'])) out.push(...g['options'].filter(isObj));
  }
  return out;
}

function resolveOption(el: JsonObject, given: Json, where: string): JsonObject {
  const type = String(el['type']);
  const value = typeof given === 'string' ? given : isObj(given) ? given['value'] : undefined;
  if (typeof value !== 'string') throw new DriverError(`${where}: an option must be given by its value`);
  if (type.includes('external')) {
    // External options are served by the app; the test must give the whole option.
    if (!isObj(given) || !isObj(given['text'])) throw new DriverError(`${where}: external select options need {text, value}`);
    return structuredClone(given);
  }
  const found = flatOptions(el).find((o) => o['value'] === value);
  if (!found) throw new DriverError(`${where}: "${value}" is not one of the element's options`);
  return structuredClone(found);
}

/**
 * What the user entered, as Slack would report it. `given` may be the full state object, the
 * value object without `type`, or a shorthand (string, string[], number, null).
 */
export function normalizeEnteredValue(el: JsonObject, given: unknown, where: string): JsonObject {
  const type = String(el['type']);
  const field = valueField(type);
  let raw: unknown = given;
  if (isObj(given) && (field in given || 'type' in given)) {
    if (given['type'] !== undefined && given['type'] !== type) {
      throw new DriverError(`${where}: element is a ${type}, not a ${String(given['type'])}`);
    }
    raw = given[field];
  }
  const out: JsonObject = { type };
  if (type === 'timepicker' && typeof el['timezone'] === 'string') out['timezone'] = el['timezone'];
  if (raw === undefined || raw === null || raw === '') {
    out[field] = isMulti(type) ? [] : null;
    return out;
  }
  switch (type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      out[field] = resolveOption(el, raw as Json, where);
      break;
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes': {
      const list = Array.isArray(raw) ? raw : [raw];
      out[field] = list.map((o) => resolveOption(el, o as Json, where));
      break;
    }
    case 'multi_users_select':
    case 'multi_conversations_select':
    case 'multi_channels_select': {
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.some((x) => typeof x !== 'string')) throw new DriverError(`${where}: expected a list of ids`);
      out[field] = list as string[];
      break;
    }
    case 'datetimepicker':
      if (typeof raw !== 'number' || !Number.isInteger(raw)) {
        throw new DriverError(`${where}: selected_date_time is an integer of Unix seconds`);
      }
      out[field] = raw;
      break;
    case 'number_input':
      out[field] = String(raw);
      break;
    case 'rich_text_input':
    case 'file_input':
      out[field] = structuredClone(raw) as Json;
      break;
    default:
      if (typeof raw !== 'string') throw new DriverError(`${where}: expected a string for ${type}`);
      out[field] = raw;
  }
  checkClientConstraints(el, out, where);
  return out;
}

/** What the Slack client refuses to submit in the first place. */
function checkClientConstraints(el: JsonObject, value: JsonObject, where: string): void {
  const type = String(el['type']);
  const v = value[valueField(type)];
  if (type === 'plain_text_input' && typeof v === 'string') {
    const n = [...v].length;
    if (typeof el['max_length'] === 'number' && n > el['max_length']) throw new DriverError(`${where}: longer than max_length`);
    if (typeof el['min_length'] === 'number' && n < el['min_length']) throw new DriverError(`${where}: shorter than min_length`);
  }
  if (type === 'number_input' && typeof v === 'string') {
    const re = el['is_decimal_allowed'] === true ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
    if (!re.test(v)) throw new DriverError(`${where}: "${v}" is not a valid number for this input`);
    const n = Number(v);
    if (typeof el['min_value'] === 'string' && n < Number(el['min_value'])) throw new DriverError(`${where}: below min_value`);
    if (typeof el['max_value'] === 'string' && n > Number(el['max_value'])) throw new DriverError(`${where}: above max_value`);
  }
  if (type === 'email_text_input' && typeof v === 'string' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) {
    throw new DriverError(`${where}: not an email address`);
  }
  if (type === 'url_text_input' && typeof v === 'string' && !/^https?:\/\/\S+$/.test(v)) {
    throw new DriverError(`${where}: not a URL`);
  }
  if (type === 'datepicker' && typeof v === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    throw new DriverError(`${where}: selected_date is YYYY-MM-DD`);
  }
  if (type === 'timepicker' && typeof v === 'string' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) {
    throw new DriverError(`${where}: selected_time is HH:mm`);
  }
  if (Array.isArray(v) && typeof el['max_selected_items'] === 'number' && v.length > el['max_selected_items']) {
    throw new DriverError(`${where}: more than max_selected_items`);
  }
}

/** Whether a state value is empty (for required-input checks). */
export function isEmptyValue(value: JsonObject | undefined): boolean {
  if (!value) return true;
  const v = value[valueField(String(value['type']))];
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}
