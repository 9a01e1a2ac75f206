/**
 * The emulator's shared core: workspace state, clock, logs (calls, violations), untrusted
 * strings, faults, rate limiter, and the helpers every method family uses. The public
 * SlackEmulator class (emulator.ts) wraps it; method handlers (methods/*.ts) receive it.
 */
import type { Clock } from './clock.js';
import { Faults } from './faults.js';
import { newTriggerId, randomHex, slackId, TsMinter, unixSeconds } from './ids.js';
import { messageTextSites, scanSites, type FindingKind, type TextSite } from './mrkdwn-scan.js';
import { RateLimiter, type RateLimitOption } from './rate-limits.js';
import type {
  EmulatedChannel,
  EmulatedMessage,
  EmulatedUser,
  EmulatorStateData,
  JsonObject,
  ResponseUrlRecord,
} from './state.js';

/** Bot token scopes of breachbot (brief; slack-rules.md §4.2 and §6 manifest). */
export const DEFAULT_BOT_SCOPES: readonly string[] = [
  'commands', 'chat:write', 'channels:manage', 'groups:write', 'groups:read', 'channels:read',
  'channels:write.topic', 'groups:write.topic', 'pins:write', 'pins:read', 'bookmarks:write', 'users:read',
  'files:write', 'usergroups:read', 'im:write', 'im:read', 'groups:history',
];

export interface ApiCall {
  method: string;
  args: Readonly<Record<string, unknown>>;
  ok: boolean;
  error?: string;
  /** HTTP status sent (200, or 429 / 5xx). */
  status: number;
  /** Emulator clock (ms). */
  at: number;
  response: Readonly<Record<string, unknown>>;
  /** Set when the answer came from an injected fault. */
  faulted?: boolean;
}

export type ViolationKind =
  | FindingKind
  | 'late_ack'
  | 'non_2xx_ack'
  | 'event_not_acked'
  | 'invalid_response_action'
  | 'invalid_ack_body'
  | 'response_url_rejected'
  | 'message_truncated';

export interface Violation {
  kind: ViolationKind;
  message: string;
  /** Emulator clock (ms). */
  at: number;
  /** What produced it: a Web API method, 'response_url', 'driver.slashCommand', … */
  source: string;
  /** Where in the payload or which channel/view. */
  where?: string;
  text?: string;
  detail?: Record<string, unknown>;
}

export interface CoreOptions {
  signingSecret: string;
  botToken: string;
  /** App-level token (xapp-…) for Socket Mode's apps.connections.open. */
  appToken: string;
  verificationToken: string;
  scopes: readonly string[];
  homeTabEnabled: boolean;
  clock: Clock;
  rateLimits: RateLimitOption;
  unicodeChannelNames: boolean;
  autoMarkUntrusted: boolean;
  teamDomain: string;
}

export class EmulatorCore {
  readonly state: EmulatorStateData;
  readonly calls: ApiCall[] = [];
  readonly violations: Violation[] = [];
  readonly untrusted = new Set<string>();
  readonly faults = new Faults();
  readonly rateLimiter: RateLimiter;
  readonly tsMinter = new TsMinter();
  scopes: Set<string>;
  /** http://127.0.0.1:PORT once listening. */
  baseUrl = '';
  tokenRevoked = false;
  /** Mints Socket Mode URLs for apps.connections.open (set by SlackEmulator.start). */
  socketUrl: () => string = () => {
    throw new Error('Socket Mode is not served');
  };

  constructor(readonly options: CoreOptions) {
    this.scopes = new Set(options.scopes);
    this.rateLimiter = new RateLimiter(options.clock, options.rateLimits);
    const teamId = slackId('T', 9);
    const botUserId = slackId('U', 10);
    this.state = {
      team: { id: teamId, name: 'Emulated Workspace', domain: options.teamDomain },
      bot: { userId: botUserId, botId: slackId('B', 10), appId: slackId('A', 10), name: 'breachbot' },
      users: new Map(),
      usergroups: new Map(),
      channels: new Map(),
      messages: new Map(),
      ephemerals: [],
      views: new Map(),
      modalStacks: new Map(),
      homeViews: new Map(),
      files: new Map(),
      scheduled: new Map(),
      responseUrls: new Map(),
      responseUrlPosts: [],
      triggers: new Map(),
    };
    this.state.users.set(botUserId, {
      id: botUserId,
      team_id: teamId,
      name: 'breachbot',
      real_name: 'Breach Bot',
      is_admin: false,
      is_owner: false,
      is_bot: true,
      deleted: false,
      tz: 'America/Los_Angeles',
      bot_id: this.state.bot.botId,
      app_id: this.state.bot.appId,
    });
    // Every workspace has #general; users join it, the bot does not unless invited.
    const general = this.newChannel({ name: 'general', isPrivate: false, creator: botUserId, members: [] });
    general.is_general = true;
  }

