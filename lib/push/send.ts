import webpush from 'web-push';
import type { Db } from '@/db/connect';
import { markPushDelivered, markPushFailed, pushTarget, removePushEndpoint } from '@/db/queries/push-subscriptions';
import { PermanentDeliveryError } from '@/lib/notify/backoff';
import { trackingKey } from '@/lib/security/secret';
import { parsePushRecipient } from './subscription';
import { vapidKeys, type VapidKeys } from './vapid';

/** What the sender needs from an outbox row of kind `push`. */
export interface PushMessage {
  recipient: string;
  subject: string | null;
  body: string;
  /** The ticket the message is about (staff pushes lead to its page). */
  reportId?: number | null;
}

/** The JSON the service worker receives and shows (see the worker's push handler). */
export interface PushPayload {
  title: string;
  body: string;
  /** Where a click leads, on this site. */
  url: string;
  /** One notification per ticket: a newer one replaces the older. */
  tag: string;
}

// well inside the outbox claim lease, like the other channels
const TIMEOUT_MS = 30_000;
// a status a day late is still worth showing; older, the ticket page says more
const TTL_SECONDS = 24 * 3600;

/**
 * Delivers outbox rows of kind `push`: loads the subscription the row names (`push:<id>`),
 * encrypts the payload for it (RFC 8291) and POSTs it to its push service, signed with VAPID.
 * A citizen's click leads to their private tracking page: its key is derived here, at sending,
 * so it is never stored in the outbox. 404/410 from the push service: the subscription expired
 * or was revoked, so the endpoint is removed and the row given up (PermanentDeliveryError).
 * Error texts never carry the endpoint.
 */
export function pushSender(db: Db, keys: () => Promise<VapidKeys | null>) {
  return async (message: PushMessage): Promise<void> => {
    const id = parsePushRecipient(message.recipient);
    if (id === null) throw new PermanentDeliveryError('Penerima push tidak valid');
    const vapid = await keys();
    if (!vapid) throw new Error('Web Push belum dikonfigurasi (ADUAN_VAPID_PUBLIC_KEY kosong)');
    const target = await pushTarget(db, id, message.reportId ?? null);
    if (!target) throw new PermanentDeliveryError('Langganan push sudah dihapus');
    const number = target.number ?? '';
    const url =
      target.userId === null && target.formToken
        ? `/lacak/${number}?kunci=${trackingKey(target.formToken)}`
        : number
          ? `/petugas/laporan/${number}`
          : '/petugas';
    const payload: PushPayload = { title: message.subject ?? 'Aduan Jakarta', body: message.body, url, tag: `aduan-${number || id}` };
    const request = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(payload), {
      vapidDetails: vapid,
      TTL: TTL_SECONDS,
      contentEncoding: 'aes128gcm',
    });
    let response: Response;
    try {
      response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: new Uint8Array(request.body as Buffer),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      await markPushFailed(db, id, new Date());
      throw new Error(`Layanan push tidak dapat dihubungi (${errorCode(error)})`);
    }
    await response.body?.cancel().catch(() => {});
    if (response.status === 404 || response.status === 410) {
      await removePushEndpoint(db, target.endpoint);
      throw new PermanentDeliveryError(`Langganan push berakhir (HTTP ${response.status}); langganan dihapus`);
    }
    if (!response.ok) {
      await markPushFailed(db, id, new Date());
      throw new Error(`Layanan push menjawab HTTP ${response.status}`);
    }
    await markPushDelivered(db, id, new Date());
  };
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error && error.name !== 'TypeError' ? error.name : 'kesalahan jaringan';
}

/** The push sender of this process: keys from the environment, or the demo's stored pair. */
export const processPushSender = (db: Db) => pushSender(db, () => vapidKeys(db));
