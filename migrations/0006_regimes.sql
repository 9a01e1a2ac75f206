CREATE TABLE "regime_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"breach_id" uuid NOT NULL,
	"regime" text NOT NULL,
	"stage" text NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"external_reference" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "breaches" ADD COLUMN "regimes" text[] DEFAULT '{gdpr-dk}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "breaches" ADD COLUMN "regime_answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "regime_stages" ADD CONSTRAINT "regime_stages_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "regime_stages_breach_stage_key" ON "regime_stages" USING btree ("breach_id","regime","stage");--> statement-breakpoint
-- Recorded regime stages are history, like the notification records (0005): inserted only.
CREATE TRIGGER regime_stages_no_update_delete BEFORE UPDATE OR DELETE ON regime_stages
  FOR EACH ROW EXECUTE FUNCTION breachbot_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER regime_stages_no_truncate BEFORE TRUNCATE ON regime_stages
  FOR EACH STATEMENT EXECUTE FUNCTION breachbot_reject_history_change();
