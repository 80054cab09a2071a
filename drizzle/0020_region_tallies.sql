CREATE TABLE "region_report_tallies" (
	"region_code" text NOT NULL,
	"status" "report_status" NOT NULL,
	"finish_bucket" smallint NOT NULL,
	"reports" integer NOT NULL,
	"ratings" integer NOT NULL,
	"rating_sum" integer NOT NULL,
	CONSTRAINT "region_report_tallies_region_code_status_finish_bucket_pk" PRIMARY KEY("region_code","status","finish_bucket")
);
--> statement-breakpoint
CREATE TABLE "region_report_tally_changes" (
	"region_code" text NOT NULL,
	"status" "report_status" NOT NULL,
	"finish_bucket" smallint NOT NULL,
	"reports" integer NOT NULL,
	"ratings" integer NOT NULL,
	"rating_sum" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "region_report_tally_changes_region_idx" ON "region_report_tally_changes" USING btree ("region_code");--> statement-breakpoint
-- The bucket of a finished report's time to finish in hours h (see region_report_tallies in db/schema.ts):
-- quarter hours for the first week (0-671), whole hours to 60 days (672-1943), then 1944. Multiplying by 4
-- and flooring are exact, so "bucket >= b" is exactly "h >= b / 4" (b < 672) or "h >= b - 504": the
-- median's index range.
CREATE FUNCTION aduan_finish_bucket(status report_status, finished_at timestamptz, created_at timestamptz)
RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN status <> 'selesai' OR finished_at IS NULL THEN -2
              WHEN h < 0 THEN -1
              WHEN h < 168 THEN floor(h * 4)::smallint
              ELSE least(1944, 504 + floor(h))::smallint END
  FROM (SELECT (extract(epoch from finished_at - created_at) / 3600)::float8 AS h) x
$$;
--> statement-breakpoint
-- The statement that adds the figures of a set of reports (sign 1) or takes them away (sign -1): each
-- non-confidential report counts once in each of its regions, with its ratings. Triggers EXECUTE it
-- themselves: their transition tables are not visible inside a function they call.
CREATE FUNCTION aduan_tally_reports(changed text, target text DEFAULT 'region_report_tally_changes') RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN format($q$
    WITH x AS (%s),
    g AS (SELECT report_id, count(*)::int AS n, sum(score)::int AS total FROM ratings
          WHERE report_id IN (SELECT id FROM x) GROUP BY report_id)
    INSERT INTO %I (region_code, status, finish_bucket, reports, ratings, rating_sum)
    SELECT c.code, x.status, aduan_finish_bucket(x.status, x.finished_at, x.created_at),
           sum(x.sign), sum(x.sign * coalesce(g.n, 0)), sum(x.sign * coalesce(g.total, 0))
    FROM x LEFT JOIN g ON g.report_id = x.id
    CROSS JOIN LATERAL (VALUES (x.kota_code), (x.kecamatan_code), (x.kelurahan_code)) c(code)
    WHERE NOT x.is_confidential AND c.code IS NOT NULL
    GROUP BY 1, 2, 3
    HAVING sum(x.sign) <> 0 OR sum(x.sign * coalesce(g.n, 0)) <> 0 OR sum(x.sign * coalesce(g.total, 0)) <> 0
    ORDER BY 1, 2, 3$q$, changed, target);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION aduan_region_tallies_of_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE aduan_tally_reports('SELECT 1 AS sign, * FROM new_rows');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE aduan_tally_reports('SELECT -1 AS sign, * FROM old_rows');
  ELSIF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                WHERE (o.status, o.is_confidential, o.kota_code, o.kecamatan_code, o.kelurahan_code, o.finished_at, o.created_at)
                      IS DISTINCT FROM (n.status, n.is_confidential, n.kota_code, n.kecamatan_code, n.kelurahan_code, n.finished_at, n.created_at)) THEN
    EXECUTE aduan_tally_reports($q$
      SELECT -1 AS sign, o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status, o.is_confidential, o.kota_code, o.kecamatan_code, o.kelurahan_code, o.finished_at, o.created_at)
            IS DISTINCT FROM (n.status, n.is_confidential, n.kota_code, n.kecamatan_code, n.kelurahan_code, n.finished_at, n.created_at)
      UNION ALL
      SELECT 1 AS sign, n.* FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status, o.is_confidential, o.kota_code, o.kecamatan_code, o.kelurahan_code, o.finished_at, o.created_at)
            IS DISTINCT FROM (n.status, n.is_confidential, n.kota_code, n.kecamatan_code, n.kelurahan_code, n.finished_at, n.created_at)$q$);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_region_tallies_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aduan_region_tallies_of_reports();
