CREATE TYPE "public"."sla_calendar" AS ENUM('kalender', 'hari_kerja');--> statement-breakpoint
CREATE TABLE "holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_code" text,
	"first_response_hours" integer NOT NULL,
	"follow_up_hours" integer NOT NULL,
	"silence_red_hours" integer NOT NULL,
	"escalation_step_hours" integer NOT NULL,
	"calendar" "sla_calendar" DEFAULT 'kalender' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_category_code_unique" UNIQUE("category_code")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "escalation_level" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" DROP COLUMN "sla_hours";--> statement-breakpoint
-- One city-wide default policy at most (a NULL category would otherwise be allowed many times).
CREATE UNIQUE INDEX "sla_policies_default_uq" ON "sla_policies" ((true)) WHERE "category_code" IS NULL;
--> statement-breakpoint
-- SPEC §5 defaults: first response 24 h, follow-up 7 days, red after 6 silent days, a ladder step per day overdue.
INSERT INTO "sla_policies" ("category_code", "first_response_hours", "follow_up_hours", "silence_red_hours", "escalation_step_hours", "calendar")
VALUES (NULL, 24, 168, 144, 24, 'kalender');
--> statement-breakpoint
-- National public holidays (hari libur nasional, SKB 3 Menteri); admins keep the list current each year.
INSERT INTO "holidays" ("day", "name") VALUES
  ('2025-01-01', 'Tahun Baru Masehi'),
  ('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'),
  ('2025-01-29', 'Tahun Baru Imlek'),
  ('2025-03-29', 'Hari Suci Nyepi'),
  ('2025-03-31', 'Idulfitri'),
  ('2025-04-01', 'Idulfitri'),
  ('2025-04-18', 'Wafat Yesus Kristus'),
  ('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
  ('2025-05-01', 'Hari Buruh Internasional'),
  ('2025-05-12', 'Hari Raya Waisak'),
  ('2025-05-29', 'Kenaikan Yesus Kristus'),
  ('2025-06-01', 'Hari Lahir Pancasila'),
  ('2025-06-06', 'Iduladha'),
  ('2025-06-27', 'Tahun Baru Islam'),
  ('2025-08-17', 'Hari Kemerdekaan Republik Indonesia'),
  ('2025-09-05', 'Maulid Nabi Muhammad SAW'),
  ('2025-12-25', 'Hari Raya Natal'),
  ('2026-01-01', 'Tahun Baru Masehi'),
  ('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  ('2026-02-17', 'Tahun Baru Imlek'),
  ('2026-03-19', 'Hari Suci Nyepi'),
  ('2026-03-20', 'Idulfitri'),
  ('2026-03-21', 'Idulfitri'),
  ('2026-04-03', 'Wafat Yesus Kristus'),
  ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  ('2026-05-01', 'Hari Buruh Internasional'),
  ('2026-05-14', 'Kenaikan Yesus Kristus'),
  ('2026-05-27', 'Iduladha'),
  ('2026-05-31', 'Hari Raya Waisak'),
  ('2026-06-01', 'Hari Lahir Pancasila'),
  ('2026-06-16', 'Tahun Baru Islam'),
  ('2026-08-17', 'Hari Kemerdekaan Republik Indonesia'),
  ('2026-08-25', 'Maulid Nabi Muhammad SAW'),
  ('2026-12-25', 'Hari Raya Natal');
