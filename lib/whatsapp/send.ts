import { eq } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { reports, waConversations, waOutgoing } from '@/db/schema';
import { PermanentDeliveryError } from '@/lib/notify/backoff';
import type { OutgoingMessage } from '@/lib/notify/senders';
import { whatsAppConfig } from './config';
import { GraphError, messageBody, postMessage, templateBody, type OutgoingContent } from './graph';
import { parseWaRecipient, REPLY_HEADER } from './recipient';

type Env = Record<string, string | undefined>;

/** The customer service window: free text may be sent this long after the resident last wrote. */
export const SERVICE_WINDOW_MS = 24 * 3600_000;

/** Whether free text may still be sent, or only an approved template. Pure. */
export function isInServiceWindow(lastInboundAt: Date | null, now: Date): boolean {
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < SERVICE_WINDOW_MS;
}

/** A reply's buttons or list (from the outbox header) around its text (the body), or null for a status message. */
function replyContent(headers: unknown, text: string): OutgoingContent | null {
  const raw = (headers as Record<string, unknown> | null | undefined)?.[REPLY_HEADER];
  if (typeof raw !== 'string') return null;
  try {
    return { ...(JSON.parse(raw) as Omit<OutgoingContent, 'text'>), text } as OutgoingContent;
  } catch {
    return null;
  }
}

/**
 * Delivers outbox rows of kind `whatsapp` addressed to a conversation (`wa:<id>`) through the
 * Cloud API. A reply inside the conversation goes as composed (text, buttons, list). A status
 * message goes as free text inside the 24-hour window since the resident last wrote, and as the
 * configured template (ticket number and text as its parameters) outside it; a resident who wrote
 * BERHENTI gets none. Each message sent is recorded with its wamid, where the status callbacks
 * (sent, delivered, read, failed) land. Error texts never carry the number or the token.
 */
export function whatsAppSender(db: Db, env: Env = process.env, clock: () => Date = () => new Date()) {
  return async (message: OutgoingMessage & { id?: number }): Promise<void> => {
    const config = whatsAppConfig(env);
    if (!config) throw new Error('WhatsApp belum dikonfigurasi (ADUAN_WA_PHONE_NUMBER_ID, ADUAN_WA_ACCESS_TOKEN, ADUAN_WA_APP_SECRET, ADUAN_WA_VERIFY_TOKEN)');
    const id = parseWaRecipient(message.recipient);
    if (id === null) throw new PermanentDeliveryError('Penerima WhatsApp tidak valid');
    const [conversation] = await db.select().from(waConversations).where(eq(waConversations.id, id));
    if (!conversation) throw new PermanentDeliveryError('Percakapan WhatsApp sudah dihapus');
    const reply = replyContent(message.headers, message.body);
    const now = clock();
    const isOpen = isInServiceWindow(conversation.lastInboundAt, now);
    const asTemplate = async () => {
      const [report] = message.reportId ? await db.select({ number: reports.number }).from(reports).where(eq(reports.id, message.reportId)) : [];
      return { type: 'template', body: templateBody(conversation.waId, config.templateStatus, config.templateLanguage, [report?.number ?? '-', message.body]) };
    };
    let sending: { type: string; body: Record<string, unknown> };
    if (reply) {
      // a reply that waited past the window has lost its moment: the resident writes again
      if (!isOpen) throw new PermanentDeliveryError('Jendela 24 jam WhatsApp sudah lewat untuk balasan ini');
      sending = { type: 'buttons' in reply || 'list' in reply ? 'interactive' : 'text', body: messageBody(conversation.waId, reply) };
    } else {
      if (conversation.optedOutAt) throw new PermanentDeliveryError('Penerima meminta berhenti (BERHENTI): tidak dikirim');
      sending = isOpen ? { type: 'text', body: messageBody(conversation.waId, { text: message.body }) } : await asTemplate();
    }
    let wamid: string;
    try {
      wamid = await postMessage(config, sending.body);
    } catch (error) {
      // 131047: Meta counts the window by its own clock and found it closed; a template still goes
      const isWindowClosed = error instanceof GraphError && /\b131047\b/.test(error.message);
      if (reply || sending.type !== 'text' || !isWindowClosed) throw error;
      sending = await asTemplate();
      wamid = await postMessage(config, sending.body);
    }
    await db
      .insert(waOutgoing)
      .values({ wamid, conversationId: conversation.id, outboxId: message.id ?? null, type: sending.type, createdAt: now, updatedAt: now })
      .onConflictDoNothing();
  };
}
