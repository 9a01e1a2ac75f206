import type { KnownBlock } from '@slack/types';
import type { NoticeDraft } from '../../domain/notices/index.js';
import { draftLabel, KIND_LABELS, LANG_LABELS } from './draft-messages.js';
import { clip, mention } from './text.js';

/*
 * The message that opens a set of drafts in the card's thread: which drafts, how many gaps each has
 * left, the readability warning, and the reasons-for-delay warning when the deadline has passed.
 * Only fixed texts and counts: the gaps are named by their fixed labels, never by user text.
 */

export interface DraftSetSummary {
  drafts: ReadonlyArray<{ draft: NoticeDraft; version: number }>;
  createdBy: string;
  late: boolean;
  role: string;
}

const gapWord = (n: number) => (n === 0 ? 'no gaps' : `${n} ${n === 1 ? 'gap' : 'gaps'}`);

export function draftSummaryMessage(s: DraftSetSummary): { text: string; blocks: KnownBlock[] } {
  const lines = s.drafts.map(({ draft, version }) => {
    const warning = draft.readability.warning ? ` :warning: ${draft.readability.warning}` : '';
    return `• *${KIND_LABELS[draft.kind] ?? draft.kind}* (${LANG_LABELS[draft.lang] ?? draft.lang}) v${version}: ${gapWord(draft.missingCount)}; ${draft.readability.metric} ${draft.readability.score}.${warning}`;
  });
  const versions = [...new Set(s.drafts.map((d) => d.version))].sort((a, b) => a - b).map((v) => `v${v}`).join(', ');
  const headline = `:memo: ${mention(s.createdBy)} drafted the notices (${versions}) from what is recorded now. The bot drafts; people check and send.`;
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
  // The English gap labels when there is an English draft (the Slack surfaces speak English), else the Danish.
  const english = s.drafts.find((d) => d.draft.lang === 'en' && d.draft.missingCount > 0) ?? s.drafts.find((d) => d.draft.missingCount > 0);
  if (english) {
    const labels = english.draft.missing.map((m) => m.label);
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(`Gaps show as [MISSING: …] / [MANGLER: …]. In ${draftLabel(english.draft.kind, english.draft.lang, english.version)}: ${labels.join('; ')}. Fill them with *Update facts* and draft again.`, 2900) }],
    });
  }
  return { text: `${s.late ? 'Late: ' : ''}Notice drafts ${versions} posted in this thread`, blocks };
}
