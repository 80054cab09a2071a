import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';

/**
 * What a backup must reproduce: the row count of every table (the migration journal included)
 * and one checksum over every row's content, and the photo files by name and content.
 */
export interface Fingerprint {
  tables: Record<string, number>;
  checksum: string;
  mediaFiles: number;
  mediaChecksum: string;
}

export async function fingerprint(db: Db, mediaDir: string): Promise<Fingerprint> {
  const tables = await db.transaction((tx) => tableFingerprint(tx));
  return { ...tables, ...(await mediaFingerprint(mediaDir)) };
}

/** Row counts and checksum as the given transaction sees them (it may hold a snapshot shared with pg_dump). */
export async function tableFingerprint(tx: Db): Promise<Pick<Fingerprint, 'tables' | 'checksum'>> {
  const tables: Record<string, number> = {};
  const digest = createHash('sha256');
  // a row's text form includes its timestamps, which follow the session's time zone
  await tx.execute(sql`set local timezone = 'UTC'`);
  const names = await rowsOf<{ schema: string; name: string }>(
    tx.execute(sql`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1, 2`),
  );
  for (const { schema, name } of names) {
    // an order-independent sum of per-row hashes: constant memory on tables of millions of rows
    const [row] = await rowsOf<{ n: number; h: string }>(
      tx.execute(sql`
        select count(*)::int as n, coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text as h
        from ${sql.identifier(schema)}.${sql.identifier(name)} t`),
    );
    const key = schema === 'public' ? name : `${schema}.${name}`;
    tables[key] = Number(row.n);
    digest.update(`${key}\t${row.n}\t${row.h}\n`);
  }
  return { tables, checksum: digest.digest('hex') };
}

export async function mediaFingerprint(
  root: string,
): Promise<{ mediaFiles: number; mediaChecksum: string }> {
  const digest = createHash('sha256');
  let entries: string[] = [];
  try {
    entries = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const key of entries) {
    digest.update(
      `${key}\t${createHash('sha256')
        .update(await readFile(join(root, key)))
        .digest('hex')}\n`,
    );
  }
  return { mediaFiles: entries.length, mediaChecksum: digest.digest('hex') };
}

/** The differences between two fingerprints, in words; empty when they match. */
export function compareFingerprints(expected: Fingerprint, actual: Fingerprint): string[] {
  const out: string[] = [];
  for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
    if (expected.tables[name] !== actual.tables[name])
      out.push(
        `${name}: ${expected.tables[name] ?? 'absent'} rows expected, ${actual.tables[name] ?? 'absent'} found`,
      );
  }
  if (out.length === 0 && expected.checksum !== actual.checksum)
    out.push('row contents differ (checksum)');
  if (expected.mediaFiles !== actual.mediaFiles)
    out.push(`${expected.mediaFiles} photo files expected, ${actual.mediaFiles} found`);
  else if (expected.mediaChecksum !== actual.mediaChecksum)
    out.push('photo files differ (checksum)');
  return out;
}
