import { and, asc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { enqueueNotification } from '@/db/queries/outbox';
import { reports, reportSubscribers, waConversations, waInbound } from '@/db/schema';
import { startLoop } from '@/lib/jobs/loop';
import { shortError } from '@/lib/notify/backoff';
import { outboxWorkerHook } from '@/lib/notify/worker';
import { logError } from '@/lib/security/log-error';
import { converse, INITIAL_STATE, type ConversationState } from './conversation';
import type { OutgoingContent } from './graph';
import type { InboundMessage } from './payload';
import { conversationPorts, type PortDeps } from './ports';
import { REPLY_HEADER, waRecipient } from './recipient';
import { say, type Language } from './texts';
import { whatsAppWorkerHook } from './webhook';



const LEASE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 5;
// processed messages are kept as long as Meta may redeliver them, and a little longer
const KEEP_MS = 8 * 24 * 3600_000;

export interface WhatsAppRunResult {
  processed: number;
  failed: number;
  expired: number;
}

/**
 * Claims the oldest unprocessed message of up to `batch` senders. A sender's next message waits
 * until the one before it is processed, so one conversation never runs twice at once and its
 * messages are read in the order they were written.
 */
async function claim(db: Db, now: Date, batch: number): Promise<(typeof waInbound.$inferSelect)[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ wamid: waInbound.wamid })
      .from(waInbound)
      .where(
        and(
          isNull(waInbound.processedAt),
          or(isNull(waInbound.lockedUntil), lte(waInbound.lockedUntil, now)),
          sql`not exists (select 1 from wa_inbound earlier where earlier.wa_id = ${waInbound.waId} and earlier.processed_at is null
                and (earlier.sent_at, earlier.wamid) < (${waInbound.sentAt}, ${waInbound.wamid}))`,
        ),
      )
      .orderBy(asc(waInbound.sentAt), asc(waInbound.wamid))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const rows = [];
    for (const { wamid } of due) {
      const [row] = await tx
        .update(waInbound)
        .set({ attempts: sql`${waInbound.attempts} + 1`, lockedUntil: new Date(now.getTime() + LEASE_MS) })
        .where(eq(waInbound.wamid, wamid))
        .returning();
      rows.push(row);
    }
    return rows;
  });
}

async function conversationOf(db: Db, waId: string, now: Date) {
  await db.insert(waConversations).values({ waId, state: INITIAL_STATE, createdAt: now, updatedAt: now }).onConflictDoNothing();
  const [row] = await db.select().from(waConversations).where(eq(waConversations.waId, waId));
  return row;
}

/** Queues replies inside a conversation, in order, through the outbox (retries, one sender). */
async function enqueueReplies(tx: Db, conversationId: number, replies: OutgoingContent[], reportId: number | null) {
  for (const { text, ...interactive } of replies) {
    await enqueueNotification(tx, {
      kind: 'whatsapp',
      recipient: waRecipient(conversationId),
      // the text only in the body, which loses its private link's key once sent (markSent)
      body: text,
      headers: { [REPLY_HEADER]: JSON.stringify(interactive) },
      reportId,
    });
  }
}

/** Messages one sender may have answered within a minute; a person tapping through a report sends a few. */
export const MESSAGES_PER_MINUTE = 20;

/** Whether this message comes after MESSAGES_PER_MINUTE others of its sender within its minute (in claim order). */
async function isFlooding(db: Db, row: typeof waInbound.$inferSelect): Promise<boolean> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(waInbound)
    .where(and(eq(waInbound.waId, row.waId), sql`${waInbound.sentAt} > ${new Date(row.sentAt.getTime() - 60_000).toISOString()}::timestamptz`, sql`(${waInbound.sentAt}, ${waInbound.wamid}) <= (${row.sentAt.toISOString()}::timestamptz, ${row.wamid})`));
  return n > MESSAGES_PER_MINUTE;
}

/** Runs one stored message through the conversation and stores its outcome in one transaction. */
async function processOne(db: Db, row: typeof waInbound.$inferSelect, deps: PortDeps): Promise<void> {
  const message = { ...(row.message as InboundMessage), sentAt: row.sentAt };
  if (await isFlooding(db, row)) {
    // every reply costs the city and a flood is not a conversation: read, not answered
    await db.update(waInbound).set({ processedAt: deps.now, lockedUntil: null, lastError: 'terlalu banyak pesan: tidak dijawab' }).where(eq(waInbound.wamid, row.wamid));
    return;
  }
  const conversation = await conversationOf(db, row.waId, deps.now);
  const filed: { number?: string } = {};
  const state = conversation.state as ConversationState;
  const output = await converse(
    {
      state,
      language: conversation.language as Language,
      content: message.content,
      now: deps.now,
      isExpired: conversation.expiresAt !== null && conversation.expiresAt <= message.sentAt,
      reportsPerHour: deps.config.reportsPerHour,
      idleMinutes: deps.config.idleMinutes,
    },
    conversationPorts(db, deps, row.wamid, filed),
  );
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ wamid: waInbound.wamid }).from(waInbound).where(and(eq(waInbound.wamid, row.wamid), isNull(waInbound.processedAt), eq(waInbound.attempts, row.attempts))).for('update');
    // another worker took it over after this one's lease ran out: its outcome counts
    if (!current) return;
    await tx.select({ id: waConversations.id }).from(waConversations).where(eq(waConversations.id, conversation.id)).for('update');
    let reportId: number | null = null;
    if (filed.number) {
      const [report] = await tx.select({ id: reports.id }).from(reports).where(eq(reports.number, filed.number));
      reportId = report?.id ?? null;
      if (reportId !== null) await tx.insert(reportSubscribers).values({ reportId, contact: waRecipient(conversation.id) }).onConflictDoNothing();
    }
    const isFilling = output.state.step !== 'idle';
    await tx
      .update(waConversations)
      .set({
        state: output.state,
        language: output.language,
        lastInboundAt: sql`greatest(${waConversations.lastInboundAt}, ${message.sentAt.toISOString()}::timestamptz)`,
        expiresAt: isFilling ? new Date(Math.max(message.sentAt.getTime(), deps.now.getTime()) + deps.config.idleMinutes * 60_000) : null,
        ...(output.optOut === 'out' ? { optedOutAt: deps.now } : output.optOut === 'in' ? { optedOutAt: null } : {}),
        updatedAt: deps.now,
      })
      .where(eq(waConversations.id, conversation.id));
    await enqueueReplies(tx, conversation.id, output.replies, reportId);
    await tx.update(waInbound).set({ processedAt: deps.now, lockedUntil: null, lastError: null }).where(eq(waInbound.wamid, row.wamid));
  });
}

