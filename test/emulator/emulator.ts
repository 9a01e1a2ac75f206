/**
 * SlackEmulator: the public face of the local Slack (slack-rules.md, all of §10).
 *
 *   const slack = await SlackEmulator.start();
 *   const alice = slack.addUser({ name: 'alice' });
 *   // bot: SLACK_API_URL=slack.apiUrl SLACK_BOT_TOKEN=slack.botToken SLACK_SIGNING_SECRET=slack.signingSecret
 *   const driver = slack.driver('http://127.0.0.1:3000/slack/events');
 *   await driver.slashCommand({ user: alice.id, text: 'declare' });
 *   expect(slack.violations).toEqual([]);
 *   await slack.close();
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { SocketModeHub, SocketTransport } from './socket-mode.js';
import type { Clock } from './clock.js';
import { DEFAULT_BOT_SCOPES, EmulatorCore, type ApiCall, type Violation } from './core.js';
import { Driver, type DriverOptions } from './driver.js';
import type { Faults } from './faults.js';
import { randomHex, slackId } from './ids.js';
import { channelNameError } from './methods/conversations.js';
import { postDueScheduled } from './methods/scheduled.js';
import { escapeMrkdwn } from './mrkdwn-scan.js';
import type { RateLimitOption } from './rate-limits.js';
import { createEmulatorServer } from './server.js';
import type {
  EmulatedChannel,
  EmulatedFile,
  EmulatedMessage,
  EmulatedUser,
  EmulatedUserGroup,
  EmulatedView,
  EphemeralMessage,
  ReadonlyState,
  ResponseUrlPost,
  ScheduledMessage,
} from './state.js';

export interface SlackEmulatorOptions {
  signingSecret?: string;
  botToken?: string;
  /** App-level token for Socket Mode (apps.connections.open). */
  appToken?: string;
  /** Bot token scopes; default DEFAULT_BOT_SCOPES (breachbot's set). */
  scopes?: readonly string[];
  /** Manifest app_home.home_tab_enabled; views.publish answers not_enabled when false. Default true. */
  homeTabEnabled?: boolean;
  /** 'slack' (default), 'off', or overrides (see rate-limits.ts). */
  rateLimits?: RateLimitOption;
  /** Milliseconds; drives trigger expiry, rate windows, scheduled posts, ts. Default Date.now. */
  clock?: Clock;
  /** Accept non-Latin lowercase letters in channel names (unverified Slack behaviour, §4.2). Default false. */
  unicodeChannelNames?: boolean;
  /** Treat text users type through the driver as untrusted (rule 15). Default true. */
  autoMarkUntrusted?: boolean;
  /** Poll interval for posting due scheduled messages; false = only advanceScheduled(). Default 200 ms. */
  scheduledPollMs?: number | false;
  teamDomain?: string;
  verificationToken?: string;
}

export interface AddUserInput {
  id?: string;
  name: string;
  realName?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  /** IANA zone, default Europe/Copenhagen. */
  tz?: string;
  email?: string;
  deleted?: boolean;
  /** Join #general (default true). */
  joinGeneral?: boolean;
}

export interface AddChannelInput {
  name: string;
  isPrivate?: boolean;
  members?: readonly string[];
  /** Default false: the bot must be invited (or create the channel) to act in it. */
  botIsMember?: boolean;
  archived?: boolean;
  topic?: string;
  purpose?: string;
  creator?: string;
}

export class SlackEmulator {
  private readonly drivers: Driver[] = [];
  private poller: NodeJS.Timeout | undefined;

  private constructor(
    private readonly core: EmulatorCore,
    private readonly server: Server,
    /** Socket Mode's server side: connections, disconnect warnings, drops (socket-mode.ts). */
    readonly socketMode: SocketModeHub,
  ) {}

  static async start(options: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
    const core = new EmulatorCore({
      signingSecret: options.signingSecret ?? `emulator-secret-${randomHex(16)}`,
      botToken: options.botToken ?? `xoxb-emulator-${randomHex(12)}`,
      appToken: options.appToken ?? `xapp-1-emulator-${randomHex(12)}`,
      verificationToken: options.verificationToken ?? randomHex(12),
      scopes: options.scopes ?? DEFAULT_BOT_SCOPES,
      homeTabEnabled: options.homeTabEnabled ?? true,
      clock: options.clock ?? Date.now,
      rateLimits: options.rateLimits ?? 'slack',
      unicodeChannelNames: options.unicodeChannelNames ?? false,
      autoMarkUntrusted: options.autoMarkUntrusted ?? true,
      teamDomain: options.teamDomain ?? 'emulated',
    });
    const server = createEmulatorServer(core);
    const socketMode = new SocketModeHub(server, () => core.state.bot.appId);
    core.socketUrl = () => socketMode.mintUrl();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    core.baseUrl = `http://127.0.0.1:${port}`;
    socketMode.setBaseUrl(core.baseUrl);
    const emu = new SlackEmulator(core, server, socketMode);
    const poll = options.scheduledPollMs ?? 200;
    if (poll !== false) {
      emu.poller = setInterval(() => postDueScheduled(core), poll);
      emu.poller.unref();
    }
    return emu;
  }

