CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"breach_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breach_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"breach_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"type" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breach_sequences" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breach_setup_steps" (
	"breach_id" uuid NOT NULL,
	"step" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"result" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breach_setup_steps_breach_id_step_pk" PRIMARY KEY("breach_id","step")
);
--> statement-breakpoint
CREATE TABLE "breaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"submission_key" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"codename" text,
	"aware_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"started_unknown" boolean DEFAULT false NOT NULL,
	"discovery" text,
	"role" text NOT NULL,
	"processor_hours" integer,
	"systems" text,
	"ongoing" text DEFAULT 'unknown' NOT NULL,
	"reporter_id" text NOT NULL,
	"lead_id" text,
	"responder_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'assessing' NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"channel_id" text,
	"channel_name" text,
	"card_ts" text,
	"reply_url" text,
	"setup_owner" text,
	"setup_lease_until" timestamp with time zone,
	"setup_completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"close_reason" text,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"breach_id" uuid NOT NULL,
	"assessment_id" uuid,
	"kind" text NOT NULL,
	"notify_authority" boolean NOT NULL,
	"communicate_to_subjects" text NOT NULL,
	"justification" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "home_viewers" (
	"user_id" text PRIMARY KEY NOT NULL,
	"last_opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"breach_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"lang" text NOT NULL,
	"markdown" text NOT NULL,
	"missing_count" integer NOT NULL,
	"facts_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"message_ts" text,
	"file_id" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"breach_id" uuid NOT NULL,
	"target" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"external_reference" text,
	"completeness" text,
	"subjects_count" integer,
	"is_public" boolean DEFAULT false NOT NULL,
	"notes" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"breach_id" uuid NOT NULL,
	"stream" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"retry_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"posted_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"message_ts" text
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "subject_restrictions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"breach_id" uuid NOT NULL,
	"justification" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_events" ADD CONSTRAINT "breach_events_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_setup_steps" ADD CONSTRAINT "breach_setup_steps_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_drafts" ADD CONSTRAINT "notice_drafts_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_restrictions" ADD CONSTRAINT "subject_restrictions_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_breach_version_key" ON "assessments" USING btree ("breach_id","version");--> statement-breakpoint
CREATE INDEX "breach_events_breach_idx" ON "breach_events" USING btree ("breach_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "breaches_reference_key" ON "breaches" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "breaches_year_seq_key" ON "breaches" USING btree ("year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "breaches_submission_key" ON "breaches" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "breaches_open_idx" ON "breaches" USING btree ("status") WHERE "breaches"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "breaches_setup_pending_idx" ON "breaches" USING btree ("created_at") WHERE "breaches"."setup_completed_at" is null;--> statement-breakpoint
CREATE INDEX "decisions_breach_idx" ON "decisions" USING btree ("breach_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_drafts_version_key" ON "notice_drafts" USING btree ("breach_id","kind","lang","version");--> statement-breakpoint
CREATE INDEX "notifications_breach_idx" ON "notifications" USING btree ("breach_id","target");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_breach_key" ON "reminders" USING btree ("breach_id","key");--> statement-breakpoint
CREATE INDEX "reminders_due_idx" ON "reminders" USING btree ("due_at") WHERE "reminders"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "reminders_claimed_idx" ON "reminders" USING btree ("claimed_at") WHERE "reminders"."status" = 'claimed';