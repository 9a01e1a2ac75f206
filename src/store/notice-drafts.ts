import { asc, desc, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import type { Db } from '../db/client.js';
import { noticeDrafts } from '../db/schema.js';
import { withOpenBreach, type LockRefusal } from './breach-lock.js';
import { appendEvent } from './events.js';
import type { DbExecutor } from './reminders.js';
import type { Breach } from '../domain/breach/entity.js';

/*
 * Versions of the drafted notices (flow 5). A version is per kind and language (the previous + 1),
 * and a new one is stored only when the facts it is built from changed: drafting again on the same
 * facts says "no change since version N" instead of posting the same text twice.
 */

export type DraftRow = typeof noticeDrafts.$inferSelect;

export interface NewDraft {
  kind: string;
  lang: string;
  markdown: string;
  missingCount: number;
}

export type DraftsSaved =
  | { ok: true; created: true; breach: Breach; rows: DraftRow[] }
  | { ok: true; created: false; breach: Breach; rows: DraftRow[] };

/** The latest version of each kind and language. */
export async function latestDrafts(db: Pick<DbExecutor, 'selectDistinctOn'>, breachId: string): Promise<DraftRow[]> {
  return db
    .selectDistinctOn([noticeDrafts.kind, noticeDrafts.lang])
    .from(noticeDrafts)
    .where(eq(noticeDrafts.breachId, breachId))
    .orderBy(asc(noticeDrafts.kind), asc(noticeDrafts.lang), desc(noticeDrafts.version));
}

/** One stored draft, with its full text. */
export async function getDraft(db: Pick<DbExecutor, 'select'>, id: string): Promise<DraftRow | undefined> {
  const [row] = await db.select().from(noticeDrafts).where(eq(noticeDrafts.id, id));
  return row;
}

const same = (a: { kind: string; lang: string }) => (b: { kind: string; lang: string }) => a.kind === b.kind && a.lang === b.lang;

/**
 * Stores a new version of each draft, unless every one of them already has a latest version built
 * from the same facts. Under the breach's lock, so two people pressing at once get one new version.
 */
export async function saveDraftVersions(
  db: Db,
  d: { breachId: string; drafts: readonly NewDraft[]; factsHash: string; createdBy: string; now: DateTime; round?: string },
): Promise<DraftsSaved | LockRefusal> {
  return withOpenBreach(db, d.breachId, async (tx, breach) => {
    const latest = await latestDrafts(tx, breach.id);
    const current = d.drafts.map((draft) => latest.find(same(draft)));
    if (current.every((row) => row?.factsHash === d.factsHash)) {
      return { ok: true, created: false, breach, rows: current as DraftRow[] } as const;
    }
    const at = d.now.toJSDate();
    const rows = await tx
      .insert(noticeDrafts)
      .values(
        d.drafts.map((draft, i) => ({
          breachId: breach.id,
          version: (current[i]?.version ?? 0) + 1,
          kind: draft.kind,
          lang: draft.lang,
          markdown: draft.markdown,
          missingCount: draft.missingCount,
          factsHash: d.factsHash,
          createdBy: d.createdBy,
          createdAt: at,
        })),
      )
      .returning();
    await appendEvent(tx, {
      breachId: breach.id,
      actor: d.createdBy,
      type: 'notices_drafted',
      data: {
        factsHash: d.factsHash,
        // A notice to Datatilsynet asked for although the decision says none is needed (issue 17).
        ...(d.round && d.round !== 'needed' ? { round: d.round } : {}),
        before: current.map((row, i) => ({ kind: d.drafts[i]!.kind, lang: d.drafts[i]!.lang, version: row?.version ?? null, factsHash: row?.factsHash ?? null })),
        after: rows.map((row) => ({ kind: row.kind, lang: row.lang, version: row.version, missingCount: row.missingCount })),
      },
      at,
    });
    return { ok: true, created: true, breach, rows } as const;
  });
}

/** Where a draft was posted: the first message of its text, and its Markdown file. */
export async function markDraftPosted(db: Db, id: string, posted: { messageTs: string | null; fileId: string | null }): Promise<void> {
  await db.update(noticeDrafts).set(posted).where(eq(noticeDrafts.id, id));
}
