CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backup_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"kind" text NOT NULL,
	"file" text,
	"bytes" bigint,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "breach_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "breach_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "breach_events" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "breach_events_chain_seq" ON "breach_events" USING btree ("chain_seq");