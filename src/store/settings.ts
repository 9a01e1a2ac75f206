import { eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { settings } from '../db/schema.js';

/** The organisation's breach-response settings. Kept in the database; environment variables seed them. */
export interface OrgSettings {
  dpoUserIds: string[];
  responderGroupId: string | null;
}

const KEY = 'org';

export async function getOrgSettings(db: Db, config: Pick<Config, 'seeds'>): Promise<OrgSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const stored = (row?.value ?? {}) as Partial<OrgSettings>;
  return {
    dpoUserIds: stored.dpoUserIds ?? config.seeds.dpoUserIds,
    responderGroupId: stored.responderGroupId ?? config.seeds.responderGroupId ?? null,
  };
}
