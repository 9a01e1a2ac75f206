import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { userText } from '../blocks/text.js';
import { slackDate } from '../date-token.js';
import type { BackupStatus } from '../../domain/backup-status.js';

/** The DPO's line about backups on the Home: when the last good one was made, and a failure since. */
export function backupBlocks(status: BackupStatus, zone: string): KnownBlock[] {
  const when = (d: Date) => slackDate(DateTime.fromJSDate(d, { zone: 'utc' }), { zone });
  const good = status.lastGood ? `Last backup: ${when(status.lastGood.at)}.` : 'No backup has been made yet.';
  const failed = status.lastFailure
    ? `\n:warning: *The last backup failed* (${when(status.lastFailure.at)}): ${userText(status.lastFailure.error, 300)}`
    : '';
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: `:floppy_disk: ${good}${failed}` }] }];
}
