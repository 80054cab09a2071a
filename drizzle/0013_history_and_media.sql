CREATE TABLE "media_uploads" (
	"key" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "media_uploads_created_idx" ON "media_uploads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "attachments_storage_key_idx" ON "attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "attachments_thumb_key_idx" ON "attachments" USING btree ("thumb_key");
--> statement-breakpoint
-- History stays append-only (0001); the refusal now names the operation and the way to correct a row.
CREATE OR REPLACE FUNCTION aduan_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % refused: the timeline and the audit log are append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Record a correction as a new row; history is never edited or deleted.';
END;
$$;
