import type { KnownBlock } from '@slack/types';
import { DEFAULT_LANGUAGES } from '../domain/language.js';
import { noticeFactsFrom } from '../domain/notices/from-breach.js';
import { isDraftable, nextDraftStage, regimeDraftLanguages } from '../domain/regimes/draft-offers.js';
import { draftStage, type RegimeDraft } from '../domain/regimes/drafts.js';
import { REGIMES } from '../domain/regimes/index.js';
import { loadNoticeSource } from '../store/notice-source.js';
import { slackErrorCode } from '../web-api-error.js';
import type { CardContext } from './card.js';
import { regimeClocks } from './regimes.js';
import { fillReporterName } from './reporter-name.js';

/*
 * A regime stage's drafts in the breach thread (issue 16): NIS2's early warning, the report to the
 * ICO, … in each language the authority takes that the organisation drafts in. Built from what the
 * GDPR notices are drafted from (notices/from-breach.ts, the same loading as flows/notices.ts) and
 * the stage clocks the card shows (flows/regimes.ts). Nothing is stored: a draft is rebuilt from the
 * record each time, and posting it changes no state, so there is nothing to write before Slack.
 */

/** What the message carrying a stage's drafts shows: plain data, rendered by the Slack side. */
export interface RegimeDraftSummary {
  breachId: string;
  reference: string;
  regime: string;
  /** "NIS2 (Denmark)". */
  regimeName: string;
  /** "Early warning". */
  stageName: string;
  /** One per language, the authority's own language first. */
  drafts: readonly RegimeDraft[];
  createdBy: string;
}

/** What this flow needs from the Slack side (src/slack/slack-side.ts): the message and each draft's file. */
export interface RegimeDraftsSlack {
  regimeDraftSummary(s: RegimeDraftSummary): { text: string; blocks: KnownBlock[] };
  regimeDraftFile(reference: string, draft: RegimeDraft): { filename: string; title: string; content: string };
}

export type RegimeDraftsContext = CardContext & { slack: RegimeDraftsSlack };

/** Which draft was asked for: a regime, and a stage (the card names its next one; a reminder its own). */
export interface RegimeDraftRequest {
  regime: string;
  stage: string;
}

/** What to tell the person who pressed, only them; null when the thread says it all. */
export type RegimeDraftReply = string | null;

export async function draftRegimeStage(ctx: RegimeDraftsContext, breachId: string, userId: string, want: RegimeDraftRequest): Promise<RegimeDraftReply> {
  await fillReporterName(ctx, breachId);
  const loaded = await loadNoticeSource(ctx.db, breachId);
  if (!loaded) return 'That breach no longer exists.';
  const { breach, source } = loaded;
  if (breach.closedAt) return `${breach.reference} is closed: its reports are part of the record and are not drafted again.`;
  if (!breach.channelId || !breach.cardTs) return `${breach.reference} is still being set up; draft its reports once its card is posted.`;
  const regime = REGIMES.get(want.regime);
  if (!regime || !breach.regimes.includes(regime.id)) return `${breach.reference} has no reports under that regime to draft.`;
  const clocks = await regimeClocks(ctx.db, breach, ctx.clock.now());
  if (!isDraftable(regime, want.stage, clocks)) {
    const next = nextDraftStage(regime, clocks);
    const asked = clocks.find((c) => c.regime === regime.id && c.stage === want.stage);
    const why = asked?.recordedAt ? `the ${asked.name.en.toLowerCase()} is already recorded` : 'that report is not one to draft now';
    return next
      ? `For ${breach.reference}, ${why}: the next ${regime.name.en} report to draft is the ${next.name.en.toLowerCase()} (*Draft* on the card).`
      : `For ${breach.reference}, ${why}, and no other ${regime.name.en} report is left to draft.`;
  }
  const langs = regimeDraftLanguages(regime, (source.languages ?? DEFAULT_LANGUAGES).drafting);
  const drafts = langs.map((lang) => {
    // Facts only a regime asks for are not recorded in Slack yet: each regime reads what it can from
    // the notices' facts (NIS2's suspicion of a malicious act from the recorded cause), the rest are gaps.
    return draftStage(regime, want.stage, { lang, facts: noticeFactsFrom(source, lang), clocks })!;
  });
  const stage = clocks.find((c) => c.regime === regime.id && c.stage === want.stage)!;
  const summary = ctx.slack.regimeDraftSummary({
    breachId: breach.id, reference: breach.reference, regime: regime.id, regimeName: regime.name.en, stageName: stage.name.en, drafts, createdBy: userId,
  });
  try {
    // One thread message with the drafts as Markdown files (as the GDPR drafting round posts).
    await ctx.client.filesUploadV2({
      channel_id: breach.channelId,
      thread_ts: breach.cardTs,
      blocks: summary.blocks,
      file_uploads: drafts.map((d) => ctx.slack.regimeDraftFile(breach.reference, d)),
    });
  } catch (err) {
    ctx.logger.warn(`could not post the ${regime.id} ${want.stage} drafts of ${breach.reference}: ${slackErrorCode(err)}`);
    return `:warning: I could not post the drafts in the thread (${slackErrorCode(err)}). Press the button again to try once more.`;
  }
  return null;
}
