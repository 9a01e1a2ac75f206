import type { webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import { registerCsv } from '../domain/register/columns.js';
import { registerJson } from '../domain/register/json.js';
import type { Deps } from './deps.js';
import { slackDate } from '../slack/date-token.js';
import { appendEvent } from '../store/events.js';
import { loadRegister } from '../store/register.js';

export type RegisterContext = Pick<Deps, 'db' | 'config' | 'clock' | 'logger'> & { client: webApi.WebClient };

export interface RegisterFiles {
  breaches: number;
  events: number;
  csv: { filename: string; data: Buffer };
  json: { filename: string; data: Buffer };
}

/** The register as two files named by the export date (the files themselves hold no export time, see json.ts). */
export async function buildRegisterFiles(ctx: Pick<RegisterContext, 'db' | 'clock'> & { config: Pick<Config, 'timezone'> }): Promise<RegisterFiles> {
  const { breaches: register, auditChain } = await loadRegister(ctx.db);
  const day = ctx.clock.now().setZone(ctx.config.timezone).toFormat('yyyy-MM-dd');
  return {
    breaches: register.length,
    events: register.reduce((n, b) => n + b.events.length, 0),
    csv: { filename: `breach-register-${day}.csv`, data: Buffer.from(registerCsv(register), 'utf8') },
    json: { filename: `breach-register-${day}.json`, data: Buffer.from(registerJson(register, auditChain), 'utf8') },
  };
}

/**
 * Sends the register to the person who asked, in their DM with the bot (conversations.open, then
 * files upload v2): never in a channel, since it describes every breach. The export is an event of
 * its own (not tied to a breach), so the audit trail shows who took a copy and when.
 */
export async function sendRegister(ctx: RegisterContext, userId: string): Promise<RegisterFiles> {
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
  await appendEvent(ctx.db, {
    breachId: null,
    actor: userId,
    type: 'register_exported',
    data: { breaches: files.breaches, events: files.events, files: [files.csv.filename, files.json.filename] },
    at: ctx.clock.now().toJSDate(),
  });
  return files;
}
