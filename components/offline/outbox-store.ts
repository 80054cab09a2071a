import { openDB, type IDBPDatabase } from 'idb';
import { markSending, settle, type OutboxItem, type SendOutcome } from '@/lib/offline/outbox';

/*
 * The offline queue in IndexedDB: it outlives the tab and the app, photos are kept as the Blobs
 * they are. Pages of one browser share it; a Web Lock (where the browser has them) keeps two
 * tabs from sending the same item at once (and the server would answer a second send harmlessly).
 */

const DB = 'aduan-antrean';
const STORE = 'kiriman';
/** Tells the other tabs of this browser that the queue changed. */
const CHANNEL = 'aduan-antrean';

let opening: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  opening ??= openDB(DB, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: 'id' });
    },
  });
  return opening;
}

export function hasOutbox(): boolean {
  return typeof indexedDB !== 'undefined';
}

export async function listOutbox(): Promise<OutboxItem[]> {
  return (await (await db()).getAll(STORE)) as OutboxItem[];
}

export async function putOutbox(item: OutboxItem): Promise<void> {
  await (await db()).put(STORE, item);
  announce();
}

export async function deleteOutbox(id: string): Promise<void> {
  await (await db()).delete(STORE, id);
  announce();
}

function announce() {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('berubah');
  channel.close();
}

/** Calls `onChange` when another tab changed the queue; returns the unsubscribe. */
export function watchOutbox(onChange: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = onChange;
  return () => channel.close();
}

/** Runs `work` while no other tab of this browser runs it (without Web Locks: at once). */
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('aduan-antrean-kirim', () => work()) as unknown as Promise<T>) : work();
}

/**
 * Sends the given items one after another, each written as "mengirim" before it goes and as its
 * answer after (re-read first: another tab may have settled it meanwhile).
 */
export function sendEach(
  items: OutboxItem[],
  send: (item: OutboxItem) => Promise<SendOutcome>,
  onChange: () => void,
  opts: { stopOnRetry?: boolean } = {},
): Promise<void> {
  return exclusively(async () => {
    for (const queued of items) {
      const current = (await (await db()).get(STORE, queued.id)) as OutboxItem | undefined;
      if (!current || current.state === 'terkirim' || current.state === 'ditolak') continue;
      await putOutbox(markSending(current, Date.now()));
      onChange();
      let outcome: SendOutcome;
      try {
        outcome = await send(current);
      } catch {
        outcome = { kind: 'coba_lagi' };
      }
      await putOutbox(settle(markSending(current, Date.now()), outcome));
      onChange();
      // no connection: the rest would fail the same way (the service worker goes on: an item of
      // another official waits for their session, the next one may go)
      if (outcome.kind === 'coba_lagi' && opts.stopOnRetry !== false) break;
    }
  });
}
