/**
 * The emulator's HTTP server (node:http only), bound to 127.0.0.1 on a free port.
 *   POST /api/<method>     the Web API (§4.1 wire format: form, JSON or multipart bodies)
 *   POST /upload/<fileId>  files.getUploadURLExternal's upload_url
 *   POST /response/<id>    response_url of commands and interactions
 * Web API answers: HTTP 200 {ok:true|false,…}; 429 with Retry-After for rate limits; injected
 * faults may answer 5xx. Headers x-oauth-scopes / x-accepted-oauth-scopes as Slack sends them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { setTimeout as sleep } from 'node:timers/promises';
import { Args } from './args.js';
import type { EmulatorCore } from './core.js';
import { ApiError } from './errors.js';
import { faultFails, type FaultSpec } from './faults.js';
import { acceptUpload } from './methods/files.js';
import { ALL_METHODS } from './methods/index.js';
import { requireScope } from './methods/common.js';
import type { MethodContext } from './methods/types.js';
import { handleResponseUrlPost } from './response-url.js';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...headers,
  });
  res.end(text);
}

interface ParsedRequest {
  args: Record<string, unknown>;
  token?: string;
  files: Map<string, Buffer>;
}

/** Parse a Web API request body into arguments; returns an error code on malformed input. */
async function parseApiRequest(req: IncomingMessage, body: Buffer, url: URL): Promise<ParsedRequest | { error: string }> {
  const args: Record<string, unknown> = Object.fromEntries(url.searchParams.entries());
  const files = new Map<string, Buffer>();
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let bodyToken: string | undefined;
  if (body.length > 0) {
    if (contentType === '') return { error: 'missing_post_type' };
    if (contentType === 'application/x-www-form-urlencoded') {
      for (const [k, v] of Object.entries(parseQuery(body.toString('utf8')))) args[k] = Array.isArray(v) ? v[v.length - 1] : v;
    } else if (contentType === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return { error: 'invalid_json' };
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'invalid_json' };
      const obj = { ...(parsed as Record<string, unknown>) };
      // JSON bodies must carry the token in the Authorization header (§4.1).
      delete obj['token'];
      Object.assign(args, obj);
    } else if (contentType === 'multipart/form-data') {
      try {
        const form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
        for (const [k, v] of form.entries()) {
          if (typeof v === 'string') args[k] = v;
          else files.set(k, Buffer.from(await v.arrayBuffer()));
        }
      } catch {
        return { error: 'invalid_form_data' };
      }
    } else if (contentType !== 'text/plain') {
      return { error: 'invalid_post_type' };
    }
  }
  if (typeof args['token'] === 'string') bodyToken = args['token'];
  delete args['token'];
  const auth = req.headers['authorization'];
  const headerToken = typeof auth === 'string' && /^Bearer\s+/i.test(auth) ? auth.replace(/^Bearer\s+/i, '').trim() : undefined;
  const token = headerToken ?? bodyToken;
  return { args, files, ...(token !== undefined ? { token } : {}) };
}

export function createEmulatorServer(core: EmulatorCore): Server {
  const server = createServer((req, res) => {
    handle(core, req, res).catch((err: unknown) => {
      console.error('[slack-emulator] internal error', err);
      if (!res.headersSent) send(res, 500, { ok: false, error: 'internal_error' });
    });
  });
  return server;
}

async function handle(core: EmulatorCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const body = await readBody(req);
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'api' && parts.length === 2) return handleApi(core, parts[1] ?? '', req, res, body, url);
  if (parts[0] === 'upload' && parts.length === 2 && req.method === 'POST') return handleUpload(core, parts[1] ?? '', req, res, body, url);
  if (parts[0] === 'response' && parts.length === 2 && req.method === 'POST') return handleResponse(core, parts[1] ?? '', res, body);
  send(res, 404, 'not_found');
}

/** Apply an injected fault's answer. */
function sendFault(res: ServerResponse, fault: FaultSpec): { status: number; body: Record<string, unknown> } {
  const status = fault.status ?? 200;
  const body = { ok: false, error: fault.error ?? (status === 429 ? 'ratelimited' : 'internal_error'), ...fault.extra };
  const headers: Record<string, string> = {};
  if (status === 429) headers['retry-after'] = String(fault.retryAfter ?? 1);
  send(res, status, body, headers);
  return { status, body };
}

