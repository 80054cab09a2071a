CREATE SEQUENCE "public"."reports_change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "change_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_change_idx" ON "reports" USING btree ("change_seq");--> statement-breakpoint
-- Every insert and update takes the next number, so the map (and any reader) can ask "what changed since N".
CREATE OR REPLACE FUNCTION aduan_report_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_seq := nextval('reports_change_seq');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_change_seq BEFORE INSERT OR UPDATE ON reports
  FOR EACH ROW EXECUTE FUNCTION aduan_report_change_seq();
--> statement-breakpoint
UPDATE reports SET change_seq = 0;
