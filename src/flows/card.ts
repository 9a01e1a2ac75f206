import type { Logger, webApi } from '@slack/bolt';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import { renderBreachCard } from '../slack/blocks/breach-card.js';
import { slackErrorCode } from '../slack/web-api-error.js';
import { getBreach, setupSteps, type Breach } from '../store/breaches.js';
import type { Config } from '../config.js';
import { breachStanding } from './progress.js';

export interface CardContext {
  db: Db;
  client: webApi.WebClient;
  clock: Clock;
  logger: Pick<Logger, 'warn'>;
  config: Pick<Config, 'timezone' | 'seeds'>;
}

/**
 * Re-renders a breach's card from the database and updates it in place. Called after every state
 * change has been written, so the card always shows what is stored. A failure is logged, not
 * thrown: the change itself is safe, and the next update (or a reminder) brings the card up to date.
 */
export async function refreshCard(ctx: CardContext, breachId: string): Promise<void> {
  const breach = await getBreach(ctx.db, breachId);
  if (!breach?.channelId || !breach.cardTs) return;
  const card = await storedCard(ctx, breach);
  try {
    await ctx.client.chat.update({ channel: breach.channelId, ts: breach.cardTs, ...card });
  } catch (err) {
    ctx.logger.warn(`could not update the card of ${breach.reference}: ${slackErrorCode(err)}`);
  }
}

/** The card as the database says it should look now: the one place that gathers what it shows. */
export async function storedCard(ctx: Pick<CardContext, 'db' | 'clock' | 'config'>, breach: Breach): Promise<ReturnType<typeof renderBreachCard>> {
  const now = ctx.clock.now();
  const [steps, { risk, notices, org, progress }] = await Promise.all([setupSteps(ctx.db, breach.id), breachStanding(ctx.db, ctx.config, breach, now)]);
  return renderBreachCard({ breach, steps, risk, notices, progress, dpoUserIds: org.dpoUserIds, now, zone: ctx.config.timezone });
}
