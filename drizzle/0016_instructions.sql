CREATE TYPE "public"."instruction_outcome" AS ENUM('dilaksanakan', 'dialihkan');--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'instruksi';--> statement-breakpoint
CREATE TABLE "instructions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" bigint NOT NULL,
	"event_id" bigint NOT NULL,
	"from_user_id" integer NOT NULL,
	"from_agency_id" integer,
	"to_agency_id" integer NOT NULL,
	"body" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"outcome" "instruction_outcome",
	"closed_event_id" bigint,
	CONSTRAINT "instructions_closed" CHECK (("instructions"."closed_at" is null) = ("instructions"."outcome" is null))
);
--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_event_id_report_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."report_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_from_agency_id_agencies_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_to_agency_id_agencies_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_closed_event_id_report_events_id_fk" FOREIGN KEY ("closed_event_id") REFERENCES "public"."report_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instructions_report_idx" ON "instructions" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "instructions_to_idx" ON "instructions" USING btree ("to_agency_id","closed_at");--> statement-breakpoint
CREATE INDEX "instructions_from_agency_idx" ON "instructions" USING btree ("from_agency_id","created_at");--> statement-breakpoint
CREATE INDEX "instructions_from_user_idx" ON "instructions" USING btree ("from_user_id","created_at");--> statement-breakpoint
-- An instruction, like the timeline it belongs to, is never deleted or rewritten: the only change
-- allowed is closing an open one, once.
CREATE OR REPLACE FUNCTION aduan_instruction_close_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.closed_at IS NOT NULL
     OR (to_jsonb(NEW) - 'closed_at' - 'outcome' - 'closed_event_id') <> (to_jsonb(OLD) - 'closed_at' - 'outcome' - 'closed_event_id') THEN
    RAISE EXCEPTION 'an instruction can only be closed, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER instructions_close_only BEFORE UPDATE ON instructions
  FOR EACH ROW EXECUTE FUNCTION aduan_instruction_close_only();
--> statement-breakpoint
CREATE TRIGGER instructions_no_delete BEFORE DELETE ON instructions
  FOR EACH ROW EXECUTE FUNCTION aduan_refuse_change();
--> statement-breakpoint
CREATE TRIGGER instructions_no_truncate BEFORE TRUNCATE ON instructions
  FOR EACH STATEMENT EXECUTE FUNCTION aduan_refuse_change();