  get clock(): Clock {
    return this.options.clock;
  }

  now(): number {
    return this.options.clock();
  }

  nowSec(): number {
    return unixSeconds(this.now());
  }

  get botUserId(): string {
    return this.state.bot.userId;
  }

  // ---- users & channels -------------------------------------------------------------------

  user(id: string): EmulatedUser | undefined {
    return this.state.users.get(id);
  }

  isKnownUser = (id: string): boolean => this.state.users.has(id);
  isKnownChannel = (id: string): boolean => this.state.channels.has(id);

  newChannel(opts: {
    name: string;
    isPrivate: boolean;
    creator: string;
    members: string[];
    isIm?: boolean;
    user?: string;
  }): EmulatedChannel {
    const id = slackId(opts.isIm ? 'D' : 'C', 10);
    const created = this.nowSec();
    const ch: EmulatedChannel = {
      id,
      name: opts.name,
      is_private: opts.isPrivate,
      is_im: opts.isIm ?? false,
      is_mpim: false,
      is_general: false,
      is_archived: false,
      created,
      creator: opts.creator,
      members: [...new Set(opts.members)],
      topic: { value: '', creator: '', last_set: 0 },
      purpose: { value: '', creator: '', last_set: 0 },
      pins: [],
      bookmarks: [],
    };
    if (opts.user !== undefined) ch.user = opts.user;
    this.state.channels.set(id, ch);
    this.state.messages.set(id, []);
    return ch;
  }

