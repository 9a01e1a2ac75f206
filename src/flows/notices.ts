import type { KnownBlock } from '@slack/types';
import type { NoticeDraft } from '../domain/notices/index.js';
import { anyFacts, buildDraftSet, factsHash, isDraftLate, notificationWaived, type DraftRound } from '../domain/notices/draft-set.js';
import { noticeFactsByLanguage } from '../domain/notices/from-breach.js';
import { slackErrorCode } from '../web-api-error.js';
import { getDraft, markDraftPosted, saveDraftVersions, type DraftRow } from '../store/notice-drafts.js';
import { loadNoticeSource } from '../store/notice-source.js';
import { refreshCard, type CardContext } from './card.js';
import { fillReporterName } from './reporter-name.js';
import type { Breach } from '../domain/breach/entity.js';
import { isUuid } from '../domain/uuid.js';

/*
 * Draft notices (flow 5): build the drafts from what is recorded, store a new version when the facts
 * changed, then post them in the card's thread with a Markdown file of each. Written first, then
 * Slack: a failed post leaves the version stored without its message, and pressing again posts it.
 */

/** What the message opening a round of drafts in the card's thread shows: plain data, rendered by the Slack side. */
export interface DraftSetSummary {
  /** The drafts of the round, each with its stored row's id (for *Read full text*). */
  drafts: ReadonlyArray<{ draft: NoticeDraft; version: number; id: string }>;
  createdBy: string;
  late: boolean;
  role: string;
  /** The breach, for the Fill gaps button (it opens Update facts at the gaps). */
  breachId: string;
  /** A notice to Datatilsynet asked for although the recorded decision is that none is needed (issue 17). */
  onRequest?: boolean;
}

/**
 * What the notices flow needs from the Slack side (src/slack/slack-side.ts, handed in at wiring
 * time): the round's summary message (src/slack/blocks/draft-summary.ts) and each draft's file
 * (src/slack/blocks/draft-messages.ts).
 */
export interface NoticesSlack {
  draftSummary(s: DraftSetSummary): { text: string; blocks: KnownBlock[] };
  draftFile(reference: string, draft: NoticeDraft, version: number): { filename: string; title: string; content: string };
}

/** The card flow's context and the notices flow's port. */
export type NoticesContext = CardContext & { slack: NoticesSlack };

/** What to tell the person who pressed, only them; null when the thread says it all. */
export type DraftReply = string | null;

/**
 * `round`: the drafts the breach needs, or (`authority_on_request`) the notice to Datatilsynet asked
 * for after the recorded decision said none is needed, labelled so at its top (issue 17).
 */
export async function draftNotices(ctx: NoticesContext, breachId: string, userId: string, round: DraftRound = 'needed'): Promise<DraftReply> {
  await fillReporterName(ctx, breachId);
  const loaded = await loadNoticeSource(ctx.db, breachId);
  if (!loaded) return 'That breach no longer exists.';
  const { breach } = loaded;
  if (breach.closedAt) return `${breach.reference} is closed: its notices are part of the record and are not drafted again.`;
  if (!breach.channelId || !breach.cardTs) return `${breach.reference} is still being set up; draft the notices once its card is posted.`;
  const opts = { now: ctx.clock.now().toISO()!, zone: ctx.config.timezone };
  const byLang = noticeFactsByLanguage(loaded.source);
  const facts = anyFacts(byLang);
  // Issue 17: no notice to Datatilsynet when the recorded decision is that none is needed, unless asked for.
  if (round === 'authority_on_request' && !notificationWaived(facts)) {
    return `The recorded decision for ${breach.reference} is not that Datatilsynet need not be notified, so its notice is drafted as usual: choose *Draft notices*.`;
  }
  const drafts = buildDraftSet(byLang, opts, round);
  if (drafts.length === 0) {
    return `The recorded decision for ${breach.reference} is that Datatilsynet need not be notified and the people affected need not be told, so there is nothing to draft. ` +
      `If a notice to Datatilsynet is wanted all the same, choose *Draft a Datatilsynet notice anyway* in the card's ⋯ menu: it is labelled as drafted on request. If the facts have changed, reassess with *Assess risk*.`;
  }
  const saved = await saveDraftVersions(ctx.db, {
    breachId,
    drafts: drafts.map((d) => ({ kind: d.kind, lang: d.lang, markdown: d.markdown, missingCount: d.missingCount })),
    factsHash: factsHash(byLang, opts, round),
    round,
    createdBy: userId,
    now: ctx.clock.now(),
  });
  if (!saved.ok) return saved.why === 'closed' ? `${breach.reference} is closed.` : 'That breach no longer exists.';
  const pairs = drafts.map((draft, i) => ({ draft, row: saved.rows[i]! }));
  // Unchanged facts: nothing new, unless the earlier post of these versions never reached Slack.
  // Posted = its file is in the thread (the round's one message carries the files; Slack does not return that message's ts).
  const unposted = pairs.filter((p) => !p.row.fileId);
  if (!saved.created && unposted.length === 0) {
    const version = pairs[0]!.row.version;
    return `No change since version ${version}: the facts are the same as when v${version} was drafted, so the drafts in the card's thread are current. Record new facts with *Update facts*, then draft again.`;
  }
  const toPost = saved.created ? pairs : unposted;
  try {
    await postDrafts(ctx, breach, toPost, { createdBy: userId, late: isDraftLate(facts, opts), onRequest: round === 'authority_on_request' });
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

/**
 * One thread message per drafting round (issue 17): what was drafted, the gaps as a checklist with a
 * Fill gaps button, and the Markdown files of every draft attached to it. The full texts are in the
 * files, not pasted into the thread.
 */
async function postDrafts(ctx: NoticesContext, breach: Breach, pairs: readonly Pair[], s: { createdBy: string; late: boolean; onRequest: boolean }): Promise<void> {
  const summary = ctx.slack.draftSummary({
    drafts: pairs.map((p) => ({ draft: p.draft, version: p.row.version, id: p.row.id })), createdBy: s.createdBy, late: s.late, role: breach.role, breachId: breach.id, onRequest: s.onRequest,
  });
  const files = pairs.map((p) => ({ row: p.row, ...ctx.slack.draftFile(breach.reference, p.draft, p.row.version) }));
  const upload = await ctx.client.filesUploadV2({
    channel_id: breach.channelId!,
    thread_ts: breach.cardTs!,
    blocks: summary.blocks,
    file_uploads: files.map((f) => ({ filename: f.filename, title: f.title, content: f.content })),
  });
  const uploaded = upload.files.flatMap((c) => (c.files ?? []) as Array<{ id?: string; name?: string; title?: string }>);
  for (const f of files) {
    const id = uploaded.find((u) => u.name === f.filename || u.title === f.title)?.id ?? null;
    await markDraftPosted(ctx.db, f.row.id, { messageTs: null, fileId: id });
  }
}

/**
 * One stored draft of a breach, for *Read full text*: null when the id is not a draft of this
 * breach (a malformed or edited value names nothing, whatever breach it claims).
 */
export async function draftOfBreach(db: CardContext['db'], breachId: string, draftId: string | undefined): Promise<DraftRow | null> {
  if (!draftId || !isUuid(draftId)) return null;
  const draft = await getDraft(db, draftId);
  return draft && draft.breachId === breachId ? draft : null;
}
