import type { webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { Deps } from './deps.js';
import { slackErrorCode } from '../web-api-error.js';
import { getBreach } from '../store/breaches.js';
import { closability, closeBreachRecord, type Closed, type CloseRefusal } from '../store/close.js';
import { appendEvent } from '../store/events.js';
import { getOrgSettings } from '../store/settings.js';
import { refreshCard, type CardRefresher, type CardSlack } from './card.js';
import { republishHomes, type HomePublisher } from './home.js';
import { isUuid } from '../domain/uuid.js';
import type { Breach } from '../domain/breach/entity.js';
import { BOT_ACTOR } from '../domain/timeline/event.js';

/**
 * What the close flow needs from the Slack side (src/slack/slack-side.ts, handed in at wiring time):
 * the words of a refusal and the closing note (src/slack/blocks/close-note.ts), and the card's port.
 */
export interface CloseSlack extends CardSlack {
  closeRefusal(r: CloseRefusal, zone: string): string;
  closeNote(closed: Closed, archive: boolean): { text: string; blocks: KnownBlock[] };
}

/** What closing needs: the bot's deps and the request's Web API client. */
export type CloseContext = Pick<Deps, 'db' | 'config' | 'clock' | 'logger'> & {
  cards: CardRefresher;
  homes: HomePublisher;
  client: webApi.WebClient;
  slack: CloseSlack;
};

/** A close as recorded, and why one was refused: what the Slack side renders. */
export type { Closed, CloseRefusal };

export type CloseCheck = { ok: true; breach: Breach } | { ok: false; message: string };


/**
 * Whether this breach can be closed now: open, with its decision recorded (domain/close.ts). Who may
 * close is the access guard's (src/slack/access/). Checked before the modal opens and again on
 * submit; a refusal explains itself.
 */
export async function checkClose(ctx: CloseContext, breachId: string): Promise<CloseCheck> {
  const breach = isUuid(breachId) ? await getBreach(ctx.db, breachId) : undefined;
  if (!breach) return { ok: false, message: 'That breach no longer exists.' };
  const can = await closability(ctx.db, breach.id, breach);
  return can.ok ? can : { ok: false, message: ctx.slack.closeRefusal(can, ctx.config.timezone) };
}

/** Closes the breach (the guard has checked who asks); only the database is touched, so a submission can call it before its ack. */
export async function closeBreach(
  ctx: CloseContext,
  req: { breachId: string; userId: string; note: string },
): Promise<{ ok: true; closed: Closed } | { ok: false; message: string }> {
  const allowed = await checkClose(ctx, req.breachId);
  if (!allowed.ok) return allowed;
  const res = await closeBreachRecord(ctx.db, { breachId: req.breachId, closedBy: req.userId, note: req.note, now: ctx.clock.now() });
  return res.ok ? { ok: true, closed: res } : { ok: false, message: ctx.slack.closeRefusal(res, ctx.config.timezone) };
}

/** After a close: the card (closed, no buttons), a note in the channel, and the Home tabs. */
export async function announceClose(ctx: CloseContext, closed: Closed): Promise<void> {
  const b = closed.breach;
  await refreshCard(ctx, b.id);
  if (b.channelId) {
    const archive = (await getOrgSettings(ctx.db, ctx.config)).archiveOnClose;
    const note = ctx.slack.closeNote(closed, archive);
    await ctx.client.chat
      .postMessage({ channel: b.channelId, ...note, unfurl_links: false })
      .catch((err) => ctx.logger.warn(`could not announce the close of ${b.reference}: ${slackErrorCode(err)}`));
    if (archive) await archiveChannel(ctx, b);
  }
  await republishHomes(ctx);
}

/** The archive-on-close setting: the channel is archived after the closing note; members can still read it. */
async function archiveChannel(ctx: CloseContext, b: Breach): Promise<void> {
  try {
    await ctx.client.conversations.archive({ channel: b.channelId! });
    await appendEvent(ctx.db, { breachId: b.id, actor: BOT_ACTOR, type: 'channel_archived', data: { channelId: b.channelId } });
  } catch (err) {
    ctx.logger.warn(`could not archive the channel of ${b.reference}: ${slackErrorCode(err)}`);
  }
}
