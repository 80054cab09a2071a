import { sql } from 'drizzle-orm';
import type { Db } from '../../connect';
import { rowsOf } from '../../bulk';
import type { ReportStatus } from '../../schema';
import type { FactRow } from '@/lib/stats/fact-store';

export interface FactChanges {
  rows: FactRow[];
  /** The highest change number read; pass it back to read on from there. */
  lastSeq: number;
}

interface Raw {
  id: number;
  seq: number;
  visible: boolean;
  status: ReportStatus | null;
  category: string | null;
  channel: string | null;
  kelurahan: string | null;
  kecamatan: string | null;
  kota: string | null;
  agency: number | null;
  created: number | null;
  responded: number | null;
  response_due: number | null;
  finished: number | null;
  finish_due: number | null;
  reopens: number | null;
  rejected_follow_ups: number | null;
  rating: number | null;
  proof_flags: number | null;
  dispute_count: number | null;
}

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/**
 * Reports inserted or changed after change number `afterSeq`, oldest change first, as the
 * figures need them, from the public projection (a rating touches its report, so it arrives here too). Confidential reports
 * come back uncounted. Never any reporter data. Times are read as epoch milliseconds, so that
 * millions of rows never become Date objects.
 */
export async function loadFactChanges(db: Db, afterSeq: number, limit: number): Promise<FactChanges> {
  const rows = await rowsOf<Raw>(
    db.execute(sql`
      select r.id::float8 as id, r.change_seq::float8 as seq, r.is_visible as visible, r.status,
             r.category_code as category, r.channel_code as channel, r.kelurahan_code as kelurahan,
             r.kecamatan_code as kecamatan, r.kota_code as kota, r.handling_agency_id as agency,
             ${ms('r.created_at')} as created, ${ms('r.first_response_at')} as responded,
             ${ms('r.first_response_due_at')} as response_due, ${ms('r.finished_at')} as finished,
             ${ms('r.finish_due_at')} as finish_due,
             r.reopen_count as reopens, r.rejected_follow_up_count as rejected_follow_ups, g.score as rating,
             r.proof_flags, r.dispute_count
      from public_report_changes r left join public_ratings g on g.report_id = r.id
      where r.change_seq > ${afterSeq}
      order by r.change_seq
      limit ${limit}`),
  );
  return {
    lastSeq: rows.length ? rows[rows.length - 1].seq : afterSeq,
    rows: rows.map((r) => ({
      id: r.id,
      counted: r.visible,
      status: r.status ?? 'menunggu',
      categoryCode: r.category ?? '',
      channelCode: r.channel ?? '',
      kelurahanCode: r.kelurahan,
      kecamatanCode: r.kecamatan,
      kotaCode: r.kota,
      agencyId: r.agency,
      createdAt: r.created ?? 0,
      firstResponseAt: r.responded,
      firstResponseDueAt: r.response_due,
      finishedAt: r.finished,
      finishDueAt: r.finish_due,
      reopenCount: r.reopens ?? 0,
      rejectedFollowUpCount: r.rejected_follow_ups ?? 0,
      rating: r.rating ?? 0,
      proofFlagged: (r.proof_flags ?? 0) > 0,
      disputed: (r.dispute_count ?? 0) > 0,
    })),
  };
}