  // ---- identity -------------------------------------------------------------------------------

  /** Base URL for @slack/web-api's slackApiUrl (trailing slash included). */
  get apiUrl(): string {
    return `${this.core.baseUrl}/api/`;
  }
  get baseUrl(): string {
    return this.core.baseUrl;
  }
  get botToken(): string {
    return this.core.options.botToken;
  }
  get appToken(): string {
    return this.core.options.appToken;
  }
  get signingSecret(): string {
    return this.core.options.signingSecret;
  }
  get verificationToken(): string {
    return this.core.options.verificationToken;
  }
  get teamId(): string {
    return this.core.state.team.id;
  }
  get botUserId(): string {
    return this.core.state.bot.userId;
  }
  get botId(): string {
    return this.core.state.bot.botId;
  }
  get appId(): string {
    return this.core.state.bot.appId;
  }
  /** Current emulator time (ms). */
  now(): number {
    return this.core.now();
  }

  // ---- logs -----------------------------------------------------------------------------------

  get state(): ReadonlyState {
    return this.core.state;
  }
  /** Every Web API call in order. */
  get calls(): readonly ApiCall[] {
    return this.core.calls;
  }
  /** What Slack would flag or refuse that the bot did (rules 2, 7, 15, …). */
  get violations(): readonly Violation[] {
    return this.core.violations;
  }
  get faults(): Faults {
    return this.core.faults;
  }
  callsTo(method: string): ApiCall[] {
    return this.core.calls.filter((c) => c.method === method);
  }
  clearCalls(): void {
    this.core.calls.length = 0;
  }
  clearViolations(): void {
    this.core.violations.length = 0;
  }
  /** Throws listing every violation (optionally only those matching `filter`). */
  assertNoViolations(filter: (v: Violation) => boolean = () => true): void {
    const found = this.core.violations.filter(filter);
    if (found.length > 0) {
      throw new Error(`Slack emulator recorded ${found.length} violation(s):\n${found.map((v) => `- [${v.kind}] ${v.source}: ${v.message}${v.where ? ` (${v.where})` : ''}`).join('\n')}`);
    }
  }

  // ---- configuration ----------------------------------------------------------------------------

  setScopes(scopes: readonly string[]): void {
    this.core.scopes = new Set(scopes);
  }
  setHomeTabEnabled(enabled: boolean): void {
    this.core.options.homeTabEnabled = enabled;
  }
  setRateLimits(option: RateLimitOption): void {
    this.core.rateLimiter.configure(option);
  }
  resetRateLimits(): void {
    this.core.rateLimiter.reset();
  }
  /** Subsequent calls answer token_revoked. */
  revokeToken(): void {
    this.core.tokenRevoked = true;
  }
  /** Register user input; posting it raw (with &, <, > unescaped) into mrkdwn is a violation (rule 15). */
  markUntrusted(text: string): void {
    this.core.markUntrusted(text);
  }

  // ---- seeding ----------------------------------------------------------------------------------

  addUser(input: AddUserInput): EmulatedUser {
    const id = input.id ?? slackId('U', 10);
    if (this.core.state.users.has(id)) throw new Error(`user ${id} exists`);
    const user: EmulatedUser = {
      id,
      team_id: this.teamId,
      name: input.name,
      real_name: input.realName ?? input.name,
      is_admin: input.isAdmin ?? false,
      is_owner: input.isOwner ?? false,
      is_bot: false,
      deleted: input.deleted ?? false,
      tz: input.tz ?? 'Europe/Copenhagen',
      ...(input.email !== undefined ? { email: input.email } : {}),
    };
    this.core.state.users.set(id, user);
    if (input.joinGeneral ?? true) this.core.channelByName('general')?.members.push(id);
    return user;
  }

  addUserGroup(input: { handle: string; name?: string; users: readonly string[]; id?: string; disabled?: boolean }): EmulatedUserGroup {
    for (const u of input.users) if (!this.core.user(u)) throw new Error(`unknown user ${u}`);
    const group: EmulatedUserGroup = {
      id: input.id ?? slackId('S', 10),
      team_id: this.teamId,
      handle: input.handle,
      name: input.name ?? input.handle,
      users: [...input.users],
      is_disabled: input.disabled ?? false,
    };
    this.core.state.usergroups.set(group.id, group);
    return group;
  }

