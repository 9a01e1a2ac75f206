import type { KnownBlock } from '@slack/types';
import { REGIMES } from '../../domain/regimes/index.js';
import { recordable } from '../../domain/regimes/breach-regimes.js';
import type { StageClock } from '../../domain/regimes/clocks.js';
import type { Recipient } from '../../domain/regimes/types.js';
import { slackDate } from '../date-token.js';
import { CARD_BLOCKS, REGIME_STAGE } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/*
 * The card's clocks of the reporting regimes other than the GDPR (issue 16): for each regime that
 * applies, every stage with its recipient, due time (a Slack date token) and status. The GDPR lines
 * of the card stay as they were. Nothing here is user text except what the profiles say.
 */

const RECIPIENTS: Record<Exclude<Recipient, 'authority'>, string> = {
  controller: 'the controller',
  data_subjects: 'the people affected',
  service_recipients: 'the recipients of our services',
};

/** The short name on the button: "Record a NIS2 report". */
const SHORT: Record<string, string> = { 'nis2-dk': 'NIS2', 'uk-gdpr': 'ICO' };
export const shortRegimeName = (id: string) => SHORT[id] ?? REGIMES.get(id)?.name.en ?? id;

function recipient(clock: StageClock): string {
  if (clock.to !== 'authority') return RECIPIENTS[clock.to];
  return REGIMES.get(clock.regime)?.authority.name.en ?? 'the authority';
}

/** Status words: pending, met, late, not applicable, or provisional with why. */
export function stageStatus(clock: StageClock, zone: string): string {
  const at = (t: NonNullable<StageClock['recordedAt']>) => slackDate(t, { zone });
  switch (clock.status) {
    case 'met':
      return `:white_check_mark: met: submitted ${at(clock.recordedAt!)}`;
    case 'late':
      return clock.recordedAt ? `:warning: late: submitted ${at(clock.recordedAt)}` : ':rotating_light: late: not recorded';
    case 'not_applicable':
      return `not applicable${clock.note ? `: ${escapeMrkdwn(clock.note)}` : ''}`;
    case 'pending':
      if (clock.provisional) return `provisional: ${escapeMrkdwn(clock.note ?? 'counts from the deadline of the stage before until that one is recorded')}`;
      return clock.dueAt ? 'pending' : `pending${clock.note ? `: ${escapeMrkdwn(clock.note)}` : ''}`;
  }
}

/** One stage: `*Early warning* to <authority>: due <!date…> · pending`. */
export function stageLine(clock: StageClock, zone: string): string {
  const due = clock.dueAt ? `due ${slackDate(clock.dueAt, { zone })}` : 'no fixed due time';
  return `• *${escapeMrkdwn(clock.name.en)}* to ${escapeMrkdwn(recipient(clock))}: ${due} · ${stageStatus(clock, zone)}`;
}

/**
 * A section per regime, then the "Record a … report" button while the breach is open and a stage is
 * left to record. Empty for a breach under the GDPR alone.
 */
export function cardRegimeBlocks(clocks: readonly StageClock[], breachId: string, zone: string, open: boolean): KnownBlock[] {
  const ids = [...new Set(clocks.map((c) => c.regime))];
  const blocks: KnownBlock[] = ids.map((id) => {
    const name = REGIMES.get(id)?.name.en ?? id;
    const lines = clocks.filter((c) => c.regime === id).map((c) => stageLine(c, zone));
    return { type: 'section', block_id: `${CARD_BLOCKS.regimePrefix}${id}`, text: { type: 'mrkdwn', text: [`*${escapeMrkdwn(name)}*`, ...lines].join('\n').slice(0, 3000) } };
  });
  const toRecord = [...new Set(clocks.filter(recordable).map((c) => c.regime))];
  if (open && toRecord.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: CARD_BLOCKS.regimeActions,
      elements: [
        {
          type: 'button',
          action_id: REGIME_STAGE.record,
          text: { type: 'plain_text', text: `Record a ${toRecord.map(shortRegimeName).join(' or ')} report`.slice(0, 75) },
          value: breachId,
        },
      ],
    });
  }
  return blocks;
}
