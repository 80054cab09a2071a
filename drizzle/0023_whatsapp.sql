CREATE TABLE "wa_conversations" (
	"id" serial PRIMARY KEY NOT NULL,
	"wa_id" text NOT NULL,
	"language" text DEFAULT 'id' NOT NULL,
	"state" jsonb NOT NULL,
	"last_inbound_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"opted_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wa_conversations_wa_id_unique" UNIQUE("wa_id"),
	CONSTRAINT "wa_conversations_language" CHECK ("wa_conversations"."language" in ('id', 'en'))
);
--> statement-breakpoint
CREATE TABLE "wa_inbound" (
	"wamid" text PRIMARY KEY NOT NULL,
	"wa_id" text NOT NULL,
	"message" jsonb NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"processed_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "wa_outgoing" (
	"wamid" text PRIMARY KEY NOT NULL,
	"conversation_id" integer NOT NULL,
	"outbox_id" bigint,
	"type" text NOT NULL,
	"status" text DEFAULT 'accepted' NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wa_outgoing" ADD CONSTRAINT "wa_outgoing_conversation_id_wa_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."wa_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_outgoing" ADD CONSTRAINT "wa_outgoing_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wa_conversations_expires_idx" ON "wa_conversations" USING btree ("expires_at") WHERE "wa_conversations"."expires_at" is not null;--> statement-breakpoint
CREATE INDEX "wa_inbound_pending_idx" ON "wa_inbound" USING btree ("received_at") WHERE "wa_inbound"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "wa_inbound_sender_idx" ON "wa_inbound" USING btree ("wa_id","sent_at");--> statement-breakpoint
CREATE INDEX "wa_outgoing_conversation_idx" ON "wa_outgoing" USING btree ("conversation_id","created_at");
--> statement-breakpoint
INSERT INTO "channels" ("code", "name_id", "name_en", "is_geotagged", "is_official", "sort_order", "how_id", "how_en", "hours_id", "hours_en")
SELECT 'whatsapp', 'WhatsApp Aduan Jakarta', 'Aduan Jakarta on WhatsApp', true, true, 17,
  'Kirim pesan WhatsApp ke nomor resmi Aduan Jakarta (tercantum di jakarta.go.id): pilih Buat laporan, lalu kategori, cerita, foto dan lokasi; balasan berisi nomor tiket.',
  'Send a WhatsApp message to the official Aduan Jakarta number (listed on jakarta.go.id): choose Make a report, then the category, your account, a photo and the place; the reply carries a ticket number.',
  '24 jam', 'Any time'
WHERE EXISTS (SELECT 1 FROM "regions") ON CONFLICT ("code") DO NOTHING;
