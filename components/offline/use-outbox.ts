'use client';

import { useCallback, useEffect, useState } from 'react';
import { sendable, visible, type OutboxItem, type OutboxKind, type SendOutcome } from '@/lib/offline/outbox';
import { deleteOutbox, hasOutbox, listOutbox, sendEach, watchOutbox } from './outbox-store';

const RETRY_MS = 30_000;

/**
 * The queued items of one kind (a follow-up: of the signed-in official only), sent when the
 * page opens and whenever the connection returns (the `online` event): the replay of browsers
 * without Background Sync, and of every browser until the service worker takes it over.
 * `send` must be stable (a module-level function).
 */
export function useOutbox(kind: OutboxKind, userId: number | null, send: (item: OutboxItem) => Promise<SendOutcome>) {
  const [items, setItems] = useState<OutboxItem[]>([]);

  const refresh = useCallback(async () => {
    if (!hasOutbox()) return;
    setItems(visible(await listOutbox(), { kind, userId }));
  }, [kind, userId]);

  const sendNow = useCallback(async () => {
    if (!hasOutbox() || navigator.onLine === false) return;
    const due = sendable(await listOutbox(), { kind, userId }, Date.now());
    if (due.length > 0) await sendEach(due, send, () => void refresh());
    await refresh();
  }, [kind, userId, refresh, send]);

  useEffect(() => {
    // right after the page opened: what an earlier visit left in the queue
    const first = setTimeout(() => void sendNow().catch(() => {}), 0);
    const onOnline = () => void sendNow().catch(() => {});
    window.addEventListener('online', onOnline);
    // a send that failed while the phone still said it was online (a dropped link, a dead
    // gateway) gets no online event: tried again every half minute while the page is open
    const retry = setInterval(onOnline, RETRY_MS);
    const unwatch = watchOutbox(() => void refresh());
    return () => {
      clearTimeout(first);
      clearInterval(retry);
      window.removeEventListener('online', onOnline);
      unwatch();
    };
  }, [sendNow, refresh]);

  const remove = useCallback(
    async (id: string) => {
      await deleteOutbox(id);
      await refresh();
    },
    [refresh],
  );

  return { items, refresh, sendNow, remove };
}
