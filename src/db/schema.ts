import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Every time is stored in UTC as timestamptz; luxon does the arithmetic. */
const utc = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per declared breach. The reference (BR-2026-0042) is year + a per-year sequence
 * drawn from breach_sequences, so references stay gap-free and unique across replicas.
 */
export const breaches = pgTable(
  'breaches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** Idempotency key of the Slack submission that created it (the view id): a double submit finds this row. */
    submissionKey: text('submission_key'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    codename: text('codename'),
    awareAt: utc('aware_at').notNull(),
    startedAt: utc('started_at'),
    startedUnknown: boolean('started_unknown').notNull().default(false),
    discovery: text('discovery'),
    role: text('role').notNull(),
    /** Processor role: hours the contract gives to tell the controller (default 24). */
    processorHours: integer('processor_hours'),
    systems: text('systems'),
    ongoing: text('ongoing').notNull().default('unknown'),
    reporterId: text('reporter_id').notNull(),
    leadId: text('lead_id'),
    responderIds: text('responder_ids').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('assessing'),
    deadlineAt: utc('deadline_at').notNull(),
    channelId: text('channel_id'),
    channelName: text('channel_name'),
    cardTs: text('card_ts'),
    /** Where a success notice goes: the slash command's response_url (valid 30 min) or null for a DM. */
    replyUrl: text('reply_url'),
    /** Lease on running the setup steps, so one replica at a time works on a breach's setup. */
    setupOwner: text('setup_owner'),
    setupLeaseUntil: utc('setup_lease_until'),
    setupCompletedAt: utc('setup_completed_at'),
    createdAt: utc('created_at').notNull().defaultNow(),
    updatedAt: utc('updated_at').notNull().defaultNow(),
    closedAt: utc('closed_at'),
    closedBy: text('closed_by'),
    closeReason: text('close_reason'),
    /**
     * Facts recorded after the declaration that the notices draw on (measures taken, consequences,
     * counts, cause…), keyed by field. Every change is also an event row.
     */
    facts: jsonb('facts').notNull().default(sql`'{}'::jsonb`),
    /**
     * The reporting regimes that apply (src/domain/regimes ids), set when the breach is declared and
     * changed only by the regime decisions (a `regime_decisions_recorded` event with before and after).
     * Breaches declared before regimes existed are GDPR breaches with Datatilsynet.
     */
    regimes: text('regimes').array().notNull().default(sql`'{gdpr-dk}'::text[]`),
    /** The Declare modal's answers that chose them, and the decisions since (domain/regimes/decisions.ts `RegimeAnswers`). */
    regimeAnswers: jsonb('regime_answers').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    uniqueIndex('breaches_reference_key').on(t.reference),
    uniqueIndex('breaches_year_seq_key').on(t.year, t.seq),
    uniqueIndex('breaches_submission_key').on(t.submissionKey),
    index('breaches_open_idx').on(t.status).where(sql`${t.closedAt} is null`),
    index('breaches_setup_pending_idx').on(t.createdAt).where(sql`${t.setupCompletedAt} is null`),
  ],
);

/** Last sequence number handed out per year; an upsert on this row serialises concurrent declarations. */
export const breachSequences = pgTable('breach_sequences', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * Setup steps of a declaration (channel, invites, topic, card, pin). Each is recorded so a failure
 * can be retried and a process killed half-way finishes the setup on restart.
 */
export const breachSetupSteps = pgTable(
  'breach_setup_steps',
  {
    breachId: uuid('breach_id')
      .notNull()
      .references(() => breaches.id),
    step: text('step').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    result: jsonb('result'),
    updatedAt: utc('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.breachId, t.step] })],
);

/**
 * The audit trail (Art. 33(5)): who did what, when, with the state before and after.
 * Append-only, enforced by a trigger in the migrations, not only by this code.
 */
export const breachEvents = pgTable(
  'breach_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    breachId: uuid('breach_id').references(() => breaches.id),
    at: utc('at').notNull().defaultNow(),
    actor: text('actor').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    /**
     * Tamper evidence: the row's place in the hash chain, the hash of the event before it and its
     * own hash, all set by a trigger (migrations/0004_audit_hash_chain.sql), never by the code.
     */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('breach_events_breach_idx').on(t.breachId, t.at),
    uniqueIndex('breach_events_chain_seq').on(t.chainSeq),
    // A modal submission's request key (views/submission-key.ts) is kept in `data.submission`: one
    // event of a type per submission, so a replayed submission can never apply twice.
    uniqueIndex('breach_events_submission_key')
      .on(t.type, sql`(${t.data}->>'submission')`)
      .where(sql`(${t.data}->>'submission') is not null`),
  ],
);

/** The audit chain's head (one row): the trigger serialises appends on it, across replicas. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey().default(1),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Every backup the bot or `npm run backup` made or tried: the DPO's Home shows the last one. */
export const backupRuns = pgTable('backup_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  startedAt: utc('started_at').notNull(),
  finishedAt: utc('finished_at'),
  /** 'scheduled' (the bot) or 'manual' (npm run backup). */
  kind: text('kind').notNull(),
  file: text('file'),
  bytes: bigint('bytes', { mode: 'number' }),
  error: text('error'),
});

/**
 * Reminders are rows, claimed with FOR UPDATE SKIP LOCKED so exactly one replica posts each.
 * `key` is stable per breach (countdown-48h, deadline, overdue-1, …) so a plan written twice
 * cannot create a second copy.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    breachId: uuid('breach_id')
      .notNull()
      .references(() => breaches.id),
    stream: text('stream').notNull(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    /** When it was planned for; never moved, so lateness and collapse order use the real due time. */
    dueAt: utc('due_at').notNull(),
    /** After a failed post: not before this time (Slack's Retry-After or backoff). Null = as soon as due. */
    retryAt: utc('retry_at'),
    status: text('status').notNull().default('pending'),
    claimedBy: text('claimed_by'),
    claimedAt: utc('claimed_at'),
    postedAt: utc('posted_at'),
    late: boolean('late').notNull().default(false),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageTs: text('message_ts'),
  },
  (t) => [
    uniqueIndex('reminders_breach_key').on(t.breachId, t.key),
    index('reminders_due_idx').on(t.dueAt).where(sql`${t.status} = 'pending'`),
    // In-flight claims (a handful): lets the claim find stale ones without scanning every reminder.
    index('reminders_claimed_idx').on(t.claimedAt).where(sql`${t.status} = 'claimed'`),
  ],
);

