import type { Logger, webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import { channelNameFor } from '../domain/breach/reference.js';
import { refreshCard, storedCard, type CardRefresher, type CardSlack } from './card.js';
import { republishHomes, type HomePublisher } from './home.js';
import type { OwnMessages } from './own-messages.js';
import { fillReporterName } from './reporter-name.js';

/** Message metadata types of the card, the welcome post and the DPO's DM, so a resumed setup finds what it already posted. */
const CARD_EVENT = 'breachbot_card';
const WELCOME_EVENT = 'breachbot_welcome';
const DPO_DM_EVENT = 'breachbot_dpo_dm';
import { failureLabel, isSlackError, isTransientFailure, slackErrorCode } from '../web-api-error.js';
import { claimSetup, getBreach, recordStep, releaseSetup, setupSteps, updateBreach } from '../store/breaches.js';
import { appendEvent } from '../store/events.js';
import { getOrgSettings } from '../store/settings.js';
import type { Config } from '../config.js';
import type { Breach } from '../domain/breach/entity.js';
import { SETUP_STEPS, type SetupStep, type StepState } from '../domain/breach/setup-steps.js';
import { BOT_ACTOR } from '../domain/timeline/event.js';
import type { OrgSettings } from '../domain/org-settings.js';

/** How a setup went, for the reporter: plain data, worded by the Slack side. */
export interface SetupReport {
  breach: Breach;
  completed: boolean;
  /** Steps that failed and wait for the reporter's Retry. */
  failed: StepState[];
  /** Why a step was left for later (Slack busy, the database restarting); null when none was. */
  deferred: string | null;
  zone: string;
}

/**
 * What setup needs from the Slack side (src/slack/slack-side.ts, handed in at wiring time): the
 * card, welcome, DPO DM and report to the reporter (src/slack/blocks/), a channel's members
 * (membership.ts), a look for an earlier post (own-messages.ts) and a post to a response_url
 * (response-url.ts, which allows only Slack's hosts).
 */
export interface SetupSlack extends CardSlack, OwnMessages {
  welcome(b: Breach, dpoUserIds: readonly string[], zone: string): { text: string; blocks: KnownBlock[] };
  dpoDm(b: Breach, zone: string): { text: string; blocks: KnownBlock[] };
  setupReport(report: SetupReport): { text: string; blocks: KnownBlock[] };
  channelMembers(client: webApi.WebClient, channel: string): Promise<Set<string>>;
  postToResponseUrl(url: string, message: Record<string, unknown>, opts: { apiUrl: string }): Promise<void>;
}

export interface SetupContext {
  db: Db;
  client: webApi.WebClient;
  logger: Logger;
  clock: Clock;
  config: Config;
  botUserId: string;
  /** Who holds the lease while working (one per bot process). */
  owner: string;
  cards: CardRefresher;
  homes: HomePublisher;
  /** The Slack side's renderers and helpers (src/slack/slack-side.ts). */
  slack: SetupSlack;
  /** Paced, never retries by itself, hands a 429 back (reminder-client.ts): for the card post. */
  postOnce: webApi.WebClient;
}

export type SetupOutcome = 'completed' | 'incomplete' | 'busy';

/** Long enough for five Slack calls with their retries; a crashed holder's lease lapses after it. */
const LEASE_MS = 30_000;
const NAME_ATTEMPTS = 10;

/**
 * Builds a declared breach's Slack side, one recorded step at a time: private channel, invitations,
 * topic, breach card, pin. The breach is already stored; this only ever finishes it. A step that
 * is done is skipped, so a retry, a restart or another replica resumes exactly where it stopped.
 */
export async function runSetup(ctx: SetupContext, breachId: string): Promise<SetupOutcome> {
  if (!(await claimSetup(ctx.db, breachId, ctx.owner, LEASE_MS))) return 'busy';
  let completed = false;
  // A step can wait its turn under Slack's rate limits (conversations.create is Tier 2: 20 a
  // minute) for longer than the lease: a live setup keeps renewing it meanwhile.
  let beat: Promise<unknown> = Promise.resolve();
  const heartbeat = setInterval(() => {
    beat = claimSetup(ctx.db, breachId, ctx.owner, LEASE_MS).catch(() => {});
  }, LEASE_MS / 3);
  heartbeat.unref();
  /** Before the lease is released: no renewal may land after it. */
  const stopBeating = async () => {
    clearInterval(heartbeat);
    await beat;
  };
  /** A step that failed for a reason that passes by itself (Slack busy, the database restarting). */
  let deferred: string | null = null;
  try {
    const org = await getOrgSettings(ctx.db, ctx.config);
    for (const step of SETUP_STEPS) {
      const breach = (await getBreach(ctx.db, breachId))!;
      const state = (await setupSteps(ctx.db, breachId)).find((s) => s.step === step)!;
      if (state.status === 'done') continue;
      if (!prerequisitesMet(step, breach)) continue;
      // Renew the lease before each step, so a slow but live setup is never taken over.
      await claimSetup(ctx.db, breachId, ctx.owner, LEASE_MS);
      await recordStep(ctx.db, breachId, step, { status: 'attempt' });
      try {
        const result = await STEPS[step](ctx, breach, org);
        await recordStep(ctx.db, breachId, step, { status: 'done', result });
        await appendEvent(ctx.db, { breachId, actor: BOT_ACTOR, type: `setup_${step}`, data: { result: result ?? null } });
      } catch (err) {
        const code = failureLabel(err);
        if (isTransientFailure(err)) {
          // Slack busy or the database restarting: nobody needs to do anything, so the step stays
          // unfinished (not "failed", which waits for the reporter's Retry) and the sweeper resumes
          // it once this lease lapses (setup-sweeper.ts). Test: test/resilience/pg-restart.test.ts.
          ctx.logger.warn(`setup of breach ${breach.reference}: ${step} failed for now (${code}); it will be resumed`);
          deferred = code;
          break;
        }
        ctx.logger.warn(`setup of breach ${breach.reference}: ${step} failed: ${code}`);
        await recordStep(ctx.db, breachId, step, { status: 'failed', error: code });
        await appendEvent(ctx.db, { breachId, actor: BOT_ACTOR, type: 'setup_step_failed', data: { step, error: code } });
      }
    }
    await fillReporterName(ctx, breachId);
    const steps = await setupSteps(ctx.db, breachId);
    completed = steps.every((s) => s.status === 'done');
    if (completed) await appendEvent(ctx.db, { breachId, actor: BOT_ACTOR, type: 'setup_completed' });
    await stopBeating();
    await releaseSetup(ctx.db, breachId, ctx.owner, completed);
    await afterSetup(ctx, (await getBreach(ctx.db, breachId))!, steps, completed, deferred);
    return completed ? 'completed' : 'incomplete';
  } catch (err) {
    await stopBeating();
    await releaseSetup(ctx.db, breachId, ctx.owner, false).catch(() => {});
    throw err;
  } finally {
    clearInterval(heartbeat);
  }
}

/** A step needs the ones it builds on: nothing without a channel, no pin without a card. */
function prerequisitesMet(step: SetupStep, b: Breach): boolean {
  if (step === 'create_channel') return true;
  if (step === 'pin_card' || step === 'welcome' || step === 'dm_dpo') return Boolean(b.channelId && b.cardTs);
  return Boolean(b.channelId);
}

type StepFn = (ctx: SetupContext, b: Breach, org: OrgSettings) => Promise<Record<string, unknown> | undefined>;

const STEPS: Record<SetupStep, StepFn> = {
  async create_channel(ctx, b) {
    for (let n = 1; n <= NAME_ATTEMPTS; n++) {
      const name = channelNameFor(b.year, b.seq, b.codename, n);
      try {
        const res = await ctx.client.conversations.create({ name, is_private: true });
        const id = res.channel!.id!;
        await updateBreach(ctx.db, b.id, { channelId: id, channelName: name });
        return { channelId: id, name };
      } catch (err) {
        if (!isSlackError(err, 'name_taken')) throw err;
        // A crash after Slack created the channel but before we stored its id leaves our own channel
        // under this name: adopt it rather than make a second one.
        const ours = await findOwnPrivateChannel(ctx, name);
        if (ours) {
          await updateBreach(ctx.db, b.id, { channelId: ours, channelName: name });
          return { channelId: ours, name, adopted: true };
        }
      }
    }
    throw new Error('name_taken');
  },

  async invite(ctx, b, org) {
    const wanted = new Set([b.reporterId, ...b.responderIds, ...org.dpoUserIds]);
    if (org.responderGroupId) {
      const group = await ctx.client.usergroups.users.list({ usergroup: org.responderGroupId });
      for (const u of group.users ?? []) wanted.add(u);
    }
    wanted.delete(ctx.botUserId);
    const members = await ctx.slack.channelMembers(ctx.client, b.channelId!);
    const toInvite = [...wanted].filter((u) => !members.has(u));
    const failed: Array<{ user: string; error: string }> = [];
    // Slack takes up to 100 users per call.
    for (let i = 0; i < toInvite.length; i += 100) {
      const batch = toInvite.slice(i, i + 100);
      try {
        await ctx.client.conversations.invite({ channel: b.channelId!, users: batch.join(',') });
      } catch (err) {
        if (isSlackError(err, 'already_in_channel')) continue;
        if (!isSlackError(err, 'user_not_found', 'cant_invite', 'user_is_restricted', 'ura_max_channels', 'org_user_not_in_team')) throw err;
        // One bad user fails the batch: invite the rest one by one and report who could not be added.
        for (const user of batch) {
          try {
            await ctx.client.conversations.invite({ channel: b.channelId!, users: user });
          } catch (e) {
            if (!isSlackError(e, 'already_in_channel')) failed.push({ user, error: slackErrorCode(e) });
          }
        }
      }
    }
    return { invited: toInvite.filter((u) => !failed.some((f) => f.user === u)), failed };
  },

  async set_topic(ctx, b) {
    await ctx.client.conversations.setTopic({ channel: b.channelId!, topic: topicFor(b, ctx.config.timezone) });
    return undefined;
  },

  async post_card(ctx, b) {
    if (b.cardTs) return { ts: b.cardTs };
    const posted = await postOnce(ctx, b, 'post_card', b.channelId!, CARD_EVENT, async () => ctx.slack.card(await storedCard(ctx, b)));
    await updateBreach(ctx.db, b.id, { cardTs: posted.ts });
    return posted;
  },

  async pin_card(ctx, b) {
    try {
      await ctx.client.pins.add({ channel: b.channelId!, timestamp: b.cardTs! });
    } catch (err) {
      if (!isSlackError(err, 'already_pinned')) throw err;
    }
    return undefined;
  },

  async welcome(ctx, b, org) {
    return postOnce(ctx, b, 'welcome', b.channelId!, WELCOME_EVENT, async () => ctx.slack.welcome(b, org.dpoUserIds, ctx.config.timezone));
  },

  async dm_dpo(ctx, b, org) {
    const sent: string[] = [];
    const failed: Array<{ user: string; error: string }> = [];
    for (const user of org.dpoUserIds.filter((u) => u !== ctx.botUserId)) {
      try {
        const im = (await ctx.client.conversations.open({ users: user })).channel!.id!;
        await postOnce(ctx, b, 'dm_dpo', im, DPO_DM_EVENT, async () => ctx.slack.dpoDm(b, ctx.config.timezone));
        sent.push(user);
      } catch (err) {
        // A DPO who cannot get a DM (deactivated, unknown) is reported, not retried forever; Slack being down is retried.
        if (!isSlackError(err, 'user_not_found', 'user_disabled', 'cannot_dm_bot', 'user_not_visible', 'channel_not_found', 'not_allowed_token_type')) throw err;
        failed.push({ user, error: slackErrorCode(err) });
      }
    }
    return { sent, failed };
  },
};

/**
 * Posts a setup message exactly once: a retried step (a crash, a Retry) first looks for the message
 * an earlier attempt may have posted, and a 5xx or timeout is retried only after looking again,
 * since Slack may have posted it without answering. Messages carry `eventType` and the breach id.
 */
async function postOnce(
  ctx: SetupContext,
  b: Breach,
  step: SetupStep,
  channel: string,
  eventType: string,
  render: () => Promise<{ text: string; blocks: KnownBlock[] }>,
): Promise<{ ts: string; adopted?: true }> {
  const attempts = (await setupSteps(ctx.db, b.id)).find((s) => s.step === step)?.attempts ?? 0;
  const earlier = attempts > 1 ? await ctx.slack.findOwnMessage(ctx.client, channel, eventType, b.id) : null;
  if (earlier) return { ts: earlier, adopted: true };
  const message = await render();
  const client = ctx.postOnce;
  const started = Date.now();
  let failures = 0;
  for (;;) {
    try {
      const res = await client.chat.postMessage({ channel, ...message, unfurl_links: false, metadata: { event_type: eventType, event_payload: { breach_id: b.id } } });
      return { ts: res.ts! };
    } catch (err) {
      const limited = (err as { code?: string }).code === 'slack_webapi_rate_limited_error';
      if (!limited) failures += 1;
      const delayMs = cardRetryDelayMs(err, failures, Date.now() - started);
      if (delayMs === null) throw err;
      // Keep the setup's lease while waiting, so no other replica takes the step over meanwhile.
      await claimSetup(ctx.db, b.id, ctx.owner, LEASE_MS + delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      // A 429 means Slack did not post it; a 5xx or a timeout may come after it did: look before posting again.
      if (limited) continue;
      const posted = await ctx.slack.findOwnMessage(ctx.client, channel, eventType, b.id);
      if (posted) return { ts: posted, adopted: true };
    }
  }
}

/**
 * The card is posted with a client that never retries by itself (ctx.postOnce): the listeners' client retries
 * 5xx and timeouts blindly, which posts a second card when Slack posted the first but failed to
 * answer. post_card retries instead (cardRetryDelayMs), looking for the card first.
 */

const CARD_POST_ATTEMPTS = 5;
/**
 * How long a setup post keeps waiting out 429s. Many breaches declared at once all DM the same DPO,
 * and Slack takes about one message a second per conversation: waiting is right, failing is not.
 */
const RATE_LIMIT_PATIENCE_MS = 120_000;

/**
 * Wait before another setup post: Retry-After on a 429 (for up to RATE_LIMIT_PATIENCE_MS in all),
 * 0.25–2 s after a 5xx or a network error (five failures at most); null: give up.
 */
function cardRetryDelayMs(err: unknown, failures: number, waitedMs: number): number | null {
  const e = err as { code?: string; retryAfter?: number; statusCode?: number } | null;
  if (e?.code === 'slack_webapi_rate_limited_error') return waitedMs < RATE_LIMIT_PATIENCE_MS ? Math.max(1, e.retryAfter ?? 1) * 1000 : null;
  if (failures >= CARD_POST_ATTEMPTS) return null;
  if (e?.code === 'slack_webapi_request_error' || (e?.code === 'slack_webapi_http_error' && (e.statusCode ?? 0) >= 500)) {
    return Math.min(2000, 250 * 2 ** (failures - 1));
  }
  return null;
}

/** The topic carries no personal data: reference, deadline and a reminder of the channel's privacy. */
export function topicFor(b: Breach, zone: string): string {
  // en-GB, as in the <!date> fallbacks (date-token.ts): "CET"/"CEST", never "GMT+1".
  const deadline = DateTime.fromJSDate(b.deadlineAt).setZone(zone).setLocale('en-GB').toFormat('ccc d LLL yyyy HH:mm ZZZZ');
  return `${b.reference} · ${b.role === 'processor' ? 'tell the controller' : 'notify Datatilsynet'} by ${deadline} · private breach channel`;
}

async function findOwnPrivateChannel(ctx: SetupContext, name: string): Promise<string | null> {
  let cursor: string | undefined;
  do {
    const res = await ctx.client.conversations.list({ types: 'private_channel', limit: 200, exclude_archived: true, ...(cursor ? { cursor } : {}) });
    const hit = res.channels?.find((c) => c.name === name && c.creator === ctx.botUserId);
    if (hit?.id) return hit.id;
    cursor = res.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return null;
}

/** Tells the reporter how setup went and keeps the card's "setup incomplete" notice current. */
async function afterSetup(ctx: SetupContext, b: Breach, steps: StepState[], completed: boolean, deferred: string | null = null): Promise<void> {
  const zone = ctx.config.timezone;
  // The card was posted without a failure notice; it only needs updating if one was shown.
  const cardMayBeStale = !completed || steps.some((s) => s.attempts > 1);
  if (cardMayBeStale) await refreshCard(ctx, b.id);
  const failed = steps.filter((s) => s.status === 'failed');
  const { text, blocks } = ctx.slack.setupReport({ breach: b, completed, failed, deferred, zone });
  await notifyReporter(ctx, b, text, blocks);
  // A new open breach: the Home tabs people keep open should list it.
  if (completed) await republishHomes(ctx);
}

async function notifyReporter(ctx: SetupContext, b: Breach, text: string, blocks: unknown[]): Promise<void> {
  // Where /breach was typed, the reply lands there as an ephemeral message; otherwise in a DM.
  // The stored URL is posted only to Slack's hosts, with a timeout (response-url.ts).
  if (b.replyUrl) {
    const message = { response_type: 'ephemeral', replace_original: false, text, blocks };
    const posted = await ctx.slack.postToResponseUrl(b.replyUrl, message, { apiUrl: ctx.config.slack.apiUrl }).then(
      () => true,
      (err: unknown) => (ctx.logger.warn(`could not reply to the reporter of ${b.reference} where they typed /breach: ${(err as Error).message}`), false),
    );
    if (posted) return;
  }
  await ctx.client.chat.postMessage({ channel: b.reporterId, text, blocks: blocks as never }).catch((err) => {
    ctx.logger.warn(`could not tell the reporter of ${b.reference}: ${slackErrorCode(err)}`);
  });
}
