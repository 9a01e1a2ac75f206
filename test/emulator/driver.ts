/**
 * The driver: plays Slack's side towards the bot (slack-rules.md §1). Every request is signed
 * (§1.1); commands and interactions carry a fresh trigger_id registered with the emulator
 * (§1.5) and, where Slack gives one, a response_url on the emulator (§1.2). Ack time is measured:
 * a late (> 3 s) or non-2xx ack is recorded as a violation and, by default, thrown (rule 2).
 * Events are redelivered up to 3 times with X-Slack-Retry-Num / X-Slack-Retry-Reason (rule 3).
 */
import { stringify as formEncode } from 'node:querystring';
import { setTimeout as sleep } from 'node:timers/promises';
import { interactiveElements, statefulElements } from './block-kit.js';
import type { EmulatorCore } from './core.js';
import { Transport, type AckResult, type RawRequest } from './driver-transport.js';
import { DriverError } from './errors.js';
import { randomHex } from './ids.js';
import { escapeMrkdwn } from './mrkdwn-scan.js';
import { checkBlocksValue } from './methods/message-content.js';
import { closeViews, publicView } from './methods/views.js';
import type { EmulatedChannel, EmulatedMessage, EmulatedUser, EmulatedView, JsonObject } from './state.js';
import { applyViewSubmissionAck, type ResponseAction } from './view-submission.js';
import { isEmptyValue, normalizeEnteredValue, valueField, type StateValues } from './view-state.js';

export type { AckResult, RawRequest } from './driver-transport.js';

export interface DriverOptions {
  /** Slack's ack deadline (§1.4). Default 3000 ms. */
  ackDeadlineMs?: number;
  /** Throw DriverError on a late / non-2xx ack or an invalid ack body (default true). Violations are recorded either way. */
  throwOnViolation?: boolean;
  /** Delays before event retries 1..3. Slack waits ~0 s, ~1 min, ~5 min; tests want short ones. Default [50, 100, 200]. */
  eventRetryDelaysMs?: readonly number[];
  /** Give up on a request after this long (default 10 000 ms). */
  requestTimeoutMs?: number;
  /** Slack escapes &, <, > in slash command text (§5, unverified); default true. */
  escapeCommandText?: boolean;
}

/** How requests reach the bot: signed HTTP (default) or Socket Mode envelopes (socket-mode.ts). */
export interface DriverTransport {
  send(req: RawRequest): Promise<AckResult>;
  abortAll(): void;
}

export interface CommandResult extends AckResult {
  triggerId: string;
  responseUrl: string;
}

export interface InteractionResult extends AckResult {
  triggerId: string;
  responseUrl?: string;
  payload: Record<string, unknown>;
}

export interface SubmitViewResult extends AckResult {
  triggerId: string;
  payload: Record<string, unknown>;
  /** What the ack did; undefined when the ack failed (late / non-2xx with throwOnViolation false). */
  responseAction?: ResponseAction;
  errors?: Record<string, string>;
  /** The user's top modal afterwards (undefined when the stack is now empty). */
  view?: EmulatedView;
}

export interface EventAttempt {
  retryNum: number;
  retryReason?: string;
  status?: number;
  ackMs?: number;
  timedOut: boolean;
  error?: string;
}

export interface EventDeliveryResult {
  eventId: string;
  acked: boolean;
  attempts: EventAttempt[];
  envelope: Record<string, unknown>;
}

/** Value a user picks or types, per §2.3 (full state object, value object, or shorthand). */
export type EnteredValue = unknown;

export interface BlockActionInput {
  user: string;
  action_id: string;
  block_id?: string;
  /** The interaction surface: a message (channel + ts; ephemeral ones too) or a view by id. */
  message?: { channel: string; ts: string; ephemeral?: boolean };
  view?: string;
  value?: string;
  selected_option?: EnteredValue;
  selected_options?: EnteredValue;
  selected_user?: string;
  selected_users?: string[];
  selected_conversation?: string;
  selected_channel?: string;
  selected_date?: string;
  selected_time?: string;
  selected_date_time?: number;
}