/** Organisation settings edited in the App Home (DPO users, responder group, notice details, schedule). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: utc('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/** Every risk assessment of a breach, each version kept with its answers and result (flow 3). */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    breachId: uuid('breach_id')
      .notNull()
      .references(() => breaches.id),
    version: integer('version').notNull(),
    answers: jsonb('answers').notNull(),
    result: jsonb('result').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: utc('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessments_breach_version_key').on(t.breachId, t.version)],
);

/**
 * The DPO's (or breach lead's) decision on whether to notify: accepting an assessment, overriding
 * it with a justification, or recording that no notification is needed. The latest row is current.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    breachId: uuid('breach_id')
      .notNull()
      .references(() => breaches.id),
    assessmentId: uuid('assessment_id').references(() => assessments.id),
    /** accepted | overridden */
    kind: text('kind').notNull(),
    notifyAuthority: boolean('notify_authority').notNull(),
    /** no | individual | public */
    communicateToSubjects: text('communicate_to_subjects').notNull(),
    justification: text('justification'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: utc('decided_at').notNull().defaultNow(),
  },
  (t) => [index('decisions_breach_idx').on(t.breachId, t.decidedAt)],
);

/**
 * Recorded notifications and communications (flow 6): to the authority (Art. 33), to the
 * controller (a processor, Art. 33(2)), or to the data subjects (Art. 34).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    breachId: uuid('breach_id')
      .notNull()
      .references(() => breaches.id),
    /** authority | controller | subjects */
    target: text('target').notNull(),
    submittedAt: utc('submitted_at').notNull(),
    /** online_form | email | letter | phone | individual | public … */
    method: text('method').notNull(),
    /** The authority's case number, when it gave one. */
    externalReference: text('external_reference'),
    /** complete | initial | supplement (Art. 33(4) phased notification) */
    completeness: text('completeness'),
    subjectsCount: integer('subjects_count'),
    isPublic: boolean('is_public').notNull().default(false),
    notes: text('notes'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: utc('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_breach_idx').on(t.breachId, t.target)],
);

/**
 * Stages of a reporting regime other than the GDPR recorded as done (NIS2's early warning, incident
 * notification, final report; the ICO report). The GDPR's notification stays in `notifications`.
 * History: one row per stage, never changed (append-only by trigger, like the notifications).
 */
export const regimeStages = pgTable(
  'regime_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    breachId: uuid('breach_id')
      .notNull()
      .references(() => breaches.id),
    regime: text('regime').notNull(),
    stage: text('stage').notNull(),
    /** When the report was submitted to the authority. */
    doneAt: utc('done_at').notNull(),
    /** The authority's reference for the report, when it gave one. */
    externalReference: text('external_reference'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: utc('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('regime_stages_breach_stage_key').on(t.breachId, t.regime, t.stage)],
);

/** A § 22 databeskyttelsesloven restriction of the data subjects' right to be told, with its justification. */
export const subjectRestrictions = pgTable('subject_restrictions', {
  id: uuid('id').primaryKey().defaultRandom(),
  breachId: uuid('breach_id')
    .notNull()
    .references(() => breaches.id),
  justification: text('justification').notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: utc('recorded_at').notNull().defaultNow(),
});

/** Versions of drafted notices posted in the breach's thread (flow 5). */
export const noticeDrafts = pgTable(
  'notice_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    breachId: uuid('breach_id')
      .notNull()
      .references(() => breaches.id),
    version: integer('version').notNull(),
    /** authority | processor | subject | subject_public */
    kind: text('kind').notNull(),
    lang: text('lang').notNull(),
    markdown: text('markdown').notNull(),
    missingCount: integer('missing_count').notNull(),
    /** Hash of the facts the draft was built from: a change offers a new version. */
    factsHash: text('facts_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: utc('created_at').notNull().defaultNow(),
    messageTs: text('message_ts'),
    fileId: text('file_id'),
  },
  (t) => [uniqueIndex('notice_drafts_version_key').on(t.breachId, t.kind, t.lang, t.version)],
);

/** Who has opened the Home tab recently: their Home is republished when a breach changes. */
export const homeViewers = pgTable('home_viewers', {
  userId: text('user_id').primaryKey(),
  lastOpenedAt: utc('last_opened_at').notNull().defaultNow(),
});
