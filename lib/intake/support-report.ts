import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { reportEvents, reports, reportSubscribers } from '@/db/schema';
import { IntakeError } from './errors';
import { withoutNul } from './clean-text';

/**
 * "Dukung": a resident says the same problem affects them. The open report's support count
 * rises, the timeline records it, and the resident's contact (when given) follows its updates.
 */
export async function supportReport(db: Db, number: string, contact: string | null, now: Date): Promise<number> {
  number = withoutNul(number);
  contact = withoutNul(contact);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(reports)
      .set({ supportCount: sql`${reports.supportCount} + 1`, lastActivityAt: now })
      .where(
        and(eq(reports.number, number), eq(reports.isConfidential, false), notInArray(reports.status, ['selesai', 'ditolak'])),
      )
      .returning({ id: reports.id, supportCount: reports.supportCount, status: reports.status });
    if (!row) throw new IntakeError('laporan_tidak_ditemukan');
    await tx.insert(reportEvents).values({
      reportId: row.id,
      type: 'dukungan',
      fromStatus: row.status,
      toStatus: row.status,
      actorLabel: 'warga',
      createdAt: now,
    });
    if (contact) await tx.insert(reportSubscribers).values({ reportId: row.id, contact }).onConflictDoNothing();
    return row.supportCount;
  });
}