const ACTION_INPUT_KEYS = [
  'selected_option', 'selected_options', 'selected_user', 'selected_users', 'selected_conversation',
  'selected_channel', 'selected_date', 'selected_time', 'selected_date_time', 'value',
] as const;

export class Driver {
  private readonly transport: DriverTransport;
  readonly options: Required<DriverOptions>;

  constructor(
    private readonly core: EmulatorCore,
    readonly url: string,
    options: DriverOptions = {},
    transport?: (options: Required<DriverOptions>) => DriverTransport,
  ) {
    this.options = {
      ackDeadlineMs: options.ackDeadlineMs ?? 3000,
      throwOnViolation: options.throwOnViolation ?? true,
      eventRetryDelaysMs: options.eventRetryDelaysMs ?? [50, 100, 200],
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      escapeCommandText: options.escapeCommandText ?? true,
    };
    this.transport = transport?.(this.options) ?? new Transport(url, core.options.signingSecret, this.options.requestTimeoutMs);
  }

  /** Abort requests still in flight (called by SlackEmulator.close). */
  abortAll(): void {
    this.transport.abortAll();
  }

  // ---- raw ------------------------------------------------------------------------------------

  /** Any request, for forged / unsigned / stale tests. No violation checks. */
  raw(req: RawRequest): Promise<AckResult> {
    return this.transport.send(req);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private user(id: string): EmulatedUser {
    const u = this.core.user(id);
    if (!u || u.is_bot) throw new DriverError(`driver: unknown user ${id}`);
    if (u.deleted) throw new DriverError(`driver: user ${id} is deactivated and cannot act`);
    return u;
  }

  private channel(idOrName: string | undefined, user: EmulatedUser): EmulatedChannel {
    const ch = idOrName === undefined
      ? this.core.channelByName('general')
      : (this.core.state.channels.get(idOrName) ?? this.core.channelByName(idOrName));
    if (!ch) throw new DriverError(`driver: unknown channel ${String(idOrName)}`);
    // A user acts only where they can read (§1.2): private channels and DMs need membership.
    if ((ch.is_private || ch.is_im) && !ch.members.includes(user.id)) {
      throw new DriverError(`driver: ${user.id} is not a member of ${ch.id} and cannot act there`);
    }
    return ch;
  }

  private common(user: EmulatedUser): Record<string, unknown> {
    const team = this.core.state.team;
    return {
      user: { id: user.id, username: user.name, name: user.name, team_id: team.id },
      api_app_id: this.core.state.bot.appId,
      token: this.core.options.verificationToken,
      team: { id: team.id, domain: team.domain },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private actionTs(): string {
    return this.core.tsMinter.next(this.core.now());
  }

  /** Rule 2: record (and by default throw on) a late or non-2xx ack. */
  private checkAck(kind: string, r: AckResult, where: string): void {
    const problems: string[] = [];
    if (r.ackMs > this.options.ackDeadlineMs) {
      problems.push(`acked after ${Math.round(r.ackMs)} ms (Slack gives up at ${this.options.ackDeadlineMs} ms)`);
      this.core.violation({
        kind: 'late_ack',
        message: `${kind} ${problems[problems.length - 1]}`,
        source: `driver.${kind}`,
        where,
        detail: { ackMs: r.ackMs, status: r.status },
      });
    }
    if (r.status < 200 || r.status >= 300) {
      problems.push(`answered HTTP ${r.status}; Slack expects 200 and shows the user an error`);
      this.core.violation({
        kind: 'non_2xx_ack',
        message: `${kind} ${problems[problems.length - 1]}`,
        source: `driver.${kind}`,
        where,
        detail: { status: r.status, body: r.body.slice(0, 500) },
      });
    }
    if (problems.length > 0 && this.options.throwOnViolation) {
      throw new DriverError(`${kind} to ${this.url}: ${problems.join('; ')}`, { ack: r });
    }
  }

  private invalidAck(kind: string, message: string, where: string): void {
    this.core.violation({ kind: 'invalid_ack_body', message, source: `driver.${kind}`, where });
    if (this.options.throwOnViolation) throw new DriverError(message);
  }

  private async postForm(fields: Record<string, string>): Promise<AckResult> {
    return this.transport.send({ body: formEncode(fields), contentType: 'application/x-www-form-urlencoded' });
  }

  private async postPayload(payload: Record<string, unknown>): Promise<AckResult> {
    return this.postForm({ payload: JSON.stringify(payload) });
  }

  // ---- slash commands (§1.2) --------------------------------------------------------------

  async slashCommand(input: { user: string; channel?: string; text?: string; command?: string }): Promise<CommandResult> {
    const user = this.user(input.user);
    const ch = this.channel(input.channel, user);
    if (ch.is_archived) throw new DriverError(`driver: ${ch.id} is archived; nobody can type a command there`);
    if (!ch.is_im && !ch.members.includes(user.id)) {
      throw new DriverError(`driver: ${user.id} must join ${ch.id} before typing a command there`);
    }
    const rawText = input.text ?? '';
    if (this.core.options.autoMarkUntrusted) this.core.markUntrusted(rawText);
    const triggerId = this.core.mintTrigger(user.id, 'slash_command');
    const responseUrl = this.core.mintResponseUrl('slash_command', ch.id, user.id);
    const team = this.core.state.team;
    const r = await this.postForm({
      token: this.core.options.verificationToken,
      team_id: team.id,
      team_domain: team.domain,
      channel_id: ch.id,
      channel_name: ch.is_im ? 'directmessage' : ch.name,
      user_id: user.id,
      user_name: user.name,
      command: input.command ?? '/breach',
      text: this.options.escapeCommandText ? escapeMrkdwn(rawText) : rawText,
      api_app_id: this.core.state.bot.appId,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: triggerId,
    });
    this.checkAck('slashCommand', r, ch.id);
    if (r.status >= 200 && r.status < 300 && r.body.trim() !== '') this.applyCommandAckBody(r, ch, user);
    return { ...r, triggerId, responseUrl };
  }

  /** A slash command's ack may carry a message (§1.2): shown to the user, or in channel. */
  private applyCommandAckBody(r: AckResult, ch: EmulatedChannel, user: EmulatedUser): void {
    let text = r.body;
    let blocks: JsonObject[] | undefined;
    let inChannel = false;
    if (r.json !== undefined) {
      if (typeof r.json !== 'object' || r.json === null) return this.invalidAck('slashCommand', 'ack body JSON must be an object', ch.id);
      const j = r.json as Record<string, unknown>;
      text = typeof j['text'] === 'string' ? j['text'] : '';
      inChannel = j['response_type'] === 'in_channel';
      if (j['blocks'] !== undefined) {
        try {
          blocks = checkBlocksValue(j['blocks']);
        } catch (err) {
          return this.invalidAck('slashCommand', `ack body blocks rejected: ${(err as Error).message}`, ch.id);
        }
      }
    }
    this.core.scanMessage({ text, blocks }, 'slash command ack', ch.id);
    if (inChannel) {
      this.core.storeMessage({ channel: ch.id, ...this.core.botAuthor(), text, source: 'ack', ...(blocks ? { blocks } : {}) });
    } else {
      this.core.state.ephemerals.push({
        channel: ch.id,
        user: user.id,
        ts: this.actionTs(),
        text,
        source: 'ack',
        deleted: false,
        postedAt: this.core.now(),
        ...(blocks ? { blocks } : {}),
      });
    }
  }

  // ---- shortcuts (§1.3) -------------------------------------------------------------------

  async globalShortcut(input: { user: string; callbackId: string }): Promise<InteractionResult> {
    const user = this.user(input.user);
    const triggerId = this.core.mintTrigger(user.id, 'shortcut');
    const payload = {
      type: 'shortcut',
      ...this.common(user),
      callback_id: input.callbackId,
      trigger_id: triggerId,
      action_ts: this.actionTs(),
    };
    const r = await this.postPayload(payload);
    this.checkAck('globalShortcut', r, input.callbackId);
    return { ...r, triggerId, payload };
  }

  async messageShortcut(input: { user: string; channel: string; messageTs: string; callbackId: string }): Promise<InteractionResult> {
    const user = this.user(input.user);
    const ch = this.channel(input.channel, user);
    const msg = this.core.findMessage(ch.id, input.messageTs);
    if (!msg || msg.deleted) throw new DriverError(`driver: no message ${input.messageTs} in ${ch.id}`);
    const triggerId = this.core.mintTrigger(user.id, 'message_action');
    const responseUrl = this.core.mintResponseUrl('message_action', ch.id, user.id);
    const payload = {
      type: 'message_action',
      ...this.common(user),
      callback_id: input.callbackId,
      trigger_id: triggerId,
      message_ts: msg.ts,
      response_url: responseUrl,
      message: this.core.publicMessage(msg),
      channel: { id: ch.id, name: ch.is_im ? 'directmessage' : ch.name },
      action_ts: this.actionTs(),
    };
    const r = await this.postPayload(payload);
    this.checkAck('messageShortcut', r, `${ch.id}/${msg.ts}`);
    return { ...r, triggerId, responseUrl, payload };
  }

  // ---- block_actions (§1.3) ---------------------------------------------------------------

  async blockAction(input: BlockActionInput): Promise<InteractionResult> {
    const user = this.user(input.user);
    if ((input.message === undefined) === (input.view === undefined)) {
      throw new DriverError('driver.blockAction: give exactly one of message or view');
    }
    let blocks: readonly JsonObject[];
    let view: EmulatedView | undefined;
    let msg: EmulatedMessage | undefined;
    let ch: EmulatedChannel | undefined;
    let ephemeralTs: string | undefined;
    if (input.view !== undefined) {
      view = this.core.state.views.get(input.view);
      if (!view || !view.open || view.user !== user.id) throw new DriverError(`driver: view ${input.view} is not open for ${user.id}`);
      const stack = this.core.state.modalStacks.get(user.id) ?? [];
      if (view.type === 'modal' && stack[stack.length - 1] !== view.id) {
        throw new DriverError(`driver: view ${view.id} is not the top of ${user.id}'s modal stack`);
      }
      blocks = view.blocks;
    } else {
      const m = input.message as { channel: string; ts: string; ephemeral?: boolean };
      ch = this.channel(m.channel, user);
      if (m.ephemeral) {
        const e = this.core.state.ephemerals.find((x) => x.ts === m.ts && x.user === user.id && x.channel === ch?.id && !x.deleted);
        if (!e) throw new DriverError(`driver: no ephemeral ${m.ts} for ${user.id} in ${ch.id}`);
        blocks = e.blocks ?? [];
        ephemeralTs = e.ts;
      } else {
        msg = this.core.findMessage(ch.id, m.ts);
        if (!msg || msg.deleted) throw new DriverError(`driver: no message ${m.ts} in ${ch.id}`);
        blocks = msg.blocks ?? [];
      }
    }

    const matches = blocks.flatMap((b) =>
      interactiveElements(b)
        .filter((e) => e['action_id'] === input.action_id && (input.block_id === undefined || b['block_id'] === input.block_id))
        .map((e) => ({ block: b, element: e })),
    );
    const hit = matches[0];
    if (!hit) throw new DriverError(`driver: no element with action_id "${input.action_id}" on that surface`);
    if (matches.length > 1) throw new DriverError(`driver: action_id "${input.action_id}" is ambiguous; give block_id`);
    const el = hit.element;
    const type = String(el['type']);
    const blockId = String(hit.block['block_id']);
    const action: Record<string, unknown> = { type, action_id: input.action_id, block_id: blockId, action_ts: this.actionTs() };
    const given = ACTION_INPUT_KEYS.find((k) => input[k] !== undefined);
    if (type === 'button' || type === 'workflow_button') {
      if (input.value !== undefined && input.value !== el['value']) {
        throw new DriverError(`driver: button "${input.action_id}" has value ${JSON.stringify(el['value'])}, not ${JSON.stringify(input.value)}`);
      }
      action['text'] = el['text'];
      if (el['value'] !== undefined) action['value'] = el['value'];
      if (el['style'] !== undefined) action['style'] = el['style'];
    } else if (type === 'overflow') {
      const v = given ? input[given] : undefined;
      const normalized = normalizeEnteredValue({ ...el, type: 'static_select' }, v, `overflow ${input.action_id}`);
      action['selected_option'] = normalized['selected_option'] ?? null;
    } else {
      const normalized = normalizeEnteredValue(el, given ? input[given] : null, `${blockId}/${input.action_id}`);
      const field = valueField(type);
      action[field] = normalized[field] ?? null;
      if (this.core.options.autoMarkUntrusted && typeof normalized['value'] === 'string') this.core.markUntrusted(normalized['value']);
      const target: StateValues | undefined = view ? view.state.values : msg?.stateValues;
      if (target) (target[blockId] ??= {})[input.action_id] = normalized;
    }

    const triggerId = this.core.mintTrigger(user.id, 'block_actions', view?.type === 'modal' ? view.id : undefined);
    const payload: Record<string, unknown> = {
      type: 'block_actions',
      ...this.common(user),
      trigger_id: triggerId,
      actions: [action],
    };
    let responseUrl: string | undefined;
    if (view) {
      payload['container'] = { type: 'view', view_id: view.id };
      payload['view'] = publicView(view);
      payload['state'] = { values: structuredClone(view.state.values) };
    } else if (ch) {
      const ts = msg?.ts ?? ephemeralTs ?? '';
      responseUrl = this.core.mintResponseUrl('block_actions', ch.id, user.id, { channel: ch.id, ts, ephemeral: ephemeralTs !== undefined });
      payload['container'] = { type: 'message', message_ts: ts, channel_id: ch.id, is_ephemeral: ephemeralTs !== undefined };
      payload['channel'] = { id: ch.id, name: ch.is_im ? 'directmessage' : ch.name };
      if (msg) payload['message'] = this.core.publicMessage(msg);
      payload['state'] = { values: structuredClone(msg?.stateValues ?? {}) };
      payload['response_url'] = responseUrl;
    }
    const r = await this.postPayload(payload);
    this.checkAck('blockAction', r, view ? view.id : `${ch?.id}/${msg?.ts ?? ephemeralTs}`);
    return { ...r, triggerId, payload, ...(responseUrl ? { responseUrl } : {}) };
  }

  // ---- view_submission / view_closed (§1.3, §2) --------------------------------------------

  async submitView(input: {
    user: string;
    viewId: string;
    /** `{ [block_id]: { [action_id]: value } }`, value as in §2.3 or a shorthand. */
    values?: Record<string, Record<string, EnteredValue>>;
    /** `{ [action_id]: value }` for views whose block_ids were generated. */
    valuesByActionId?: Record<string, EnteredValue>;
  }): Promise<SubmitViewResult> {
    const user = this.user(input.user);
    const view = this.core.state.views.get(input.viewId);
    if (!view || view.type !== 'modal' || !view.open || view.user !== user.id) {
      throw new DriverError(`driver: modal ${input.viewId} is not open for ${user.id}`);
    }
    const stack = this.core.state.modalStacks.get(user.id) ?? [];
    if (stack[stack.length - 1] !== view.id) throw new DriverError(`driver: ${view.id} is not the top of the modal stack`);
    if (!view.submit || view.submit_disabled) throw new DriverError(`driver: view ${view.id} has no submit button`);

    const elements = statefulElements(view.blocks);
    const values: StateValues = structuredClone(view.state.values);
    const setValue = (blockId: string, actionId: string, given: EnteredValue) => {
      const target = elements.find((e) => e.blockId === blockId && e.actionId === actionId);
      if (!target) throw new DriverError(`driver: view ${view.id} has no stateful element ${blockId}/${actionId}`);
      const normalized = normalizeEnteredValue(target.element, given, `${blockId}/${actionId}`);
      if (this.core.options.autoMarkUntrusted && typeof normalized['value'] === 'string') this.core.markUntrusted(normalized['value']);
      (values[blockId] ??= {})[actionId] = normalized;
    };
    for (const [blockId, actions] of Object.entries(input.values ?? {})) {
      for (const [actionId, given] of Object.entries(actions)) setValue(blockId, actionId, given);
    }
    for (const [actionId, given] of Object.entries(input.valuesByActionId ?? {})) {
      const found = elements.filter((e) => e.actionId === actionId);
      if (found.length !== 1) throw new DriverError(`driver: action_id "${actionId}" matches ${found.length} elements in ${view.id}`);
      setValue(found[0]?.blockId ?? '', actionId, given);
    }
    // The Slack client does not let a user submit with a required input empty.
    for (const b of view.blocks) {
      if (b['type'] !== 'input' || b['optional'] === true) continue;
      const el = b['element'] as JsonObject;
      const blockId = String(b['block_id']);
      if (isEmptyValue(values[blockId]?.[String(el['action_id'])])) {
        throw new DriverError(`driver: required input "${blockId}" is empty; Slack would not let the user submit`);
      }
    }
    view.state.values = values;

    const triggerId = this.core.mintTrigger(user.id, 'view_submission', view.id);
    const responseUrls: JsonObject[] = [];
    for (const e of elements) {
      if (e.element['response_url_enabled'] !== true) continue;
      const v = values[e.blockId]?.[e.actionId];
      const channelId = v?.['selected_conversation'] ?? v?.['selected_channel'];
      if (typeof channelId === 'string') {
        responseUrls.push({
          block_id: e.blockId,
          action_id: e.actionId,
          channel_id: channelId,
          response_url: this.core.mintResponseUrl('view_submission', channelId, user.id),
        });
      }
    }
    const payload: Record<string, unknown> = {
      type: 'view_submission',
      ...this.common(user),
      trigger_id: triggerId,
      view: publicView(view),
      response_urls: responseUrls,
    };
    const r = await this.postPayload(payload);
    this.checkAck('submitView', r, view.id);
    const result: SubmitViewResult = { ...r, triggerId, payload };
    if (r.status < 200 || r.status >= 300 || r.ackMs > this.options.ackDeadlineMs) return result;
    try {
      const applied = applyViewSubmissionAck(this.core, view, r.body);
      result.responseAction = applied.responseAction;
      if (applied.errors) result.errors = applied.errors;
      if (applied.topView) result.view = applied.topView;
    } catch (err) {
      if (!(err instanceof DriverError)) throw err;
      this.core.violation({ kind: 'invalid_response_action', message: err.message, source: 'driver.submitView', where: view.id });
      if (this.options.throwOnViolation) throw err;
    }
    return result;
  }

  /** The user closes the top modal (Close / X). view_closed is sent only with notify_on_close (§1.3). */
  async closeView(input: { user: string; viewId: string }): Promise<AckResult | undefined> {
    const user = this.user(input.user);
    const view = this.core.state.views.get(input.viewId);
    const stack = this.core.state.modalStacks.get(user.id) ?? [];
    if (!view || !view.open || stack[stack.length - 1] !== view.id) {
      throw new DriverError(`driver: ${input.viewId} is not ${user.id}'s top modal`);
    }
    const cleared = view.clear_on_close;
    closeViews(this.core, user.id, cleared ? [...stack] : [view.id]);
    if (!view.notify_on_close) return undefined;
    const payload = { type: 'view_closed', ...this.common(user), view: publicView(view), is_cleared: cleared };
    const r = await this.postPayload(payload);
    this.checkAck('closeView', r, view.id);
    return r;
  }

  // ---- Events API (§1.4) ------------------------------------------------------------------

  async urlVerification(challenge = randomHex(16)): Promise<AckResult> {
    const body = JSON.stringify({ token: this.core.options.verificationToken, challenge, type: 'url_verification' });
    const r = await this.transport.send({ body, contentType: 'application/json' });
    const echoed = (r.json as Record<string, unknown> | undefined)?.['challenge'];
    if (r.status !== 200 || echoed !== challenge) {
      throw new DriverError(`url_verification: expected 200 {"challenge":"${challenge}"}, got ${r.status} ${r.body}`);
    }
    return r;
  }

  /**
   * Deliver an event in an event_callback envelope. If no 2xx arrives within the ack deadline
   * (http_timeout) or the answer is non-2xx (http_error), Slack redelivers the same envelope up
   * to 3 times with X-Slack-Retry-Num 1..3 (rule 3), unless the bot answered X-Slack-No-Retry: 1.
   */
  async event(
    event: Record<string, unknown>,
    opts: { eventId?: string; retryDelaysMs?: readonly number[]; ackDeadlineMs?: number } = {},
  ): Promise<EventDeliveryResult> {
    const core = this.core;
    const team = core.state.team;
    const eventId = opts.eventId ?? `Ev${randomHex(5).toUpperCase()}`;
    const envelope: Record<string, unknown> = {
      token: core.options.verificationToken,
      team_id: team.id,
      api_app_id: core.state.bot.appId,
      type: 'event_callback',
      event_id: eventId,
      event_time: core.nowSec(),
      event: { event_ts: this.actionTs(), ...event },
      authorizations: [
        { enterprise_id: null, team_id: team.id, user_id: core.botUserId, is_bot: true, is_enterprise_install: false },
      ],
      is_ext_shared_channel: false,
      context_team_id: team.id,
      context_enterprise_id: null,
    };
    const body = JSON.stringify(envelope);
    const deadline = opts.ackDeadlineMs ?? this.options.ackDeadlineMs;
    const delays = opts.retryDelaysMs ?? this.options.eventRetryDelaysMs;
    const attempts: EventAttempt[] = [];
    let reason: string | undefined;
    for (let retryNum = 0; retryNum <= 3; retryNum++) {
      const attempt: EventAttempt = { retryNum, timedOut: false, ...(reason ? { retryReason: reason } : {}) };
      attempts.push(attempt);
      const headers: Record<string, string> = retryNum > 0 ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': reason ?? '' } : {};
      const request = this.transport.send({ body, contentType: 'application/json', headers }).then(
        (r) => {
          attempt.status = r.status;
          attempt.ackMs = r.ackMs;
          return r;
        },
        (err: unknown) => {
          attempt.error = err instanceof Error ? err.message : String(err);
          return undefined;
        },
      );
      // Slack does not wait past the deadline: it retries even if a late answer arrives later.
      const outcome = await Promise.race([request, sleep(deadline).then(() => 'timeout' as const)]);
      if (outcome !== 'timeout' && outcome !== undefined && outcome.status >= 200 && outcome.status < 300) {
        return { eventId, acked: true, attempts, envelope };
      }
      if (outcome === 'timeout') {
        attempt.timedOut = true;
        reason = 'http_timeout';
      } else reason = outcome === undefined ? 'connection_failed' : 'http_error';
      core.violation({
        kind: 'event_not_acked',
        message: `event ${eventId} delivery ${retryNum} failed: ${reason}${outcome && outcome !== 'timeout' ? ` (HTTP ${outcome.status})` : ''}`,
        source: 'driver.event',
        where: String(event['type'] ?? ''),
        detail: { eventId, retryNum, reason },
      });
      if (outcome !== 'timeout' && outcome?.headers['x-slack-no-retry'] === '1') break;
      if (retryNum < 3) await sleep(delays[retryNum] ?? delays[delays.length - 1] ?? 0);
    }
    return { eventId, acked: false, attempts, envelope };
  }

  /** app_home_opened for the Home tab (the bot usually answers with views.publish). */
  appHomeOpened(input: { user: string; tab?: 'home' | 'messages'; eventId?: string }): Promise<EventDeliveryResult> {
    const user = this.user(input.user);
    const im = this.core.ensureIm(user.id);
    const homeId = this.core.state.homeViews.get(user.id);
    const home = homeId ? this.core.state.views.get(homeId) : undefined;
    return this.event(
      { type: 'app_home_opened', user: user.id, channel: im.id, tab: input.tab ?? 'home', ...(home ? { view: publicView(home) } : {}) },
      input.eventId ? { eventId: input.eventId } : {},
    );
  }
}

