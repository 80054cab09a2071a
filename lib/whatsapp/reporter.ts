import { and, eq, like } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { reportSubscribers } from '@/db/schema';

/**
 * The WhatsApp conversation (`wa:<id>`) that filed a report through the WhatsApp channel: its
 * reporter has no phone or e-mail on the ticket, only this, so messages written to the reporter
 * go there.
 */
export async function whatsAppReporter(db: Db, reportId: number): Promise<string | null> {
  const [row] = await db
    .select({ contact: reportSubscribers.contact })
    .from(reportSubscribers)
    .where(and(eq(reportSubscribers.reportId, reportId), like(reportSubscribers.contact, 'wa:%')))
    .limit(1);
  return row?.contact ?? null;
}
