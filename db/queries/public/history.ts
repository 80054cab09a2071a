import { createHmac } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../connect';
import { agencies, reportEvents } from '../../schema';
import { serverSecret } from '@/lib/security/secret';
import { publicText } from './text';
import { publicActor } from './ticket';
import { publicReportEvents, publicReports } from './views';

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
 * anyone who keeps a digest can later check that nothing before it was changed. What is shown
 * comes from the public projection; the stored row is read only into the keyed digest.
 */
export async function getTicketHistory(db: Db, number: string): Promise<HistoryEntry[] | null> {
  const [report] = await db.select({ id: publicReports.id }).from(publicReports).where(eq(publicReports.number, number));
  if (!report) return null;
  const e = publicReportEvents;
  const rows = await db
    .select({
      shown: { type: e.type, isPublic: e.isPublic, actorLabel: e.actorLabel, body: e.body, agencyName: agencies.name },
      stored: {
        id: reportEvents.id,
        type: reportEvents.type,
        toStatus: reportEvents.toStatus,
        isPublic: reportEvents.isPublic,
        actorLabel: reportEvents.actorLabel,
        actorUserId: reportEvents.actorUserId,
        body: reportEvents.body,
        data: reportEvents.data,
        createdAt: reportEvents.createdAt,
      },
    })
    .from(e)
    .innerJoin(reportEvents, eq(reportEvents.id, e.id))
    .leftJoin(agencies, eq(agencies.id, e.actorAgencyId))
    .where(eq(e.reportId, report.id))
    .orderBy(asc(e.id));
  let digest = number;
  return rows.map(({ shown, stored: s }, i) => {
    // keyed, so that the digest of a short internal note cannot be guessed back into its text
    digest = createHmac('sha256', serverSecret())
      .update(JSON.stringify([digest, s.id, s.type, s.toStatus, s.isPublic, s.actorLabel, s.actorUserId, s.body, s.data, s.createdAt.toISOString()]))
      .digest('hex');
    return {
      seq: i + 1,
      type: shown.type,
      actor: shown.isPublic ? publicActor(shown.agencyName, shown.actorLabel) : null,
      body: publicText(shown.body),
      isPublic: shown.isPublic,
      createdAt: s.createdAt,
      digest: digest.slice(0, 16),
    };
  });
}
