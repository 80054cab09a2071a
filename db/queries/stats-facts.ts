import { asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../connect';
import { ratings, reports } from '../schema';
import type { FactRow } from '@/lib/stats/fact-store';

export interface FactChanges {
  rows: FactRow[];
  /** The highest change number read; pass it back to read on from there. */
  lastSeq: number;
}

const ms = (d: Date | null) => (d ? d.getTime() : null);

/**
 * Reports inserted or changed after change number `afterSeq`, oldest change first, as the
 * figures need them (a rating touches its report, so it arrives here too). Confidential reports
 * come back uncounted. Never any reporter data.
 */
export async function loadFactChanges(db: Db, afterSeq: number, limit: number): Promise<FactChanges> {
  const rows = await db
    .select({
      id: reports.id,
      changeSeq: reports.changeSeq,
      isConfidential: reports.isConfidential,
      status: reports.status,
      categoryCode: reports.categoryCode,
      channelCode: reports.channelCode,
      kelurahanCode: reports.kelurahanCode,
      kecamatanCode: reports.kecamatanCode,
      kotaCode: reports.kotaCode,
      agencyId: reports.handlingAgencyId,
      createdAt: reports.createdAt,
      firstResponseAt: reports.firstResponseAt,
      firstResponseDueAt: reports.firstResponseDueAt,
      finishedAt: reports.finishedAt,
      dueAt: reports.dueAt,
      estimatedCompletionAt: reports.estimatedCompletionAt,
      reopenCount: reports.reopenCount,
      rejectedFollowUpCount: reports.rejectedFollowUpCount,
      rating: ratings.score,
    })
    .from(reports)
    .leftJoin(ratings, eq(ratings.reportId, reports.id))
    .where(gt(reports.changeSeq, afterSeq))
    .orderBy(asc(reports.changeSeq))
    .limit(limit);
  return {
    lastSeq: rows.length ? rows[rows.length - 1].changeSeq : afterSeq,
    rows: rows.map((r) => ({
      id: r.id,
      counted: !r.isConfidential,
      status: r.status,
      categoryCode: r.categoryCode,
      channelCode: r.channelCode,
      kelurahanCode: r.kelurahanCode,
      kecamatanCode: r.kecamatanCode,
      kotaCode: r.kotaCode,
      agencyId: r.agencyId,
      createdAt: r.createdAt.getTime(),
      firstResponseAt: ms(r.firstResponseAt),
      firstResponseDueAt: ms(r.firstResponseDueAt),
      finishedAt: ms(r.finishedAt),
      finishDueAt: ms(r.estimatedCompletionAt ?? r.dueAt),
      reopenCount: r.reopenCount,
      rejectedFollowUpCount: r.rejectedFollowUpCount,
      rating: r.rating ?? 0,
    })),
  };
}
