import { followUpOutcome, reportOutcome, SEND_URL, sendableInBackground, SYNC_TAG, type OutboxItem, type SendOutcome } from '@/lib/offline/outbox';
import { sendDeadlineMs } from '@/components/intake/send-report';
import { listOutbox, sendEach } from './outbox-store';
import { formDataOf } from './post-form';

/*
 * Background Sync of the offline queue: a page that queues a report or a follow-up asks the
 * browser for a sync, and the service worker (lib/pwa/sw.ts) sends the queue when the browser
 * says the connection is there — with the app closed. Browsers without Background Sync (Safari,
 * Firefox) keep the page's replay (use-outbox.ts): on open, on the online event, every 30 s.
 * Both go through sendEach under one Web Lock, so an item is never sent by both at once, and a
 * second send would be answered with the same ticket anyway.
 */

/** Asks for a Background Sync, where the browser has it and a service worker is registered. Never throws. */
export async function requestBackgroundSend(): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
    const registration = await navigator.serviceWorker.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
    if (!sync) return false;
    await sync.register(SYNC_TAG);
    return true;
  } catch {
    // no permission (a private window) or no worker yet: the page's replay sends it
    return false;
  }
}

/** One queued item sent with fetch (XMLHttpRequest does not exist in a service worker). */
async function sendByFetch(item: OutboxItem): Promise<SendOutcome> {
  const data = formDataOf(item.fields);
  try {
    const response = await fetch(SEND_URL[item.kind], {
      method: 'POST',
      body: data,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: AbortSignal.timeout(sendDeadlineMs(data)),
    });
    const body: unknown = await response.json().catch(() => null);
    return item.kind === 'laporan' ? reportOutcome(response.status, body) : followUpOutcome(response.status, body, { inBackground: true });
  } catch {
    return { kind: 'coba_lagi' };
  }
}

/**
 * Sends everything waiting in the queue; resolves when nothing is left waiting and rejects
 * otherwise, so that the browser tries the sync again later. Pages showing the queue hear of
 * every change through the queue's BroadcastChannel.
 */
export async function sendQueueInBackground(now: () => number = Date.now): Promise<void> {
  const due = sendableInBackground(await listOutbox(), now());
  if (due.length === 0) return;
  await sendEach(due, sendByFetch, () => {}, { stopOnRetry: false });
  const left = sendableInBackground(await listOutbox(), now());
  if (left.length > 0) throw new Error(`${left.length} queued item(s) still waiting`);
}
