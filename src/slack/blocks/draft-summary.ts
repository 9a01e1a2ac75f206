import type { KnownBlock } from '@slack/types';
import type { FieldKey, MissingField } from '../../domain/notices/index.js';
import { GAP_PLACES, isFieldKey } from '../../domain/notices/gap-fields.js';
import type { DraftSetSummary } from '../../flows/notices.js';
import { NOTICE_ACTIONS } from '../ids.js';
import { draftLabel, KIND_LABELS, LANG_LABELS } from './draft-messages.js';
import { clip, mention } from './text.js';

/*
 * The message that opens a set of drafts in the card's thread: which drafts, how many gaps each has
 * left, the readability warning, and the reasons-for-delay warning when the deadline has passed.
 * Only fixed texts and counts: the gaps are named by their fixed labels, never by user text.
 */

/** What the summary shows: gathered by the notices flow (flows/notices.ts `draftNotices`). */
export type { DraftSetSummary };

/** Gaps listed as a checklist; the rest are counted (the files carry every [MISSING: …]). */
export const GAPS_SHOWN = 5;

const gapWord = (n: number) => (n === 0 ? 'no gaps' : `${n} ${n === 1 ? 'gap' : 'gaps'}`);

export function draftSummaryMessage(s: DraftSetSummary): { text: string; blocks: KnownBlock[] } {
  const lines = s.drafts.map(({ draft, version }) => {
    const warning = draft.readability.warning ? ` :warning: ${draft.readability.warning}` : '';
    return `• *${KIND_LABELS[draft.kind] ?? draft.kind}* (${LANG_LABELS[draft.lang] ?? draft.lang}) v${version}: ${gapWord(draft.missingCount)}; ${draft.readability.metric} ${draft.readability.score}.${warning}`;
  });
  const versions = [...new Set(s.drafts.map((d) => d.version))].sort((a, b) => a - b).map((v) => `v${v}`).join(', ');
  const headline = s.onRequest
    ? `:memo: ${mention(s.createdBy)} asked for a notice to Datatilsynet (${versions}) although the recorded decision is that Datatilsynet need not be notified. ` +
      'Each draft says so at its top: do not file it unless the decision changes. The full texts are in the files below (and in Slack with *Read full text*).'
    : `:memo: ${mention(s.createdBy)} drafted the notices (${versions}) from what is recorded now. The full texts are in the files below (and in Slack with *Read full text*); the bot drafts, people check and send.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `${headline}\n${lines.join('\n')}` } }];
  if (s.late) {
    const late = s.role === 'processor'
      ? 'the deadline in our contract has passed: tell the controller without undue delay (Art. 33(2)) and say why it is late'
      : 'the deadline has passed, so the notification must give the reasons for the delay (Art. 33(1))';
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `:rotating_light: *Late:* ${late}. The draft has a section for them: record them with *Update facts*.` },
    });
  }
  blocks.push(...gapBlocks(s), readBlock(s));
  const what = s.onRequest ? 'Notice to Datatilsynet drafted on request' : 'Notice drafts';
  return { text: `${s.late ? 'Late: ' : ''}${what} ${versions} posted in this thread`, blocks };
}

/** The value of *Read full text*: the breach (for the access check) and the stored draft. */
export const readDraftValue = (breachId: string, draftId: string) => `${breachId}|${draftId}`;

export function parseReadDraftValue(value: string | undefined): { breachId: string; draftId: string } | null {
  const [breachId, draftId, ...rest] = (value ?? '').split('|');
  return breachId && draftId && rest.length === 0 ? { breachId, draftId } : null;
}

/**
 * *Read full text* (issue 17): a draft's text in a modal, for reading in Slack without opening the
 * file. One draft: a button; several: a menu of them (one action id per block, as Slack requires).
 */
function readBlock(s: DraftSetSummary): KnownBlock {
  const option = (d: DraftSetSummary['drafts'][number]) => ({
    text: { type: 'plain_text' as const, text: clip(draftLabel(d.draft.kind, d.draft.lang, d.version), 75) },
    value: readDraftValue(s.breachId, d.id),
  });
  const only = s.drafts.length === 1 ? s.drafts[0] : undefined;
  const element = only
    ? { type: 'button' as const, action_id: NOTICE_ACTIONS.readDraft, text: { type: 'plain_text' as const, text: 'Read full text' }, value: option(only).value }
    : { type: 'static_select' as const, action_id: NOTICE_ACTIONS.readDraft, placeholder: { type: 'plain_text' as const, text: 'Read full text…' }, options: s.drafts.map(option) };
  return { type: 'actions', block_id: 'draft_read', elements: [element] };
}

/** A button's value holds at most 2,000 characters (slack-rules.md): the gaps that fit, in the checklist's order. */
const VALUE_MAX = 2000;

/** The Fill gaps button's value: the breach and the gaps the checklist names (parseFillGapsValue reads it). */
export function fillGapsValue(breachId: string, gaps: readonly FieldKey[]): string {
  let value = `${breachId}|`;
  for (const [i, g] of gaps.entries()) {
    const next = `${value}${i ? ',' : ''}${g}`;
    if (next.length > VALUE_MAX) break;
    value = next;
  }
  return value;
}

/** The breach and the gaps from a Fill gaps value; names that are not gaps are dropped (the value comes from the client). */
export function parseFillGapsValue(value: string | undefined): { breachId: string; gaps: FieldKey[] } | null {
  const [breachId, list, ...rest] = (value ?? '').split('|');
  if (!breachId || list === undefined || rest.length) return null;
  return { breachId, gaps: [...new Set(list.split(',').filter(isFieldKey))] };
}

/**
 * The gaps of the English drafts (else of the drafts in the one language drafted) as a short
 * checklist with a Fill gaps button: Update facts with those gaps' fields first. The organisation's
 * own details are not facts of the breach: when unset they are one line pointing to the Home tab,
 * where a DPO or admin sets them once for every breach (gap-fields.ts says which gaps those are).
 */
function gapBlocks(s: DraftSetSummary): KnownBlock[] {
  // Slack's surfaces speak English: the English labels when there is an English draft.
  const lang = s.drafts.some((d) => d.draft.lang === 'en') ? 'en' : s.drafts[0]?.draft.lang;
  const all = s.drafts.filter((d) => d.draft.lang === lang).flatMap((d) => d.draft.missing);
  const isSetting = (m: MissingField) => { const place = GAP_PLACES[m.field]; return 'elsewhere' in place && place.elsewhere === 'settings'; };
  const gaps = [...new Map(all.filter((m) => !isSetting(m)).map((m) => [m.field, m.label])).entries()];
  const facts = gaps.map(([, label]) => label);
  const orgUnset = all.some(isSetting);
  const blocks: KnownBlock[] = [];
  if (facts.length) {
    const shown = facts.slice(0, GAPS_SHOWN).map((label) => `:white_square: ${clip(label, 150)}`);
    const more = facts.length > GAPS_SHOWN ? `\n_…and ${facts.length - GAPS_SHOWN} more, marked [MISSING: …] in the files._` : '';
    blocks.push({
      type: 'section',
      block_id: 'draft_gaps',
      text: { type: 'mrkdwn', text: `*Gaps to fill* (${facts.length})\n${shown.join('\n')}${more}` },
      accessory: {
        type: 'button', action_id: NOTICE_ACTIONS.fillGaps, style: 'primary', text: { type: 'plain_text', text: 'Fill gaps' }, value: fillGapsValue(s.breachId, gaps.map(([field]) => field)),
      },
    });
  }
  if (orgUnset) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: ':gear: The organisation and DPO contact details are not set yet: a DPO or admin fills them in once on breachbot\'s Home tab (Settings).' }],
    });
  }
  return blocks;
}