  channelByName(name: string): EmulatedChannel | undefined {
    const n = name.replace(/^#/, '');
    for (const ch of this.state.channels.values()) if (!ch.is_im && ch.name === n) return ch;
    return undefined;
  }

  isBotMember(ch: EmulatedChannel): boolean {
    return ch.members.includes(this.botUserId);
  }

  /** The bot's DM with a user, created on first use (conversations.open / posting to a user id). */
  ensureIm(userId: string): EmulatedChannel {
    for (const ch of this.state.channels.values()) if (ch.is_im && ch.user === userId) return ch;
    return this.newChannel({
      name: userId,
      isPrivate: true,
      creator: this.botUserId,
      members: [this.botUserId, userId],
      isIm: true,
      user: userId,
    });
  }

  /**
   * Resolve a `channel` argument: a conversation id, a user id (the app DM, §4.2
   * chat.postMessage), or the name of a *public* channel ("#name" or "name").
   */
  resolveChannelArg(arg: string): EmulatedChannel | undefined {
    const byId = this.state.channels.get(arg);
    if (byId) return byId;
    if (/^[UW][A-Z0-9]+$/.test(arg)) {
      const u = this.user(arg);
      return u && !u.is_bot && !u.deleted ? this.ensureIm(arg) : undefined;
    }
    const byName = this.channelByName(arg);
    return byName && !byName.is_private ? byName : undefined;
  }

  /** Like resolveChannelArg but without side effects (for rate-limit keys). */
  resolveChannelArgPeek(arg: string): string | undefined {
    if (this.state.channels.has(arg)) return arg;
    for (const ch of this.state.channels.values()) if (ch.is_im && ch.user === arg) return ch.id;
    return this.channelByName(arg)?.id;
  }

  // ---- messages ----------------------------------------------------------------------------

  messagesOf(channelId: string): EmulatedMessage[] {
    let list = this.state.messages.get(channelId);
    if (!list) {
      list = [];
      this.state.messages.set(channelId, list);
    }
    return list;
  }

  findMessage(channelId: string, ts: string): EmulatedMessage | undefined {
    return this.messagesOf(channelId).find((m) => m.ts === ts);
  }

  /** Store a message and keep the parent's thread summary (reply_count, reply_users, latest_reply). */
  storeMessage(msg: Omit<EmulatedMessage, 'type' | 'ts' | 'history' | 'deleted' | 'postedAt' | 'stateValues'>): EmulatedMessage {
    const full: EmulatedMessage = {
      type: 'message',
      ts: this.tsMinter.next(this.now()),
      history: [],
      deleted: false,
      postedAt: this.now(),
      stateValues: {},
      ...msg,
    };
    this.messagesOf(msg.channel).push(full);
    if (full.thread_ts !== undefined) {
      const parent = this.findMessage(msg.channel, full.thread_ts);
      if (parent) {
        parent.reply_count = (parent.reply_count ?? 0) + 1;
        const author = full.user ?? '';
        parent.reply_users = [...new Set([...(parent.reply_users ?? []), author])];
        parent.latest_reply = full.ts;
        if (parent.thread_ts === undefined) parent.thread_ts = parent.ts;
      }
    }
    return full;
  }

  /** A message as the Web API returns it (no emulator bookkeeping). */
  publicMessage(m: EmulatedMessage): Record<string, unknown> {
    const out: Record<string, unknown> = { type: 'message', ts: m.ts, text: m.text, team: this.state.team.id };
    for (const key of [
      'user', 'bot_id', 'app_id', 'subtype', 'blocks', 'attachments', 'metadata', 'thread_ts', 'reply_broadcast',
      'reply_count', 'reply_users', 'latest_reply', 'edited',
    ] as const) {
      if (m[key] !== undefined) out[key] = m[key];
    }
    if (m.files) {
      out['files'] = m.files.flatMap((id) => {
        const f = this.state.files.get(id);
        return f ? [{ id: f.id, name: f.name, title: f.title }] : [];
      });
    }
    if (m.bot_id !== undefined) {
      out['bot_profile'] = { id: m.bot_id, app_id: m.app_id, name: this.state.bot.name, team_id: this.state.team.id };
    }
    return out;
  }

  /** Fields of a message authored by the bot. */
  botAuthor(): { user: string; bot_id: string; app_id: string } {
    return { user: this.botUserId, bot_id: this.state.bot.botId, app_id: this.state.bot.appId };
  }

  // ---- safety scanning (§5, rule 15) ------------------------------------------------------

  scan(sites: readonly TextSite[], source: string, where: string): void {
    const findings = scanSites(sites, {
      isKnownUser: this.isKnownUser,
      isKnownChannel: this.isKnownChannel,
      untrusted: this.untrusted,
    });
    for (const f of findings) {
      this.violation({
        kind: f.kind,
        message: f.message,
        source,
        where: `${where} ${f.pointer}`,
        text: f.text,
        detail: { match: f.match },
      });
    }
  }

  scanMessage(msg: { text?: string | undefined; blocks?: readonly JsonObject[] | undefined }, source: string, where: string): void {
    this.scan(messageTextSites(msg), source, where);
  }

  markUntrusted(s: string): void {
    if (/[&<>]/.test(s)) this.untrusted.add(s);
  }

  violation(v: Omit<Violation, 'at'>): void {
    this.violations.push({ ...v, at: this.now() });
  }

  // ---- triggers and response urls (§1.2, §1.5) ----------------------------------------------

  mintTrigger(user: string, source: string, viewId?: string): string {
    const id = newTriggerId();
    this.state.triggers.set(id, { id, user, issuedAt: this.now(), used: false, source, ...(viewId ? { viewId } : {}) });
    return id;
  }

  mintResponseUrl(
    kind: ResponseUrlRecord['kind'],
    channel: string,
    user: string,
    original?: ResponseUrlRecord['original'],
  ): string {
    const id = randomHex(12);
    const url = `${this.baseUrl}/response/${id}`;
    this.state.responseUrls.set(id, {
      id,
      url,
      kind,
      channel,
      user,
      createdAt: this.now(),
      uses: 0,
      ...(original ? { original } : {}),
    });
    return url;
  }

  newHash(): string {
    return `${this.nowSec()}.${randomHex(4)}`;
  }
}
