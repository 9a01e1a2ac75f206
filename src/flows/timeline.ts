import type { webApi } from '@slack/bolt';
import { validateTimelineEntry, type TimelineEntryInput } from '../domain/timeline/entry.js';
import type { Deps } from './deps.js';
import { getBreach } from '../store/breaches.js';
import { addTimelineEntry, breachTimeline } from '../store/timeline.js';
import { isUuid } from '../domain/uuid.js';
import type { Breach } from '../domain/breach/entity.js';
import type { StoredEvent } from '../domain/timeline/event.js';

export type TimelineContext = Pick<Deps, 'db' | 'config' | 'clock' | 'logger'> & { client: webApi.WebClient };

/** Whether this breach's timeline can still be added to: it is open (who may is the access guard's, src/slack/access/). */
export async function checkTimelineEntry(ctx: TimelineContext, breachId: string): Promise<{ ok: true; breach: Breach } | { ok: false; message: string }> {
  const breach = isUuid(breachId) ? await getBreach(ctx.db, breachId) : undefined;
  if (!breach) return { ok: false, message: 'That breach no longer exists.' };
  if (breach.closedAt) return { ok: false, message: `${breach.reference} is closed: its timeline is part of the record and can no longer change.` };
  return { ok: true, breach };
}

export type EntryResult = { ok: true; breach: Breach } | { ok: false; errors: Partial<Record<keyof TimelineEntryInput, string>> };

/** Validates and stores an entry (errors at the field); only the database and one membership read, so it fits before an ack. */
export async function recordTimelineEntry(
  ctx: TimelineContext,
  req: { breachId: string; userId: string; input: TimelineEntryInput; submission: string },
): Promise<EntryResult> {
  const allowed = await checkTimelineEntry(ctx, req.breachId);
  if (!allowed.ok) return { ok: false, errors: { what: allowed.message } };
  const now = ctx.clock.now();
  const check = validateTimelineEntry(req.input, now);
  if (!check.ok) return check;
  const res = await addTimelineEntry(ctx.db, { breachId: req.breachId, actor: req.userId, ...check.value, now, submission: req.submission });
  if (!res.ok) return { ok: false, errors: { what: res.why === 'closed' ? `${allowed.breach.reference} was closed meanwhile.` : 'That breach no longer exists.' } };
  return res;
}

/** The breach's audit trail in the order it was recorded: every event, for `/breach timeline`. */
export function timelineEvents(ctx: Pick<TimelineContext, 'db'>, breach: Pick<Breach, 'id'>): Promise<StoredEvent[]> {
  return breachTimeline(ctx.db, breach.id);
}
