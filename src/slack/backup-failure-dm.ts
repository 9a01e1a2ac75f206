import { resolve } from 'node:path';
import type { Logger, webApi } from '@slack/bolt';
import { slackErrorCode } from '../web-api-error.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** The DM the DPO users get when a scheduled backup fails. */
export async function reportBackupFailure(
  client: webApi.WebClient,
  dpoUserIds: readonly string[],
  dir: string,
  message: string,
  logger: Logger,
): Promise<void> {
  const text =
    `:warning: *breachbot's scheduled backup failed*: ${escapeMrkdwn(message)}\n` +
    `Backups go to \`${escapeMrkdwn(resolve(dir))}\` (BREACHBOT_BACKUP_DIR). Until one succeeds, the register has no fresh copy: ` +
    'check the folder and the bot\'s log, or run `npm run backup` by hand. The App Home shows the last good backup.';
  for (const user of dpoUserIds) {
    await client.chat.postMessage({ channel: user, text }).catch((err) => logger.error(`could not tell ${user} about the failed backup: ${slackErrorCode(err)}`));
  }
}
