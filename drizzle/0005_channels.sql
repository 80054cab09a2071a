ALTER TYPE "public"."event_type" ADD VALUE 'triase';--> statement-breakpoint
CREATE TABLE "webhook_receipts" (
	"channel" text NOT NULL,
	"signature" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_receipts_channel_signature_pk" PRIMARY KEY("channel","signature")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "location_approximate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "webhook_receipts_received_idx" ON "webhook_receipts" USING btree ("received_at");--> statement-breakpoint
-- databases seeded before this migration get the triage category (fresh ones get it from the seed)
INSERT INTO "categories" ("code", "name_id", "name_en", "group_id", "group_en", "sort_order")
SELECT 'belum-dikategorikan', 'Belum dikategorikan', 'Not yet categorised', 'Lainnya', 'Other', 999
WHERE EXISTS (SELECT 1 FROM "regions") ON CONFLICT ("code") DO NOTHING;
