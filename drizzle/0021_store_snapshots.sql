CREATE TABLE "store_snapshots" (
	"store" text NOT NULL,
	"part" integer NOT NULL,
	"format" integer NOT NULL,
	"change_seq" bigint NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_snapshots_store_part_pk" PRIMARY KEY("store","part")
);
