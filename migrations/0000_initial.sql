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
	"closed_at" timestamp with time zone
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
ALTER TABLE "breach_events" ADD CONSTRAINT "breach_events_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_setup_steps" ADD CONSTRAINT "breach_setup_steps_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breach_events_breach_idx" ON "breach_events" USING btree ("breach_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "breaches_reference_key" ON "breaches" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "breaches_year_seq_key" ON "breaches" USING btree ("year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "breaches_submission_key" ON "breaches" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "breaches_open_idx" ON "breaches" USING btree ("status") WHERE "breaches"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "breaches_setup_pending_idx" ON "breaches" USING btree ("created_at") WHERE "breaches"."setup_completed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_breach_key" ON "reminders" USING btree ("breach_id","key");--> statement-breakpoint
CREATE INDEX "reminders_due_idx" ON "reminders" USING btree ("due_at") WHERE "reminders"."status" = 'pending';