  /** Seeded channels obey the same name rules as conversations.create (rule 11). */
  addChannel(input: AddChannelInput): EmulatedChannel {
    const problem = channelNameError(input.name, this.core.options.unicodeChannelNames);
    if (problem) throw new Error(`addChannel: ${problem} for "${input.name}"`);
    if (this.core.channelByName(input.name)) throw new Error(`addChannel: name_taken "${input.name}"`);
    for (const u of input.members ?? []) if (!this.core.user(u)) throw new Error(`unknown user ${u}`);
    const members = [...(input.members ?? [])];
    if (input.botIsMember) members.push(this.botUserId);
    const ch = this.core.newChannel({
      name: input.name,
      isPrivate: input.isPrivate ?? false,
      creator: input.creator ?? members[0] ?? this.botUserId,
      members,
    });
    ch.is_archived = input.archived ?? false;
    const now = this.core.nowSec();
    if (input.topic) ch.topic = { value: input.topic, creator: ch.creator, last_set: now };
    if (input.purpose) ch.purpose = { value: input.purpose, creator: ch.creator, last_set: now };
    return ch;
  }

  /** Add users to a channel (as if they joined / were invited by a person). */
  addMembers(channel: string, users: readonly string[]): void {
    const ch = this.requireChannel(channel);
    for (const u of users) if (!ch.members.includes(u)) ch.members.push(u);
  }

  /** Remove users from a channel (as if they left or a person removed them); no event is sent. */
  removeMembers(channel: string, users: readonly string[]): void {
    const ch = this.requireChannel(channel);
    ch.members = ch.members.filter((m) => !users.includes(m));
  }

  /**
   * A message written by a person. Slack stores user text with &, <, > escaped, so `text` is
   * escaped unless `raw` (give raw when the text already is Slack mrkdwn, e.g. mentions).
   */
  addMessage(input: { channel: string; user: string; text: string; threadTs?: string; raw?: boolean }): EmulatedMessage {
    const ch = this.requireChannel(input.channel);
    if (!this.core.user(input.user)) throw new Error(`unknown user ${input.user}`);
    if (!ch.members.includes(input.user)) throw new Error(`${input.user} is not in ${ch.id}`);
    if (this.core.options.autoMarkUntrusted && !input.raw) this.core.markUntrusted(input.text);
    if (input.threadTs) {
      const parent = this.core.findMessage(ch.id, input.threadTs);
      if (!parent || (parent.thread_ts && parent.thread_ts !== parent.ts)) throw new Error('addMessage: threadTs must be a top-level message');
    }
    return this.core.storeMessage({
      channel: ch.id,
      user: input.user,
      text: input.raw ? input.text : escapeMrkdwn(input.text),
      source: 'seed',
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    });
  }

  // ---- inspection -------------------------------------------------------------------------------

  private requireChannel(idOrName: string): EmulatedChannel {
    const ch = this.channel(idOrName);
    if (!ch) throw new Error(`unknown channel ${idOrName}`);
    return ch;
  }

  channel(idOrName: string): EmulatedChannel | undefined {
    return this.core.state.channels.get(idOrName) ?? this.core.channelByName(idOrName);
  }
  channelByName(name: string): EmulatedChannel | undefined {
    return this.core.channelByName(name);
  }
  user(id: string): EmulatedUser | undefined {
    return this.core.user(id);
  }
  /** Top-level messages (and broadcast replies) currently visible in a channel, oldest first. */
  messages(channel: string): EmulatedMessage[] {
    const ch = this.requireChannel(channel);
    return this.core.messagesOf(ch.id).filter((m) => !m.deleted && (m.thread_ts === undefined || m.thread_ts === m.ts || m.reply_broadcast));
  }
  /** Parent and replies of a thread, oldest first (deleted ones left out). */
  thread(channel: string, ts: string): EmulatedMessage[] {
    const ch = this.requireChannel(channel);
    return this.core.messagesOf(ch.id).filter((m) => !m.deleted && (m.ts === ts || m.thread_ts === ts));
  }
  /** Every message ever stored in the channel, including replies and deleted ones. */
  allMessages(channel: string): EmulatedMessage[] {
    return [...this.core.messagesOf(this.requireChannel(channel).id)];
  }
  /** The pinned messages of a channel. */
  pins(channel: string): EmulatedMessage[] {
    const ch = this.requireChannel(channel);
    return ch.pins.map((p) => this.core.findMessage(ch.id, p.ts)).filter((m): m is EmulatedMessage => m !== undefined);
  }
  /** The bot's DM with a user (messages posted to the user id or to the D… channel). */
  dm(user: string): EmulatedMessage[] {
    const im = [...this.core.state.channels.values()].find((c) => c.is_im && c.user === user);
    return im ? this.messages(im.id) : [];
  }
  ephemerals(filter: { channel?: string; user?: string } = {}): EphemeralMessage[] {
    return this.core.state.ephemerals.filter(
      (e) => !e.deleted && (!filter.channel || e.channel === filter.channel) && (!filter.user || e.user === filter.user),
    );
  }
  view(id: string): EmulatedView | undefined {
    return this.core.state.views.get(id);
  }
  /** The user's open modal stack, bottom first. */
  openViews(user: string): EmulatedView[] {
    return (this.core.state.modalStacks.get(user) ?? [])
      .map((id) => this.core.state.views.get(id))
      .filter((v): v is EmulatedView => v !== undefined);
  }
  homeView(user: string): EmulatedView | undefined {
    const id = this.core.state.homeViews.get(user);
    return id ? this.core.state.views.get(id) : undefined;
  }
  scheduledMessages(channel?: string): ScheduledMessage[] {
    return [...this.core.state.scheduled.values()].filter((s) => !channel || s.channel === channel);
  }
  responseUrlPosts(): ResponseUrlPost[] {
    return [...this.core.state.responseUrlPosts];
  }
  files(): EmulatedFile[] {
    return [...this.core.state.files.values()];
  }

