import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { waInbound, waOutgoing } from '@/db/schema';
import { whatsAppConfig } from './config';
import { readWebhookPayload, type DeliveryStatus } from './payload';
import { isHubSignatureValid } from './signature';

type Env = Record<string, string | undefined>;

export interface WhatsAppAnswer {
  status: number;
  /** Text for the handshake's challenge, JSON otherwise. */
  body: string | Record<string, unknown>;
}

const refuse = (status: number, id: string, en: string): WhatsAppAnswer => ({ status, body: { error: id, error_en: en } });
const NOT_CONFIGURED = refuse(503, 'Kanal ini belum dikonfigurasi.', 'This channel is not configured.');

/**
 * Meta redelivers an unacknowledged webhook for up to 7 days; anything older is a replay of a
 * captured request (its wamid may have been pruned) and is ignored.
 */
export const MAX_MESSAGE_AGE_MS = 7 * 24 * 3600 * 1000;

/** Ordering of the statuses a callback may report: a late "delivered" never undoes "read". */
export const STATUS_RANK: Record<DeliveryStatus | 'accepted', number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/** The GET handshake Meta makes when the webhook is subscribed: echo the challenge for our token. */
export function verifySubscription(params: URLSearchParams, env: Env = process.env): WhatsAppAnswer {
  const config = whatsAppConfig(env);
  if (!config) return NOT_CONFIGURED;
  const challenge = params.get('hub.challenge');
  if (params.get('hub.mode') !== 'subscribe' || params.get('hub.verify_token') !== config.verifyToken || !challenge) {
    return refuse(403, 'Token verifikasi tidak cocok.', 'Verify token does not match.');
  }
  return { status: 200, body: challenge };
}

/** Set by the process that runs the WhatsApp worker, so a stored message is handled at once. */
export const whatsAppWorkerHook = globalThis as unknown as { aduanWakeWhatsAppWorker?: () => void };

/**
 * A POST from the Cloud API. Only a body signed with the app secret is read; its messages are
 * stored (once per wamid, however often delivered) and its status callbacks recorded on our
 * outgoing messages, then it is acknowledged at once: the conversation runs in the worker
 * (lib/whatsapp/process.ts), never while Meta waits.
 */
export async function receiveWhatsApp(db: Db, request: { body: Buffer; signature: string | null }, deps: { now: Date; env?: Env }): Promise<WhatsAppAnswer> {
  const config = whatsAppConfig(deps.env ?? process.env);
  if (!config) return NOT_CONFIGURED;
  if (!isHubSignatureValid(config.appSecret, request.signature, request.body)) {
    return refuse(401, 'Tanda tangan X-Hub-Signature-256 tidak cocok.', 'X-Hub-Signature-256 does not match.');
  }
  let json: unknown;
  try {
    json = JSON.parse(request.body.toString('utf8'));
  } catch {
    return refuse(400, 'Isi bukan JSON.', 'The body is not JSON.');
  }
  const read = readWebhookPayload(json, config.phoneNumberId);
  if (!read) return refuse(400, 'Bukan webhook WhatsApp Business.', 'Not a WhatsApp Business webhook.');
  const fresh = read.messages.filter((m) => deps.now.getTime() - m.sentAt.getTime() <= MAX_MESSAGE_AGE_MS);
  let stored = 0;
  await db.transaction(async (tx) => {
    if (fresh.length > 0) {
      const rows = await tx
        .insert(waInbound)
        .values(fresh.map((m) => ({ wamid: m.wamid, waId: m.from, message: m, sentAt: m.sentAt, receivedAt: deps.now })))
        .onConflictDoNothing()
        .returning({ wamid: waInbound.wamid });
      stored = rows.length;
    }
    for (const s of read.statuses) {
      await tx
        .update(waOutgoing)
        .set({ status: s.status, error: s.error, updatedAt: deps.now })
        .where(
          and(
            eq(waOutgoing.wamid, s.wamid),
            sql`(case ${waOutgoing.status} when 'accepted' then 0 when 'sent' then 1 when 'delivered' then 2 when 'read' then 3 else 4 end) < ${STATUS_RANK[s.status]}`,
          ),
        );
    }
  });
  if (stored > 0) whatsAppWorkerHook.aduanWakeWhatsAppWorker?.();
  return { status: 200, body: { diterima: stored } };
}
