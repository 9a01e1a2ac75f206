/**
 * response_url (slack-rules.md §1.2, §8 item 3): Bolt's respond() POSTs JSON to the absolute
 * URL from the payload. The emulator accepts 5 posts within 30 minutes per URL, records
 * response_type (ephemeral by default, or in_channel), replace_original and delete_original,
 * applies them to the conversation, and validates and scans the content like a message.
 * Refusals are non-2xx (Bolt 5's respond() throws RespondError on those).
 */
import { validateBlocks } from './block-kit.js';
import type { EmulatorCore } from './core.js';
import type { JsonObject, ResponseUrlPost } from './state.js';

export const RESPONSE_URL_MAX_POSTS = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export interface ResponseUrlResult {
  status: number;
  body: Record<string, unknown>;
}

function reject(core: EmulatorCore, id: string, status: number, error: string, extra: Record<string, unknown> = {}): ResponseUrlResult {
  core.violation({ kind: 'response_url_rejected', message: `response_url post refused: ${error}`, source: 'response_url', where: id, detail: extra });
  return { status, body: { ok: false, error, ...extra } };
}

export function handleResponseUrlPost(core: EmulatorCore, id: string, payload: unknown): ResponseUrlResult {
  const rec = core.state.responseUrls.get(id);
  if (!rec) return reject(core, id, 404, 'invalid_url');
  if (core.now() - rec.createdAt > RESPONSE_URL_TTL_MS) return reject(core, id, 404, 'expired_url');
  if (rec.uses >= RESPONSE_URL_MAX_POSTS) return reject(core, id, 404, 'used_url');
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return reject(core, id, 400, 'invalid_payload');
  rec.uses++;
  const p = payload as Record<string, unknown>;
  const responseType = p['response_type'] === 'in_channel' ? 'in_channel' : 'ephemeral';
  if (p['response_type'] !== undefined && p['response_type'] !== 'in_channel' && p['response_type'] !== 'ephemeral') {
    return reject(core, id, 400, 'invalid_response_type');
  }
  const replace = p['replace_original'] === true || p['replace_original'] === 'true';
  const del = p['delete_original'] === true || p['delete_original'] === 'true';
  const text = typeof p['text'] === 'string' ? p['text'] : '';
  let blocks: JsonObject[] | undefined;
  if (p['blocks'] !== undefined) {
    const res = validateBlocks(p['blocks'], 'message');
    if (res.errors.length > 0) return reject(core, id, 400, 'invalid_blocks', { errors: res.errors });
    blocks = res.blocks;
  }
  const threadTs = typeof p['thread_ts'] === 'string' ? p['thread_ts'] : undefined;
  const post: ResponseUrlPost = {
    responseUrlId: id,
    body: p,
    at: core.now(),
    status: 200,
    response_type: responseType,
    replace_original: replace,
    delete_original: del,
    text,
    ...(blocks ? { blocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
  if (!del && text.trim() === '' && (blocks?.length ?? 0) === 0) return reject(core, id, 400, 'no_text');
  core.scanMessage({ text, blocks }, 'response_url', `${rec.channel} via response_url`);

  const original = rec.original;
  const originalMessage = original && !original.ephemeral ? core.findMessage(original.channel, original.ts) : undefined;
  const originalEphemeralTs = original?.ephemeral ? original.ts : rec.lastEphemeralTs;
  const originalEphemeral = core.state.ephemerals.find((e) => e.ts === originalEphemeralTs && e.user === rec.user);

  if (del) {
    if (originalMessage) originalMessage.deleted = true;
    else if (originalEphemeral) originalEphemeral.deleted = true;
    if (text === '' && !blocks) {
      core.state.responseUrlPosts.push(post);
      return { status: 200, body: { ok: true } };
    }
  }
  if (replace && !del && originalMessage) {
    originalMessage.history.push({ text: originalMessage.text, ...(originalMessage.blocks ? { blocks: originalMessage.blocks } : {}), replacedAt: core.now() });
    originalMessage.text = text;
    if (blocks) originalMessage.blocks = blocks;
    else delete originalMessage.blocks;
    originalMessage.edited = { user: core.botUserId, ts: core.tsMinter.next(core.now()) };
  } else if (replace && !del && originalEphemeral) {
    originalEphemeral.text = text;
    if (blocks) originalEphemeral.blocks = blocks;
    else delete originalEphemeral.blocks;
  } else if (responseType === 'in_channel') {
    core.storeMessage({
      channel: rec.channel,
      ...core.botAuthor(),
      text,
      source: 'response_url',
      ...(blocks ? { blocks } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  } else {
    const ts = core.tsMinter.next(core.now());
    core.state.ephemerals.push({
      channel: rec.channel,
      user: rec.user,
      ts,
      text,
      source: 'response_url',
      deleted: false,
      postedAt: core.now(),
      ...(blocks ? { blocks } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    rec.lastEphemeralTs = ts;
  }
  core.state.responseUrlPosts.push(post);
  return { status: 200, body: { ok: true } };
}
