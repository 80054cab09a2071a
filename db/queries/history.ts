import { createHmac } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../connect';
import { agencies, reportEvents, reports } from '../schema';
import { maskContacts } from '@/lib/reports/mask';
import { serverSecret } from '@/lib/security/secret';

export interface HistoryEntry {
  /** 1, 2, 3 … in the order the events were written. */
  seq: number;
  type: string;
  /** Null for internal notes: only their place in the chain is public. */
  actor: string | null;
  body: string | null;
  isPublic: boolean;
  createdAt: Date;
  /** A running digest of every event up to this one: it changes if any earlier event ever changes. */
  digest: string;
}

/**
 * The complete history of a public ticket, every event in the order written (internal notes as
 * placeholders), each with a running digest. The timeline table refuses updates and deletes;
 * anyone who keeps a digest can later check that nothing before it was changed.
 */
export async function getTicketHistory(db: Db, number: string): Promise<HistoryEntry[] | null> {
  const [report] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.number, number), eq(reports.isConfidential, false)));
  if (!report) return null;
  const rows = await db
    .select({
      id: reportEvents.id,
      type: reportEvents.type,
      toStatus: reportEvents.toStatus,
      isPublic: reportEvents.isPublic,
      actorLabel: reportEvents.actorLabel,
      actorUserId: reportEvents.actorUserId,
      agencyName: agencies.name,
      body: reportEvents.body,
      data: reportEvents.data,
      createdAt: reportEvents.createdAt,
    })
    .from(reportEvents)
    .leftJoin(agencies, eq(agencies.id, reportEvents.actorAgencyId))
    .where(eq(reportEvents.reportId, report.id))
    .orderBy(asc(reportEvents.id));
  let digest = number;
  return rows.map((r, i) => {
    // keyed, so that the digest of a short internal note cannot be guessed back into its text
    digest = createHmac('sha256', serverSecret())
      .update(JSON.stringify([digest, r.id, r.type, r.toStatus, r.isPublic, r.actorLabel, r.actorUserId, r.body, r.data, r.createdAt.toISOString()]))
      .digest('hex');
    return {
      seq: i + 1,
      type: r.type,
      actor: r.isPublic ? (r.agencyName ?? (r.actorLabel === 'warga' ? 'Pelapor' : r.actorLabel)) : null,
      body: r.isPublic && r.body !== null ? maskContacts(r.body) : null,
      isPublic: r.isPublic,
      createdAt: r.createdAt,
      digest: digest.slice(0, 16),
    };
  });
}
