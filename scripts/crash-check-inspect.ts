import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';

export interface Findings {
  reports: number;
  /** Ticket numbers a client was given that the database does not hold. */
  acknowledgedMissing: string[];
  /** Tickets without their first event, their photo (as the event counts them) or their confirmation. */
  incomplete: string[];
  /** Days of either series (JK…, JKR…) whose numbers are not exactly 1..n with that day's counter at n. */
  numberGaps: string[];
  /** Photo files a stored row points at that are missing or of the wrong size. */
  missingFiles: string[];
  /** Files no row points at. */
  orphanFiles: string[];
  /** Writes cut short (`*.tmp`). */
  tempFiles: string[];
}

/**
 * Compares the database and the media directory of a crash-check run. Every report there was
 * filed by the check over Open311 with one photo and an e-mail address.
 */
export async function inspectStore(
  db: Db,
  mediaDir: string,
  acknowledged: string[],
): Promise<Findings> {
  const [{ n }] = await rowsOf<{ n: number }>(
    db.execute(sql`select count(*)::int as n from reports`),
  );
  const present = new Set(
    (
      await rowsOf<{ number: string }>(
        db.execute(
          sql`select number from reports where number in (select json_array_elements_text(${JSON.stringify(acknowledged)}::json))`,
        ),
      )
    ).map((r) => r.number),
  );
  const incomplete = await rowsOf<{ number: string }>(
    db.execute(sql`
    select r.number from reports r
    where (select count(*) from report_events e where e.report_id = r.id and e.type = 'dibuat') <> 1
       or (select count(*) from attachments a where a.report_id = r.id and a.kind = 'sebelum') <> 1
       or (select (e.data->>'photos')::int from report_events e where e.report_id = r.id and e.type = 'dibuat' limit 1) <> 1
       or not exists (select 1 from outbox o where o.report_id = r.id)
       or not exists (select 1 from report_subscribers s where s.report_id = r.id)`),
  );
  // Both series, public (JK…) and confidential (JKR…), each against its own counter; a counter
  // without any ticket of its day is a gap too.
  const days = await rowsOf<{ prefix: string; day: string; reports: number; max_seq: number; last: number | null }>(
    db.execute(sql`
    with numbered as (
      select substring(number from '^(JKR?)[0-9]{10}$') as prefix, substring(number from '^JKR?([0-9]{6})[0-9]{4}$') as day,
             right(number, 4)::int as seq
      from reports where number ~ '^JKR?[0-9]{10}$'),
    counters as (
      select 'JK' as prefix, to_char(day, 'YYMMDD') as day, last from ticket_sequences
      union all
      select 'JKR', to_char(day, 'YYMMDD'), last from confidential_ticket_sequences)
    select coalesce(d.prefix, c.prefix) as prefix, coalesce(d.day, c.day) as day,
           coalesce(d.reports, 0)::int as reports, coalesce(d.max_seq, 0)::int as max_seq, c.last
    from (select prefix, day, count(*)::int as reports, max(seq) as max_seq from numbered group by 1, 2) d
    full join counters c on c.prefix = d.prefix and c.day = d.day
    order by 1, 2`),
  );
  const numberGaps = days
    .filter((d) => d.reports !== d.max_seq || d.last !== d.max_seq)
    .map(
      (d) => `${d.prefix} day ${d.day}: ${d.reports} tickets, highest number ${d.max_seq}, counter ${d.last}`,
    );

  const files = listFiles(mediaDir);
  const keys = await rowsOf<{ storage_key: string; thumb_key: string | null; bytes: number }>(
    db.execute(sql`select storage_key, thumb_key, bytes from attachments`),
  );
  const referenced = new Set(
    keys.flatMap((k) => [k.storage_key, k.thumb_key].filter((x): x is string => x !== null)),
  );
  const missingFiles = keys.flatMap((k) => {
    const main = files.get(k.storage_key);
    const bad = main === k.bytes ? [] : [k.storage_key];
    return k.thumb_key && !files.has(k.thumb_key) ? [...bad, k.thumb_key] : bad;
  });
  const tempFiles = [...files.keys()].filter((f) => f.endsWith('.tmp'));
  const orphanFiles = [...files.keys()].filter((f) => !f.endsWith('.tmp') && !referenced.has(f));
  return {
    reports: n,
    acknowledgedMissing: acknowledged.filter((a) => !present.has(a)),
    incomplete: incomplete.map((r) => r.number),
    numberGaps,
    missingFiles,
    orphanFiles,
    tempFiles,
  };
}

/** Every file under the directory by its storage key, with its size. */
function listFiles(root: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(
      relative(root, path).split(sep).join('/'),
      statSync(path, { throwIfNoEntry: false })?.size ?? -1,
    );
  }
  return out;
}
