/*
 * The Breach as the rest of the code sees it: one declared personal-data breach with its facts,
 * its place in Slack and its setup lease. The store reads it field for field from the `breaches`
 * table (src/db/schema.ts documents each column); src/store/breaches.ts stops the build if the two
 * drift, so no mapping is ever needed. The domain owns the shape (../shared/design/layout.md:
 * "the domain owns the entities").
 */
export interface Breach {
  id: string;
  /** BR-2026-0042: year + a per-year sequence (domain/breach/reference.ts). */
  reference: string;
  year: number;
  seq: number;
  /** Idempotency key of the Slack submission that created it. */
  submissionKey: string | null;
  title: string;
  description: string;
  codename: string | null;
  awareAt: Date;
  startedAt: Date | null;
  startedUnknown: boolean;
  discovery: string | null;
  /** controller | processor | joint_controller (domain/deadline.ts `Role`). */
  role: string;
  /** Processor role: hours the contract gives to tell the controller. */
  processorHours: number | null;
  systems: string | null;
  /** yes | no | unknown */
  ongoing: string;
  reporterId: string;
  leadId: string | null;
  responderIds: string[];
  status: string;
  deadlineAt: Date;
  channelId: string | null;
  channelName: string | null;
  cardTs: string | null;
  /** Where a success notice goes: a slash command's response_url, or null for a DM. */
  replyUrl: string | null;
  setupOwner: string | null;
  setupLeaseUntil: Date | null;
  setupCompletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  closeReason: string | null;
  /** Facts recorded after the declaration, keyed by field (domain/breach/recorded-facts.ts reads them). */
  facts: unknown;
  /** The reporting regimes that apply (domain/regimes ids), set at declaration, changed by the regime decisions: ['gdpr-dk'] by default. */
  regimes: string[];
  /** The Declare modal's answers that chose them and the decisions since (domain/regimes/decisions.ts `RegimeAnswers`). */
  regimeAnswers: unknown;
}
