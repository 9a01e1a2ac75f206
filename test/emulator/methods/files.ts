/**
 * File upload v2 (slack-rules.md §4.2 "File upload v2"): files.getUploadURLExternal returns an
 * absolute upload_url on the emulator; the bytes are POSTed there (multipart field or raw
 * body); files.completeUploadExternal shares them (file_not_found if never uploaded), with the
 * same channel, membership and thread rules as chat.postMessage.
 */
import type { EmulatorCore } from '../core.js';
import { ApiError, invalidArguments, missingArgument } from '../errors.js';
import { slackId } from '../ids.js';
import type { EmulatedChannel, EmulatedFile } from '../state.js';
import { channelForWrite } from './common.js';
import { checkBlocksValue, checkThreadTs, MESSAGE_TEXT_MAX } from './message-content.js';
import type { MethodSpec } from './types.js';

export const COMPLETE_MAX_CHANNELS = 100;

function publicFile(f: EmulatedFile): Record<string, unknown> {
  return { id: f.id, name: f.name, title: f.title, size: f.length, created: f.created, channels: [...f.channels] };
}

export const filesMethods: MethodSpec[] = [
  {
    name: 'files.getUploadURLExternal',
    tier: 'tier4',
    scopes: ['files:write'],
    handler: (ctx) => {
      const filename = ctx.args.string('filename');
      if (!filename) throw missingArgument('filename');
      const lengthStr = ctx.args.string('length');
      if (lengthStr === undefined) throw missingArgument('length');
      const length = Number(lengthStr);
      if (!Number.isInteger(length) || length < 0) throw invalidArguments('must be an integer [json-pointer:/length]');
      const id = slackId('F', 10);
      const file: EmulatedFile = {
        id,
        name: filename,
        title: filename,
        length,
        completed: false,
        channels: [],
        created: ctx.core.nowSec(),
      };
      const alt = ctx.args.string('alt_text') ?? ctx.args.string('alt_txt');
      if (alt !== undefined) file.alt_text = alt;
      const snippet = ctx.args.string('snippet_type');
      if (snippet !== undefined) file.snippet_type = snippet;
      ctx.core.state.files.set(id, file);
      return { upload_url: `${ctx.core.baseUrl}/upload/${id}`, file_id: id };
    },
  },
  {
    name: 'files.completeUploadExternal',
    tier: 'tier4',
    scopes: ['files:write'],
    handler: (ctx) => {
      const filesArg = ctx.args.json('files', () => invalidArguments('files must be a JSON array [json-pointer:/files]'));
      if (!Array.isArray(filesArg) || filesArg.length === 0) throw missingArgument('files');
      const files: EmulatedFile[] = [];
      for (const entry of filesArg as unknown[]) {
        const id = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['id'] : undefined;
        const f = typeof id === 'string' ? ctx.core.state.files.get(id) : undefined;
        if (!f || f.uploaded === undefined || f.completed) throw new ApiError('file_not_found');
        const title = (entry as Record<string, unknown>)['title'];
        if (typeof title === 'string') f.title = title;
        files.push(f);
      }
      const channelIds = ctx.args.has('channel_id') ? [ctx.args.required('channel_id')] : ctx.args.list('channels');
      if (channelIds.length > COMPLETE_MAX_CHANNELS) throw new ApiError('channels_limit_exceeded');
      const threadRaw = ctx.args.raw['thread_ts'];
      if (threadRaw !== undefined && threadRaw !== '' && channelIds.length !== 1) {
        throw invalidArguments('thread_ts needs exactly one channel [json-pointer:/thread_ts]');
      }
      const channels: EmulatedChannel[] = channelIds.map((c) => channelForWrite(ctx, c));
      const comment = ctx.args.string('initial_comment') ?? '';
      if ([...comment].length > MESSAGE_TEXT_MAX) throw new ApiError('msg_too_long');
      const blocksRaw = ctx.args.json('blocks', () => new ApiError('invalid_blocks_format'));
      const blocks = blocksRaw === undefined ? undefined : checkBlocksValue(blocksRaw);
      const threadTs = channels[0] ? checkThreadTs(ctx.core, channels[0], threadRaw) : undefined;
      for (const f of files) f.completed = true;
      for (const ch of channels) {
        ctx.core.scanMessage({ text: comment, blocks }, ctx.method, ch.id);
        ctx.core.storeMessage({
          channel: ch.id,
          ...ctx.core.botAuthor(),
          subtype: 'file_share',
          text: comment,
          source: 'file_share',
          files: files.map((f) => f.id),
          ...(blocks ? { blocks } : {}),
          ...(threadTs ? { thread_ts: threadTs } : {}),
        });
        for (const f of files) f.channels.push(ch.id);
      }
      if (threadTs) for (const f of files) f.thread_ts = threadTs;
      return { files: files.map(publicFile) };
    },
  },
];

/** The upload POST to upload_url: raw bytes, or a multipart form whose file part holds them. */
export function acceptUpload(core: EmulatorCore, fileId: string, bytes: Buffer): { status: number; body: string } {
  const f = core.state.files.get(fileId);
  if (!f) return { status: 404, body: 'file_not_found' };
  if (f.completed) return { status: 400, body: 'already_completed' };
  f.uploaded = bytes;
  return { status: 200, body: `OK - ${bytes.length}` };
}
