import type { Config } from '../config.js';
import { registerCsv } from '../domain/register/columns.js';
import { registerJson } from '../domain/register/json.js';
import type { Deps } from './deps.js';
import { appendEvent } from '../store/events.js';
import { loadRegister } from '../store/register.js';

export type RegisterContext = Pick<Deps, 'db' | 'config' | 'clock' | 'logger'>;

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
 * The export is an event of its own (not tied to a breach), so the audit trail shows who took a
 * copy of the register and when. Written after the files reached the person.
 */
export async function recordRegisterExport(ctx: Pick<RegisterContext, 'db' | 'clock'>, userId: string, files: RegisterFiles): Promise<void> {
  await appendEvent(ctx.db, {
    breachId: null,
    actor: userId,
    type: 'register_exported',
    data: { breaches: files.breaches, events: files.events, files: [files.csv.filename, files.json.filename] },
    at: ctx.clock.now().toJSDate(),
  });
}
