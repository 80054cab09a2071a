import { sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { rowsOf } from '../bulk';
import type { ReferenceKind } from '../schema';
import type { StaffUser } from '@/lib/auth/permissions';

export interface UnmatchedLabelRow {
  kind: ReferenceKind;
  key: string;
  /** The label as the archive wrote it (the first of its spellings). */
  label: string;
  /** How many imported reports are held under it. */
  reports: number;
}

/**
 * The archive labels that matched nothing and the reports held under each, most first. Admin
 * work: anyone else gets an empty list.
 */
export async function listUnmatchedLabels(db: Db, user: StaffUser): Promise<UnmatchedLabelRow[]> {
  if (user.role !== 'admin') return [];
  const rows = await rowsOf<UnmatchedLabelRow>(
    db.execute(sql`
      select kind, key, label, reports from (
        select 'kategori' as kind, category_key as key, min(category) as label, count(*)::int as reports from archive_labels where category_key is not null group by category_key
        union all
        select 'instansi', agency_key, min(agency), count(*)::int from archive_labels where agency_key is not null group by agency_key
        union all
        select 'kelurahan', kelurahan_key, min(kelurahan), count(*)::int from archive_labels where kelurahan_key is not null group by kelurahan_key
      ) t
      order by reports desc, kind, label`),
  );
  return rows.map((r) => ({ ...r, reports: Number(r.reports) }));
}