/** Conversations left silent in the middle of a report: dropped, with a message saying so. */
async function expireSilent(db: Db, deps: PortDeps): Promise<number> {
  return db.transaction(async (tx) => {
    const silent = await tx
      .select({ id: waConversations.id, language: waConversations.language, state: waConversations.state })
      .from(waConversations)
      .where(lte(waConversations.expiresAt, deps.now))
      .limit(50)
      .for('update', { skipLocked: true });
    for (const c of silent) {
      const state = c.state as ConversationState;
      await tx.update(waConversations).set({ state: { ...INITIAL_STATE, filings: state.filings }, expiresAt: null, updatedAt: deps.now }).where(eq(waConversations.id, c.id));
      await enqueueReplies(tx, c.id, [{ text: say('expired', c.language as Language, { minutes: deps.config.idleMinutes }) }], null);
    }
    return silent.length;
  });
}

/**
 * Processes stored WhatsApp messages (and drops silent conversations). A message that keeps
 * failing (the Graph API down while its photo is fetched) is retried with each run up to
 * MAX_ATTEMPTS, then given up with an apology, so one broken message does not hold up its sender.
 */
export async function processWhatsAppOnce(db: Db, deps: PortDeps, batch = 10): Promise<WhatsAppRunResult> {
  const rows = await claim(db, deps.now, batch);
  let failed = 0;
  for (const row of rows) {
    try {
      await processOne(db, row, deps);
    } catch (error) {
      failed += 1;
      logError('[whatsapp] message failed:', error);
      const isGivingUp = row.attempts >= MAX_ATTEMPTS;
      await db.transaction(async (tx) => {
        await tx
          .update(waInbound)
          .set({ lastError: shortError(error), lockedUntil: isGivingUp ? null : new Date(deps.now.getTime() + 30_000 * row.attempts), ...(isGivingUp ? { processedAt: deps.now } : {}) })
          .where(and(eq(waInbound.wamid, row.wamid), isNull(waInbound.processedAt)));
        if (isGivingUp) {
          const conversation = await conversationOf(tx, row.waId, deps.now);
          await enqueueReplies(tx, conversation.id, [{ text: failureText(conversation.language as Language) }], null);
        }
      });
    }
  }
  const expired = await expireSilent(db, deps);
  // the replies are in the outbox: send them now, the resident is waiting in the chat
  if (rows.length + expired > 0) outboxWorkerHook.aduanWakeOutbox?.();
  await db.delete(waInbound).where(and(lt(waInbound.receivedAt, new Date(deps.now.getTime() - KEEP_MS)), sql`${waInbound.processedAt} is not null`));
  return { processed: rows.length - failed, failed, expired };
}

const failureText = (language: Language) =>
  language === 'en' ? 'Sorry, your last message could not be processed. Please send it again.' : 'Maaf, pesan terakhir Anda tidak dapat diproses. Silakan kirim ulang.';

export interface WhatsAppWorkerOptions {
  intervalMs?: number;
  batch?: number;
  onError?: (error: unknown) => void;
}

/** Polls for stored messages until stopped; the webhook wakes it when it stores one. */
export function startWhatsAppWorker(db: Db, deps: () => PortDeps, options: WhatsAppWorkerOptions = {}): () => Promise<void> {
  const { intervalMs = 5_000, batch = 10, onError = (error) => logError('[whatsapp] run failed:', error) } = options;
  const stop = startLoop(
    async () => {
      const result = await processWhatsAppOnce(db, deps(), batch);
      // a sender's next message becomes claimable only once this one is done: look again at once
      return result.processed + result.failed > 0;
    },
    { intervalMs, onError },
  );
  whatsAppWorkerHook.aduanWakeWhatsAppWorker = stop.wake;
  return async () => {
    if (whatsAppWorkerHook.aduanWakeWhatsAppWorker === stop.wake) whatsAppWorkerHook.aduanWakeWhatsAppWorker = undefined;
    await stop();
  };
}
