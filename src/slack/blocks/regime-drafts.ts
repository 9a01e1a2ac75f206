import type { KnownBlock } from '@slack/types';
import type { Language } from '../../domain/language.js';
import { isFieldKey } from '../../domain/notices/gap-fields.js';
import { nextDraftStage } from '../../domain/regimes/draft-offers.js';
import type { StageClock } from '../../domain/regimes/clocks.js';
import type { RegimeDraft } from '../../domain/regimes/drafts.js';
import { REGIMES } from '../../domain/regimes/index.js';
import type { RegimeDraftSummary } from '../../flows/regime-drafts.js';
import { NOTICE_ACTIONS, REGIME_DRAFT } from '../ids.js';
import { shortRegimeName } from './card-regimes.js';
import { fillGapsValue, GAPS_SHOWN } from './draft-summary.js';
import { LANG_LABELS } from './draft-messages.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { clip, mention, userText } from './text.js';

/*
 * A regime stage's drafts in Slack (issue 16): the *Draft …* buttons on the card and on a regime
 * reminder, and the thread message that carries the drafts as Markdown files with their gaps. Only
 * profile words, counts and fixed gap labels here: the team's text is in the files, never in mrkdwn.
 */

/** The value of *Draft …*: the breach (for the access check), the regime and the stage. */
export const regimeDraftValue = (breachId: string, regime: string, stage: string) => `${breachId}|${regime}|${stage}`;

export function parseRegimeDraftValue(value: string | undefined): { breachId: string; regime: string; stage: string } | null {
  const [breachId, regime, stage, ...rest] = (value ?? '').split('|');
  return breachId && regime && stage && rest.length === 0 ? { breachId, regime, stage } : null;
}

/** The button's words: "Draft NIS2 early warning"; "Draft report to the ICO" (the stage's name already says whose). */
export function regimeDraftLabel(clock: StageClock): string {
  const short = shortRegimeName(clock.regime);
  const stage = clock.name.en.charAt(0).toLowerCase() + clock.name.en.slice(1);
  return clip(clock.name.en.includes(short) ? `Draft ${stage}` : `Draft ${short} ${stage}`, 75);
}

export function regimeDraftButton(breachId: string, clock: StageClock) {
  return {
    type: 'button' as const,
    action_id: REGIME_DRAFT.draft,
    text: { type: 'plain_text' as const, text: regimeDraftLabel(clock) },
    value: regimeDraftValue(breachId, clock.regime, clock.stage),
  };
}

/**
 * The card's *Draft …* buttons: one actions block per regime with a stage left to draft (its next
 * one), while the breach is open. Kept apart from the regime sections (card-regimes.ts).
 */
export function cardRegimeDraftBlocks(clocks: readonly StageClock[], breachId: string, open: boolean): KnownBlock[] {
  if (!open) return [];
  const ids = [...new Set(clocks.map((c) => c.regime))];
  return ids.flatMap((id): KnownBlock[] => {
    const regime = REGIMES.get(id);
    const next = regime ? nextDraftStage(regime, clocks) : null;
    return next ? [{ type: 'actions', block_id: `${REGIME_DRAFT.cardBlockPrefix}${id}`, elements: [regimeDraftButton(breachId, next)] }] : [];
  });
}

/** A draft's file in the thread: `BR-2026-0001-nis2-dk-early-warning-da.md`, titled "NIS2 (Denmark): Early warning (Danish)". */
export function regimeDraftFile(reference: string, draft: RegimeDraft): { filename: string; title: string; content: string } {
  return {
    filename: `${reference}-${draft.regime}-${draft.stage.replaceAll('_', '-')}-${draft.lang}.md`,
    title: clip(`${draft.title} (${LANG_LABELS[draft.lang] ?? draft.lang})`, 250),
    content: draft.markdown,
  };
}

const gapWord = (n: number) => (n === 0 ? 'no gaps' : `${n} ${n === 1 ? 'gap' : 'gaps'}`);

/**
 * The thread message: who drafted which stage, each language with its gap count, then the gaps (of
 * the English draft when there is one: Slack speaks English) as a checklist. Gaps in the breach's
 * facts get a Fill gaps button (Update facts at those fields); the facts only the regime asks for
 * cannot be recorded in Slack yet, and the message says so.
 */
export function regimeDraftSummaryMessage(s: RegimeDraftSummary): { text: string; blocks: KnownBlock[] } {
  const what = `the ${escapeMrkdwn(s.regimeName)} ${escapeMrkdwn(s.stageName.toLowerCase())}`;
  const lines = s.drafts.map((d) => `• *${LANG_LABELS[d.lang] ?? d.lang}*: ${gapWord(d.missingCount)}`);
  const headline = `:memo: ${mention(s.createdBy)} drafted ${what} from what is recorded now. The full texts are in the files below; the bot drafts, people check and file.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `${headline}\n${lines.join('\n')}` } }];
  const lang: Language | undefined = s.drafts.some((d) => d.lang === 'en') ? 'en' : s.drafts[0]?.lang;
  const missing = [...new Map(s.drafts.filter((d) => d.lang === lang).flatMap((d) => d.missing).map((m) => [m.field, m.label])).entries()];
  if (missing.length > 0) {
    const shown = missing.slice(0, GAPS_SHOWN).map(([, label]) => `:white_square: ${userText(label, 150)}`);
    const more = missing.length > GAPS_SHOWN ? `\n_…and ${missing.length - GAPS_SHOWN} more, marked in the files._` : '';
    const fillable = missing.map(([field]) => field).filter(isFieldKey);
    const gaps: KnownBlock = {
      type: 'section',
      block_id: 'regime_draft_gaps',
      text: { type: 'mrkdwn', text: `*Gaps to fill* (${missing.length})\n${shown.join('\n')}${more}` },
    };
    if (fillable.length > 0) {
      gaps.accessory = { type: 'button', action_id: NOTICE_ACTIONS.fillGaps, style: 'primary', text: { type: 'plain_text', text: 'Fill gaps' }, value: fillGapsValue(s.breachId, fillable) };
    }
    blocks.push(gaps);
    if (fillable.length < missing.length) {
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `Some gaps are facts only ${escapeMrkdwn(s.regimeName)} asks for: Update facts does not ask them yet, so fill them in the draft before filing.` }],
      });
    }
  }
  return { text: `Draft of the ${s.regimeName} ${s.stageName.toLowerCase()} posted in this thread`, blocks };
}
