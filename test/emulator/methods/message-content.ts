/**
 * What every message-posting method checks (slack-rules.md §3, §4.2; rules 8, 12, 15):
 * text / blocks / attachments presence (no_text), Block Kit validity (invalid_blocks with
 * JSON-pointer messages, invalid_blocks_format for non-JSON), text length (40,000 truncation
 * with `message_truncated` for chat.postMessage; msg_too_long elsewhere), and thread_ts.
 */
import { charCount, validateBlocks } from '../block-kit.js';
import type { Args } from '../args.js';
import type { EmulatorCore } from '../core.js';
import { ApiError, invalidArguments } from '../errors.js';
import { TS_FORMAT } from '../ids.js';
import type { EmulatedChannel, JsonObject } from '../state.js';

export const MESSAGE_TEXT_MAX = 40_000;
export const UPDATE_TEXT_MAX = 4_000;
export const ATTACHMENTS_MAX = 100;

export interface MessageContent {
  text: string;
  /** Present when the call gave blocks; normalised (generated ids). */
  blocks?: JsonObject[];
  attachments?: JsonObject[];
  /** Whether `text` was in the call (chat.update keeps the old text otherwise). */
  hasText: boolean;
}

export type TextLimit =
  | { mode: 'truncate'; max: number; warn: (code: string, message: string) => void }
  | { mode: 'reject'; max: number };

/** Slack's invalid_blocks shape (§3). */
export function invalidBlocks(errors: string[]): ApiError {
  return new ApiError('invalid_blocks', { errors }, errors.map((e) => `[ERROR] ${e}`));
}

export function checkBlocksValue(value: unknown, pointer = '/blocks'): JsonObject[] {
  if (!Array.isArray(value)) throw new ApiError('invalid_blocks_format');
  const res = validateBlocks(value, 'message', pointer);
  if (res.errors.length > 0) throw invalidBlocks(res.errors);
  return res.blocks;
}

export function parseMessageContent(
  args: Args,
  limit: TextLimit,
  opts: { requireContent?: boolean; textArg?: string } = {},
): MessageContent {
  const textArg = opts.textArg ?? 'text';
  let text = args.string(textArg) ?? '';
  const hasText = args.raw[textArg] !== undefined;
  const blocksRaw = args.json('blocks', () => new ApiError('invalid_blocks_format'));
  const attachmentsRaw = args.json('attachments', () => new ApiError('invalid_attachments'));
  const content: MessageContent = { text, hasText };
  if (blocksRaw !== undefined) content.blocks = checkBlocksValue(blocksRaw);
  if (attachmentsRaw !== undefined) {
    if (!Array.isArray(attachmentsRaw)) throw new ApiError('invalid_attachments');
    if (attachmentsRaw.length > ATTACHMENTS_MAX) throw new ApiError('too_many_attachments');
    content.attachments = attachmentsRaw as JsonObject[];
  }
  const hasBlocks = (content.blocks?.length ?? 0) > 0;
  const hasAttachments = (content.attachments?.length ?? 0) > 0;
  if ((opts.requireContent ?? true) && text.trim() === '' && !hasBlocks && !hasAttachments) {
    throw new ApiError('no_text');
  }
  if (charCount(text) > limit.max) {
    if (limit.mode === 'reject') throw new ApiError('msg_too_long');
    // §3: above 40,000 Slack truncates and still posts, with a warning.
    text = [...text].slice(0, limit.max).join('');
    limit.warn(
      'message_truncated',
      'Your message was truncated but still posted. The `text` field accepts up to 40,000 characters.',
    );
  }
  content.text = text;
  return content;
}

/**
 * thread_ts (§4.2 "Threads", rule 12): must be the exact *string* ts of an existing top-level
 * message in this channel. The emulator is deliberately stricter than Slack: a reply's ts and
 * a float that lost its trailing zeros are rejected instead of silently going nowhere.
 */
export function checkThreadTs(core: EmulatorCore, ch: EmulatedChannel, raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') {
    throw new ApiError('invalid_thread_ts', {}, ['[ERROR] thread_ts must be a string such as "1700000000.000100"']);
  }
  if (!TS_FORMAT.test(raw)) {
    throw new ApiError('invalid_thread_ts', {}, [
      `[ERROR] thread_ts "${raw}" is not a message ts (10 digits, a dot, 6 digits); was it passed as a number?`,
    ]);
  }
  const parent = core.findMessage(ch.id, raw);
  if (!parent || parent.deleted) throw new ApiError('thread_not_found');
  if (parent.thread_ts !== undefined && parent.thread_ts !== parent.ts) {
    throw new ApiError('invalid_thread_ts', {}, [
      `[ERROR] ${raw} is a reply in thread ${parent.thread_ts}; use the parent's ts (emulator strictness, slack-rules.md §4.2)`,
    ]);
  }
  return raw;
}

export function checkReplyBroadcast(args: Args, threadTs: string | undefined): boolean | undefined {
  const rb = args.bool('reply_broadcast');
  if (rb && threadTs === undefined) {
    throw invalidArguments('reply_broadcast requires thread_ts [json-pointer:/reply_broadcast]');
  }
  return rb;
}
