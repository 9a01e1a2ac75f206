import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { SetupReport } from '../../flows/declare-setup.js';
import { slackDate } from '../date-token.js';
import { ACTIONS } from '../ids.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { stepLabel } from './breach-card.js';

/**
 * What the reporter is told after setup (flows/declare-setup.ts): declared, with the channel and
 * the deadline; or saved with its setup left for later, or failed steps and a Retry setup button.
 */
export function renderSetupReport({ breach: b, completed, failed, deferred, zone }: SetupReport): { text: string; blocks: KnownBlock[] } {
  const deadline = slackDate(DateTime.fromJSDate(b.deadlineAt, { zone: 'utc' }), { zone });
  const text = completed
    ? `:white_check_mark: ${b.reference} is declared. Work on it in <#${b.channelId}>. Deadline: ${deadline}.`
    : failed.length === 0 && deferred !== null
      ? `:hourglass_flowing_sand: ${b.reference} is saved, but its setup is incomplete for now: Slack or the database did not answer ` +
        `(${escapeMrkdwn(deferred)}). Nothing is lost: I finish it by myself within a minute, or press *Retry setup* to try now.`
      : `:warning: ${b.reference} is saved, but its setup is incomplete: ${
          failed.map((s) => `could not ${stepLabel(s.step)} (${escapeMrkdwn(s.lastError ?? 'error')})`).join('; ') || 'some steps are still pending'
        }. Nothing is lost; press *Retry setup* to finish it.`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text } },
    ...(completed
      ? []
      : [{ type: 'actions' as const, elements: [{ type: 'button' as const, action_id: ACTIONS.retrySetup, value: b.id, text: { type: 'plain_text' as const, text: 'Retry setup' } }] }]),
  ];
  return { text, blocks };
}