  /**
   * Mint a trigger_id for a user without going through the bot (unit tests of views.*).
   * `viewId`: pretend the interaction came from inside that modal.
   */
  issueTrigger(user: string, opts: { viewId?: string } = {}): string {
    return this.core.mintTrigger(user, 'test', opts.viewId);
  }

  /**
   * Mint a response_url as Slack would give `user` for an interaction in `channel` (tests that build
   * a payload themselves, e.g. a forged request from someone who cannot press the button).
   * `message`: the message the interaction came from, so replace_original can apply to it.
   */
  issueResponseUrl(channel: string, user: string, message?: { ts: string }): string {
    return this.core.mintResponseUrl('block_actions', channel, user, message ? { channel, ts: message.ts, ephemeral: false } : undefined);
  }

  /** A message as Slack shows it in payloads (the `message` of a block_actions payload). */
  publicMessage(channel: string, ts: string): Record<string, unknown> | undefined {
    const m = this.core.findMessage(channel, ts);
    return m ? this.core.publicMessage(m) : undefined;
  }

  /** Post scheduled messages whose post_at has passed on the emulator clock; returns those handled. */
  advanceScheduled(): ScheduledMessage[] {
    return postDueScheduled(this.core);
  }

  /**
   * Wait until `probe` returns (or resolves to) something truthy: the bot works asynchronously
   * after its ack. Polls every `intervalMs` (default 10); throws after `timeoutMs` (default 5000).
   * The second argument may be the timeout in ms.
   */
  async waitFor<T>(
    probe: () => T | undefined | null | false | PromiseLike<T | undefined | null | false>,
    opts: number | { timeoutMs?: number; intervalMs?: number; what?: string } = {},
  ): Promise<T> {
    const o = typeof opts === 'number' ? { timeoutMs: opts } : opts;
    const deadline = Date.now() + (o.timeoutMs ?? 5000);
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`waitFor timed out${o.what ? `: ${o.what}` : ''}`);
      await new Promise((r) => setTimeout(r, o.intervalMs ?? 10));
    }
  }

  /** Wait for the next call of `method` (matching `filter`) logged from now on. */
  waitForCall(method: string, filter: (c: ApiCall) => boolean = () => true, timeoutMs = 5000): Promise<ApiCall> {
    const from = this.core.calls.length;
    return this.waitFor(() => this.core.calls.slice(from).find((c) => c.method === method && filter(c)), {
      timeoutMs,
      what: `a ${method} call`,
    });
  }

  // ---- driver & lifecycle -----------------------------------------------------------------------

  /** A driver that sends Slack's requests to the bot at `botEventsUrl` (e.g. http://127.0.0.1:3000/slack/events). */
  driver(botEventsUrl: string, options: DriverOptions = {}): Driver {
    const d = new Driver(this.core, botEventsUrl, options);
    this.drivers.push(d);
    return d;
  }

  /** A driver that sends Slack's requests to a bot connected in Socket Mode, as envelopes over its WebSocket. */
  socketDriver(options: DriverOptions = {}): Driver {
    const d = new Driver(this.core, 'socket-mode', options, (o) => new SocketTransport(this.socketMode, o.requestTimeoutMs));
    this.drivers.push(d);
    return d;
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    await this.socketMode.close();
    for (const d of this.drivers) d.abortAll();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