async function handleApi(
  core: EmulatorCore,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
  raw: Buffer,
  url: URL,
): Promise<void> {
  const parsed = await parseApiRequest(req, raw, url);
  const args = 'error' in parsed ? {} : parsed.args;
  const spec = ALL_METHODS.get(method);
  const scopeHeaders: Record<string, string> = {
    'x-oauth-scopes': [...core.scopes].join(','),
    'x-accepted-oauth-scopes': spec?.scopes?.join(',') ?? '',
  };
  const record = (status: number, response: Record<string, unknown>, faulted = false) => {
    // SLACK_EMULATOR_LOG=1 prints every call (=errors: only failed ones) to stderr for debugging.
    const log = process.env['SLACK_EMULATOR_LOG'];
    if (log && (log !== 'errors' || response['ok'] !== true)) {
      process.stderr.write(`[slack-emulator] ${method} ${status} ${response['ok'] === true ? 'ok' : String(response['error'])} ${JSON.stringify(args).slice(0, 300)}\n`);
    }
    core.calls.push({
      method,
      args,
      ok: response['ok'] === true,
      ...(typeof response['error'] === 'string' ? { error: response['error'] } : {}),
      status,
      at: core.now(),
      response,
      ...(faulted ? { faulted } : {}),
    });
  };
  const reply = (status: number, response: Record<string, unknown>, headers: Record<string, string> = {}) => {
    send(res, status, response, { ...scopeHeaders, ...headers });
    record(status, response);
  };

  if ('error' in parsed) return reply(200, { ok: false, error: parsed.error });
  if (!spec) return reply(200, { ok: false, error: 'unknown_method' });
  // Token checks (rule 9): none → not_authed; unknown → invalid_auth.
  if (parsed.token === undefined || parsed.token === '') return reply(200, { ok: false, error: 'not_authed' });
  const [expected, other] = spec.token === 'app' ? [core.options.appToken, core.options.botToken] : [core.options.botToken, core.options.appToken];
  if (parsed.token === other) return reply(200, { ok: false, error: 'not_allowed_token_type' });
  if (parsed.token !== expected) return reply(200, { ok: false, error: 'invalid_auth' });
  if (core.tokenRevoked) return reply(200, { ok: false, error: 'token_revoked' });

  const fault = core.faults.take(method);
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  if (fault && faultFails(fault) && !fault.applyFirst) {
    const { status, body } = sendFault(res, fault);
    record(status, body, true);
    return;
  }

  // Rate limits (rule 14): chat.postMessage is also limited per channel.
  const channelArg = typeof args['channel'] === 'string' ? args['channel'] : undefined;
  const channelKey = channelArg ? (core.resolveChannelArgPeek(channelArg) ?? channelArg) : undefined;
  const retryAfter = core.rateLimiter.check(method, spec.tier, channelKey);
  if (retryAfter !== undefined) {
    return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
  }

  const warnings: Array<{ code: string; message: string }> = [];
  const ctx: MethodContext = {
    core,
    method,
    args: new Args(args),
    warn: (code, message) => warnings.push({ code, message }),
  };
  let response: Record<string, unknown>;
  try {
    if (spec.scopes) requireScope(core, spec.scopes);
    response = { ok: true, ...(await spec.handler(ctx)) };
    if (warnings.length > 0) {
      response['warning'] = warnings.map((w) => w.code).join(',');
      response['response_metadata'] = {
        ...(response['response_metadata'] as Record<string, unknown> | undefined),
        warnings: warnings.map((w) => w.code),
        messages: warnings.map((w) => `[WARN] ${w.message}`),
      };
      for (const w of warnings) {
        if (w.code === 'message_truncated') {
          core.violation({ kind: 'message_truncated', message: w.message, source: method, where: channelArg ?? '' });
        }
      }
    }
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    response = err.toBody();
  }
  if (fault && fault.applyFirst && faultFails(fault)) {
    const { status, body } = sendFault(res, fault);
    record(status, { ...body, applied: response }, true);
    return;
  }
  if (fault?.answerDelayMs) await sleep(fault.answerDelayMs);
  reply(200, response);
}

async function handleUpload(core: EmulatorCore, fileId: string, req: IncomingMessage, res: ServerResponse, raw: Buffer, url: URL): Promise<void> {
  const fault = core.faults.take('upload');
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  if (fault && faultFails(fault)) return void send(res, fault.status ?? 500, fault.error ?? 'internal_error');
  let bytes = raw;
  if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    const parsed = await parseApiRequest(req, raw, url);
    if ('error' in parsed) return send(res, 400, parsed.error);
    const file = parsed.files.get('body') ?? parsed.files.get('file') ?? [...parsed.files.values()][0];
    const field = parsed.args['body'] ?? parsed.args['file'];
    bytes = file ?? Buffer.from(typeof field === 'string' ? field : '');
  }
  const result = acceptUpload(core, fileId, bytes);
  send(res, result.status, result.body);
}

async function handleResponse(core: EmulatorCore, id: string, res: ServerResponse, raw: Buffer): Promise<void> {
  const fault = core.faults.take('response_url');
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  if (fault && faultFails(fault)) return void send(res, fault.status ?? 500, { ok: false, error: fault.error ?? 'internal_error' });
  let payload: unknown;
  try {
    const text = raw.toString('utf8');
    payload = text.startsWith('payload=') ? JSON.parse(String(parseQuery(text)['payload'])) : JSON.parse(text);
  } catch {
    return send(res, 400, { ok: false, error: 'invalid_payload' });
  }
  const result = handleResponseUrlPost(core, id, payload);
  if (process.env['SLACK_EMULATOR_LOG']) {
    process.stderr.write(`[slack-emulator] response_url ${result.status} ${JSON.stringify(payload).slice(0, 300)}\n`);
  }
  send(res, result.status, result.body);
}
