/// <reference lib="webworker" />
/**
 * The service worker's part of Web Push (registered from lib/pwa/sw.ts): show what the outbox
 * sent (lib/push/send.ts, PushPayload) and open its page on a click. Runs in the worker: no
 * imports from the server side.
 */

import { sameSitePath } from '../security/same-site-path';

export interface ShownNotification {
  title: string;
  options: NotificationOptions & { data: { url: string } };
}

const FALLBACK_TITLE = 'Aduan Jakarta';

/** A same-site path, or '/' for anything else (another site, a protocol-relative //host). Pure. */
export const sitePath = (value: unknown): string => (typeof value === 'string' ? sameSitePath(value) : '/');

/**
 * What a push shows. Every push must show something (userVisibleOnly), so a payload that is not
 * ours, or none, shows the portal's name and opens the home page. Pure.
 */
export function notificationFor(payload: unknown): ShownNotification {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
  return {
    title: text(p.title, 120) || FALLBACK_TITLE,
    options: {
      body: text(p.body, 300),
      tag: text(p.tag, 80) || undefined,
      icon: '/icons/icon-192.png',
      data: { url: sitePath(p.url) },
    },
  };
}

/** Adds the `push` and `notificationclick` handlers to the worker. */
export function addPushListeners(worker: ServiceWorkerGlobalScope): void {
  worker.addEventListener('push', (event) => {
    let payload: unknown = null;
    try {
      payload = event.data?.json();
    } catch {
      payload = null;
    }
    const shown = notificationFor(payload);
    event.waitUntil(worker.registration.showNotification(shown.title, shown.options));
  });
  worker.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const url = new URL(sitePath(event.notification.data?.url), worker.location.origin).href;
    event.waitUntil(
      worker.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
        const open = windows.find((client) => client.url === url);
        return open ? open.focus() : worker.clients.openWindow(url);
      }),
    );
  });
}
