import type { NoticeDraft } from '../domain/notices/index.js';
import { anyFacts, buildDraftSet, factsHash, isDraftLate } from '../domain/notices/draft-set.js';
import { noticeFactsByLanguage } from '../domain/notices/from-breach.js';
import { draftFile, draftMessages } from '../slack/blocks/draft-messages.js';
import { draftSummaryMessage } from '../slack/blocks/draft-summary.js';
import { slackErrorCode } from '../slack/web-api-error.js';
import type { Breach } from '../store/breaches.js';
import { markDraftPosted, saveDraftVersions, type DraftRow } from '../store/notice-drafts.js';
import { loadNoticeSource } from '../store/notice-source.js';
import { refreshCard, type CardContext } from './card.js';
import { fillReporterName } from './reporter-name.js';

/*
 * Draft notices (flow 5): build the drafts from what is recorded, store a new version when the facts
 * changed, then post them in the card's thread with a Markdown file of each. Written first, then
 * Slack: a failed post leaves the version stored without its message, and pressing again posts it.
 */

/** What to tell the person who pressed, only them; null when the thread says it all. */
export type DraftReply = string | null;

export async function draftNotices(ctx: CardContext, breachId: string, userId: string): Promise<DraftReply> {
  await fillReporterName(ctx, breachId);
  const loaded = await loadNoticeSource(ctx.db, breachId);
  if (!loaded) return 'That breach no longer exists.';
  const { breach } = loaded;
  if (breach.closedAt) return `${breach.reference} is closed: its notices are part of the record and are not drafted again.`;
  if (!breach.channelId || !breach.cardTs) return `${breach.reference} is still being set up; draft the notices once its card is posted.`;
  const opts = { now: ctx.clock.now().toISO()!, zone: ctx.config.timezone };
  const byLang = noticeFactsByLanguage(loaded.source);
  const facts = anyFacts(byLang);
  const drafts = buildDraftSet(byLang, opts);
  const saved = await saveDraftVersions(ctx.db, {
    breachId,
    drafts: drafts.map((d) => ({ kind: d.kind, lang: d.lang, markdown: d.markdown, missingCount: d.missingCount })),
    factsHash: factsHash(byLang, opts),
    createdBy: userId,
    now: ctx.clock.now(),
  });
  if (!saved.ok) return saved.why === 'closed' ? `${breach.reference} is closed.` : 'That breach no longer exists.';
  const pairs = drafts.map((draft, i) => ({ draft, row: saved.rows[i]! }));
  // Unchanged facts: nothing new, unless the earlier post of these versions never reached Slack.
  const unposted = pairs.filter((p) => !p.row.messageTs || !p.row.fileId);
  if (!saved.created && unposted.length === 0) {
    const version = pairs[0]!.row.version;
    return `No change since version ${version}: the facts are the same as when v${version} was drafted, so the drafts in the card's thread are current. Record new facts with *Update facts*, then draft again.`;
  }
  const toPost = saved.created ? pairs : unposted;
  try {
    await postDrafts(ctx, breach, toPost, { createdBy: userId, late: isDraftLate(facts, opts) });
  } catch (err) {
    ctx.logger.warn(`could not post the drafts of ${breach.reference}: ${slackErrorCode(err)}`);
    return `:warning: The drafts are saved, but I could not post them all in the thread (${slackErrorCode(err)}). Press *Draft notices* again to post them.`;
  } finally {
    await refreshCard(ctx, breach.id);
  }
  return null;
}

interface Pair {
  draft: NoticeDraft;
  row: DraftRow;
}

async function postDrafts(ctx: CardContext, breach: Breach, pairs: readonly Pair[], s: { createdBy: string; late: boolean }): Promise<void> {
  const channel = breach.channelId!;
  const thread = { channel, thread_ts: breach.cardTs!, unfurl_links: false, unfurl_media: false };
  const summary = draftSummaryMessage({ drafts: pairs.map((p) => ({ draft: p.draft, version: p.row.version })), createdBy: s.createdBy, late: s.late, role: breach.role });
  await ctx.client.chat.postMessage({ ...thread, ...summary });
  const posted = new Map<string, string>();
  for (const { draft, row } of pairs) {
    for (const [i, message] of draftMessages(draft, row.version).entries()) {
      const res = await ctx.client.chat.postMessage({ ...thread, ...message });
      if (i === 0 && res.ts) posted.set(row.id, res.ts);
    }
  }
  // One upload for all files: one message in the thread, and fewer calls than one per draft.
  const files = pairs.map((p) => ({ row: p.row, ...draftFile(breach.reference, p.draft, p.row.version) }));
  const upload = await ctx.client.filesUploadV2({
    channel_id: channel,
    thread_ts: breach.cardTs!,
    initial_comment: 'The drafts as Markdown files, to edit and send.',
    file_uploads: files.map((f) => ({ filename: f.filename, title: f.title, content: f.content })),
  });
  const uploaded = upload.files.flatMap((c) => (c.files ?? []) as Array<{ id?: string; name?: string; title?: string }>);
  for (const f of files) {
    const id = uploaded.find((u) => u.name === f.filename || u.title === f.title)?.id ?? null;
    await markDraftPosted(ctx.db, f.row.id, { messageTs: posted.get(f.row.id) ?? f.row.messageTs, fileId: id });
  }
}