--> statement-breakpoint
CREATE TRIGGER reports_region_tallies_update AFTER UPDATE ON reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aduan_region_tallies_of_reports();
--> statement-breakpoint
CREATE TRIGGER reports_region_tallies_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aduan_region_tallies_of_reports();
--> statement-breakpoint
-- A rating counts in its report's regions (it is written under the report's row lock, so a
-- concurrent change of the report cannot count it twice or miss it).
CREATE FUNCTION aduan_tally_ratings(changed text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN format($q$
    WITH x AS (%s)
    INSERT INTO region_report_tally_changes (region_code, status, finish_bucket, reports, ratings, rating_sum)
    SELECT c.code, r.status, aduan_finish_bucket(r.status, r.finished_at, r.created_at), 0, sum(x.sign), sum(x.sign * x.score)
    FROM x JOIN reports r ON r.id = x.report_id
    CROSS JOIN LATERAL (VALUES (r.kota_code), (r.kecamatan_code), (r.kelurahan_code)) c(code)
    WHERE NOT r.is_confidential AND c.code IS NOT NULL
    GROUP BY 1, 2, 3
    HAVING sum(x.sign) <> 0 OR sum(x.sign * x.score) <> 0$q$, changed);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION aduan_region_tallies_of_ratings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE aduan_tally_ratings('SELECT 1 AS sign, report_id, score FROM new_rows');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE aduan_tally_ratings('SELECT -1 AS sign, report_id, score FROM old_rows');
  ELSE
    EXECUTE aduan_tally_ratings($q$
      SELECT -1 AS sign, o.report_id, o.score FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.report_id, o.score) IS DISTINCT FROM (n.report_id, n.score)
      UNION ALL
      SELECT 1 AS sign, n.report_id, n.score FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.report_id, o.score) IS DISTINCT FROM (n.report_id, n.score)$q$);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ratings_region_tallies_insert AFTER INSERT ON ratings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aduan_region_tallies_of_ratings();
--> statement-breakpoint
CREATE TRIGGER ratings_region_tallies_update AFTER UPDATE ON ratings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aduan_region_tallies_of_ratings();
--> statement-breakpoint
CREATE TRIGGER ratings_region_tallies_delete AFTER DELETE ON ratings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION aduan_region_tallies_of_ratings();
--> statement-breakpoint
-- Emptying the reports empties their figures (tests and a fresh import do it).
CREATE FUNCTION aduan_region_tallies_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM region_report_tally_changes;
  DELETE FROM region_report_tallies;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_region_tallies_truncate AFTER TRUNCATE ON reports
  FOR EACH STATEMENT EXECUTE FUNCTION aduan_region_tallies_truncate();
--> statement-breakpoint
-- Folds the appended changes into one row per region, status and bucket. Safe to run from several
-- instances at once: a change deleted by one is skipped by the other, and the upserts lock in key order.
CREATE FUNCTION aduan_fold_region_tallies() RETURNS void LANGUAGE sql AS $$
  WITH gone AS (DELETE FROM region_report_tally_changes RETURNING *)
  INSERT INTO region_report_tallies AS t (region_code, status, finish_bucket, reports, ratings, rating_sum)
  SELECT region_code, status, finish_bucket, sum(reports), sum(ratings), sum(rating_sum)
  FROM gone GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (region_code, status, finish_bucket) DO UPDATE
    SET reports = t.reports + excluded.reports, ratings = t.ratings + excluded.ratings, rating_sum = t.rating_sum + excluded.rating_sum;
$$;
--> statement-breakpoint
-- Counts everything again from the reports and ratings (after a bulk load that bypassed the triggers).
CREATE FUNCTION aduan_rebuild_region_tallies() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE region_report_tallies, region_report_tally_changes IN EXCLUSIVE MODE;
  DELETE FROM region_report_tally_changes;
  DELETE FROM region_report_tallies;
  EXECUTE aduan_tally_reports('SELECT 1 AS sign, * FROM reports', 'region_report_tallies');
END;
$$;
--> statement-breakpoint
SELECT aduan_rebuild_region_tallies();
--> statement-breakpoint
-- The median's exact values: one index range per region level, answered from the index alone.
CREATE INDEX "reports_kota_finish_hours_idx" ON "reports" ("kota_code", ((extract(epoch from finished_at - created_at) / 3600)::float8))
  INCLUDE ("finished_at", "created_at") WHERE "status" = 'selesai' AND NOT "is_confidential" AND "finished_at" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "reports_kecamatan_finish_hours_idx" ON "reports" ("kecamatan_code", ((extract(epoch from finished_at - created_at) / 3600)::float8))
  INCLUDE ("finished_at", "created_at") WHERE "status" = 'selesai' AND NOT "is_confidential" AND "finished_at" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "reports_kelurahan_finish_hours_idx" ON "reports" ("kelurahan_code", ((extract(epoch from finished_at - created_at) / 3600)::float8))
  INCLUDE ("finished_at", "created_at") WHERE "status" = 'selesai' AND NOT "is_confidential" AND "finished_at" IS NOT NULL;
--> statement-breakpoint
-- Open tickets, a small share of all: the region page's newest ones and its overdue count (from the index alone).
CREATE INDEX "reports_kota_open_idx" ON "reports" ("kota_code", "created_at") INCLUDE ("due_at")
  WHERE "status" NOT IN ('selesai', 'ditolak') AND NOT "is_confidential";
--> statement-breakpoint
CREATE INDEX "reports_kecamatan_open_idx" ON "reports" ("kecamatan_code", "created_at") INCLUDE ("due_at")
  WHERE "status" NOT IN ('selesai', 'ditolak') AND NOT "is_confidential";
--> statement-breakpoint
CREATE INDEX "reports_kelurahan_open_idx" ON "reports" ("kelurahan_code", "created_at") INCLUDE ("due_at")
  WHERE "status" NOT IN ('selesai', 'ditolak') AND NOT "is_confidential";
