import { and, eq, like } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { reportSubscribers, waConversations, type ReportStatus } from '@/db/schema';
import { statusLabel } from '@/lib/i18n';
import { parseWaRecipient } from './recipient';

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

/**
 * A status change in English for a conversation held in English, or null: the default text
 * (Bahasa Indonesia) goes to everyone else.
 */
export async function whatsAppStatusText(db: Db, contact: string, number: string, status: ReportStatus): Promise<string | null> {
  const id = parseWaRecipient(contact);
  if (id === null) return null;
  const [conversation] = await db.select({ language: waConversations.language }).from(waConversations).where(eq(waConversations.id, id));
  return conversation?.language === 'en' ? `The status of report ${number} is now: ${statusLabel(status, 'en')}.` : null;
}
