/**
 * The emulated workspace. Plain data so tests can inspect it (`slack.state`); only the emulator
 * mutates it. Shapes follow what Slack returns (§4.1, §4.2) plus emulator-only bookkeeping
 * (edit history, who opened which view, how each response_url was used).
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface EmulatedUser {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  is_admin: boolean;
  is_owner: boolean;
  is_bot: boolean;
  deleted: boolean;
  /** IANA zone; users.info derives tz_label / tz_offset (seconds) from it (§4.2). */
  tz: string;
  email?: string;
  bot_id?: string;
  app_id?: string;
}

export interface EmulatedUserGroup {
  id: string;
  team_id: string;
  handle: string;
  name: string;
  users: string[];
  is_disabled: boolean;
}

export interface TopicOrPurpose {
  value: string;
  creator: string;
  last_set: number;
}

export interface PinRecord {
  ts: string;
  pinned_by: string;
  created: number;
}

export interface BookmarkRecord {
  id: string;
  channel_id: string;
  title: string;
  link: string;
  emoji: string | null;
  type: string;
  date_created: number;
  created_by: string;
}

export interface EmulatedChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_im: boolean;
  is_mpim: boolean;
  is_general: boolean;
  is_archived: boolean;
  created: number;
  creator: string;
  members: string[];
  topic: TopicOrPurpose;
  purpose: TopicOrPurpose;
  /** For DMs: the human on the other side. */
  user?: string;
  pins: PinRecord[];
  bookmarks: BookmarkRecord[];
}

export interface MessageVersion {
  text: string;
  blocks?: JsonObject[];
  /** Emulator clock (ms) when this version was replaced. */
  replacedAt: number;
}

export type MessageSource = 'api' | 'seed' | 'scheduled' | 'response_url' | 'ack' | 'file_share';

export interface EmulatedMessage {
  type: 'message';
  channel: string;
  ts: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  subtype?: string;
  text: string;
  /** Stored as Slack would return them: with generated block_id/action_id where the app left them out. */
  blocks?: JsonObject[];
  attachments?: JsonObject[];
  metadata?: JsonObject;
  thread_ts?: string;
  reply_broadcast?: boolean;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  edited?: { user: string; ts: string };
  files?: string[];
  /** Previous versions, oldest first (chat.update / replace_original keep the history). */
  history: MessageVersion[];
  deleted: boolean;
  source: MessageSource;
  /** Emulator clock (ms) when posted. */
  postedAt: number;
  /** Current values of stateful elements in this message (block_actions carry them, §1.3). */
  stateValues: Record<string, Record<string, JsonObject>>;
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: JsonObject[];
  thread_ts?: string;
  source: 'api' | 'response_url' | 'ack';
  deleted: boolean;
  postedAt: number;
}

/** What the app defines of a view (validated by view-validation.ts). */
export interface ViewDefinition {
  type: 'modal' | 'home';
  title?: JsonObject;
  submit?: JsonObject;
  close?: JsonObject;
  blocks: JsonObject[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  submit_disabled: boolean;
}

export interface EmulatedView extends ViewDefinition {
  id: string;
  team_id: string;
  /** The user the view is shown to. */
  user: string;
  hash: string;
  root_view_id: string | null;
  previous_view_id: string | null;
  app_id: string;
  bot_id: string;
  app_installed_team_id: string;
  state: { values: Record<string, Record<string, JsonObject>> };
  /** Emulator-only: false once the view was closed (ack, clear, close button). */
  open: boolean;
  /** Emulator-only: the errors of the last `response_action: errors` ack, shown under inputs. */
  errors?: Record<string, string>;
  /** Emulator-only: how many times the view was replaced (views.update / response_action update). */
  updates: number;
}

export interface EmulatedFile {
  id: string;
  name: string;
  title: string;
  length: number;
  alt_text?: string;
  snippet_type?: string;
  uploaded?: Buffer;
  completed: boolean;
  channels: string[];
  thread_ts?: string;
  created: number;
}

export interface ScheduledMessage {
  id: string;
  channel: string;
  post_at: number;
  date_created: number;
  text: string;
  blocks?: JsonObject[];
  thread_ts?: string;
  reply_broadcast?: boolean;
  status: 'pending' | 'sent' | 'deleted' | 'failed';
  /** ts of the message once posted. */
  postedTs?: string;
  failure?: string;
}

export interface ResponseUrlRecord {
  id: string;
  url: string;
  kind: 'slash_command' | 'block_actions' | 'message_action' | 'view_submission';
  channel: string;
  user: string;
  createdAt: number;
  uses: number;
  /** For message surfaces: the message whose buttons produced this url (replace/delete_original). */
  original?: { channel: string; ts: string; ephemeral: boolean };
  /** The last ephemeral posted through this url, so replace_original can replace it. */
  lastEphemeralTs?: string;
}

export interface ResponseUrlPost {
  responseUrlId: string;
  /** The JSON payload exactly as the bot posted it. */
  body: Record<string, unknown>;
  at: number;
  status: number;
  error?: string;
  response_type: 'ephemeral' | 'in_channel';
  replace_original: boolean;
  delete_original: boolean;
  text?: string;
  blocks?: JsonObject[];
  thread_ts?: string;
}

export interface TriggerRecord {
  id: string;
  user: string;
  issuedAt: number;
  used: boolean;
  /** The view the interaction came from, when it came from a modal (views.push needs one). */
  viewId?: string;
  source: string;
}

export interface EmulatorStateData {
  team: { id: string; name: string; domain: string };
  bot: { userId: string; botId: string; appId: string; name: string };
  users: Map<string, EmulatedUser>;
  usergroups: Map<string, EmulatedUserGroup>;
  channels: Map<string, EmulatedChannel>;
  /** All messages per channel, including replies and deleted ones, in posting order. */
  messages: Map<string, EmulatedMessage[]>;
  ephemerals: EphemeralMessage[];
  views: Map<string, EmulatedView>;
  /** Modal stacks per user, bottom first (§2.1: at most 3). */
  modalStacks: Map<string, string[]>;
  homeViews: Map<string, string>;
  files: Map<string, EmulatedFile>;
  scheduled: Map<string, ScheduledMessage>;
  responseUrls: Map<string, ResponseUrlRecord>;
  responseUrlPosts: ResponseUrlPost[];
  triggers: Map<string, TriggerRecord>;
}

/** Read-only view of the state handed to tests. */
export type DeepReadonly<T> = T extends Buffer
  ? Buffer
  : T extends (infer R)[]
    ? ReadonlyArray<DeepReadonly<R>>
    : T extends Map<infer K, infer V>
      ? ReadonlyMap<K, DeepReadonly<V>>
      : T extends object
        ? { readonly [P in keyof T]: DeepReadonly<T[P]> }
        : T;

export type ReadonlyState = DeepReadonly<EmulatorStateData>;
