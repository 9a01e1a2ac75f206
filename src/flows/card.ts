import type { Logger, webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import type { Progress } from '../domain/breach/progress.js';
import type { StepState } from '../domain/breach/setup-steps.js';
import type { RiskSummary } from '../domain/decision.js';
import type { NoticeCardSummary } from './notice-card.js';
import type { StageClock } from '../domain/regimes/clocks.js';
import { slackErrorCode } from '../web-api-error.js';
import { getBreach, setupSteps } from '../store/breaches.js';
import type { Config } from '../config.js';
import { breachStanding } from './progress.js';
import { regimeDecisions, type RegimeDecisionsView } from './regime-decisions.js';
import { regimeClocks } from './regimes.js';
import { Coalescer } from './coalescer.js';
import type { Breach } from '../domain/breach/entity.js';

/** What the card shows: plain data, gathered here from the database and rendered by the Slack side. */
export interface CardInput {
  breach: Breach;
  steps: StepState[];
  now: DateTime;
  zone: string;
  /** Where the breach stands and what comes next (domain/breach/progress.ts). */
  progress: Progress;
  /** Who decides: the DPO users (the breach lead is on the breach). */
  dpoUserIds: string[];
  /** The latest risk assessment and the decision in force (flow 3); absent until assessed. */
  risk?: RiskSummary | null;
  /** Drafts and what was sent (flows 5 and 6); absent until there is something to show. */
  notices?: NoticeCardSummary | null;
  /** The clocks of the regimes other than the GDPR that apply (issue 16); absent or empty for a GDPR-only breach. */
  regimeClocks?: readonly StageClock[];
  /** The regime decisions made since the declaration (NIS2 significance, § 15, requests); null when the settings ask none. */
  regimeDecisions?: RegimeDecisionsView | null;
}

/**
 * What the card flow needs from the Slack side (src/slack/slack-side.ts, handed in at wiring time
 * so that flows import no Slack code): the card as a message (src/slack/blocks/breach-card.ts).
 */
export interface CardSlack {
  card(input: CardInput): { text: string; blocks: KnownBlock[] };
}

/** What rendering and updating a card needs. */
export interface CardUpdateContext {
  db: Db;
  client: webApi.WebClient;
  clock: Clock;
  logger: Pick<Logger, 'warn'>;
  config: Pick<Config, 'timezone' | 'seeds'>;
  slack: CardSlack;
}

/** What a flow that changes a breach needs to have its card refreshed. */
export interface CardContext extends CardUpdateContext {
  cards: CardRefresher;
}

/**
 * Keeps each breach's card showing what is stored, within chat.update's Tier 3 limit: at most one
 * update per card in flight and one waiting (coalescer.ts), the waiting one rendered from the
 * database only when it starts, so the latest state is always the one that lands. One per process.
 */
export class CardRefresher {
  private readonly coalescer: Coalescer<string>;

  /**
   * `turn` waits for chat.update's pace and then runs the update: the card is rendered only when
   * Slack will take it, so a refresh that waited its turn shows every change made meanwhile.
   * `ctx.client` must not pace chat.update again, and should send a 429 again after Retry-After
   * (web-client.ts cardClient).
   */
  constructor(ctx: CardUpdateContext, turn: <T>(update: () => Promise<T>) => Promise<T>) {
    this.coalescer = new Coalescer((breachId, reading) => turn(() => updateCard(ctx, breachId, reading)));
  }

  /** Resolves once a render read after this call has been sent (or has failed and been logged). */
  refresh(breachId: string): Promise<void> {
    return this.coalescer.request(breachId);
  }

  drain(timeoutMs?: number): Promise<void> {
    return this.coalescer.drain(timeoutMs);
  }
}

/**
 * Re-renders a breach's card from the database and updates it in place. Called after every state
 * change has been written, so the card always shows what is stored. A failure is logged, not
 * thrown: the change itself is safe, and the next update (or a reminder) brings the card up to date.
 */
export function refreshCard(ctx: Pick<CardContext, 'cards'>, breachId: string): Promise<void> {
  return ctx.cards.refresh(breachId);
}

async function updateCard(ctx: CardUpdateContext, breachId: string, reading: () => void = () => {}): Promise<void> {
  try {
    reading();
    const breach = await getBreach(ctx.db, breachId);
    if (!breach?.channelId || !breach.cardTs) return;
    const card = ctx.slack.card(await storedCard(ctx, breach));
    try {
      await ctx.client.chat.update({ channel: breach.channelId, ts: breach.cardTs, ...card });
    } catch (err) {
      ctx.logger.warn(`could not update the card of ${breach.reference}: ${slackErrorCode(err)}`);
    }
  } catch (err) {
    ctx.logger.warn(`could not render the card of breach ${breachId}: ${(err as Error).message}`);
  }
}

/**
 * The card as the database says it should look now, as plain data (the Slack side renders it): the
 * one place that gathers what it shows.
 */
export async function storedCard(ctx: Pick<CardContext, 'db' | 'clock' | 'config'>, breach: Breach): Promise<CardInput> {
  const now = ctx.clock.now();
  const [steps, { risk, notices, org, progress }, clocks, decisions] = await Promise.all([
    setupSteps(ctx.db, breach.id),
    breachStanding(ctx.db, ctx.config, breach, now),
    regimeClocks(ctx.db, breach, now),
    regimeDecisions(ctx, breach, now),
  ]);
  // A regime decided not to apply still shows, every stage not applicable with why.
  const regimeClocksShown = [...clocks, ...(decisions?.declinedClocks ?? [])];
  return { breach, steps, risk, notices, progress, dpoUserIds: org.dpoUserIds, now, zone: ctx.config.timezone, regimeClocks: regimeClocksShown, regimeDecisions: decisions };
}
