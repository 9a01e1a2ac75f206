import type { webApi } from '@slack/bolt';
import { buildRegisterFiles, recordRegisterExport, type RegisterContext, type RegisterFiles } from '../flows/register.js';
import { slackDate } from './date-token.js';

/**
 * Sends the register to the person who asked, in their DM with the bot (conversations.open, then
 * files upload v2): never in a channel, since it describes every breach. The export is then recorded
 * as an event of its own (flows/register.ts).
 */
export async function sendRegister(ctx: RegisterContext & { client: webApi.WebClient }, userId: string): Promise<RegisterFiles> {
  const files = await buildRegisterFiles(ctx);
  const dm = await ctx.client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (!channel) throw new Error('conversations.open gave no channel');
  const asOf = slackDate(ctx.clock.now(), { zone: ctx.config.timezone });
  await ctx.client.filesUploadV2({
    channel_id: channel,
    initial_comment:
      `The breach register (GDPR Art. 33(5)) as of ${asOf}: ${files.breaches} breaches, open and closed, with ${files.events} timeline events. ` +
      'The CSV has one row per breach for a spreadsheet (UTF-8); the JSON is the full record. It describes every breach: keep it where breach records belong.',
    file_uploads: [
      { file: files.csv.data, filename: files.csv.filename, title: files.csv.filename },
      { file: files.json.data, filename: files.json.filename, title: files.json.filename },
    ],
  });
  await recordRegisterExport(ctx, userId, files);
  return files;
}
