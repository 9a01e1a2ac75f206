-- Assessments, decisions, notification records and data-subject restrictions are history (every
-- version is kept, product.md "A breach can be reassessed as facts change; every version is kept"):
-- the code only ever inserts them (src/store/assessments.ts, decisions.ts, notifications.ts), so the
-- database refuses UPDATE, DELETE and TRUNCATE, as it does for breach_events.
CREATE OR REPLACE FUNCTION breachbot_reject_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER assessments_no_update_delete BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION breachbot_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER assessments_no_truncate BEFORE TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION breachbot_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER decisions_no_update_delete BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION breachbot_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
  FOR EACH STATEMENT EXECUTE FUNCTION breachbot_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER notifications_no_update_delete BEFORE UPDATE OR DELETE ON notifications
  FOR EACH ROW EXECUTE FUNCTION breachbot_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER notifications_no_truncate BEFORE TRUNCATE ON notifications
  FOR EACH STATEMENT EXECUTE FUNCTION breachbot_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER subject_restrictions_no_update_delete BEFORE UPDATE OR DELETE ON subject_restrictions
  FOR EACH ROW EXECUTE FUNCTION breachbot_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER subject_restrictions_no_truncate BEFORE TRUNCATE ON subject_restrictions
  FOR EACH STATEMENT EXECUTE FUNCTION breachbot_reject_history_change();
--> statement-breakpoint
-- The audit chain's head only moves forward, through the chain trigger.
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE OR TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION breachbot_reject_history_change();
