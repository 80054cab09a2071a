/// <reference lib="webworker" />
/**
 * The service worker, bundled by @serwist/turbopack (app/serwist/[path]/route.ts) and served at
 * /serwist/sw.js. It precaches Next's static JS and CSS and the files in public/, and keeps the
 * citizen pages of lib/pwa/cache-rules.ts for offline use; every other page goes to the network and
 * gets the offline page when there is none. API calls, RSC fetches, staff pages and anything but a
 * GET are not touched (see cache-rules.ts for why).
 */
import { CacheableResponsePlugin, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist } from 'serwist';
import type { PrecacheEntry, RouteMatchCallbackOptions, SerwistGlobalConfig, SerwistPlugin } from 'serwist';
import { LANGUAGE_CHANGED, newFormToken, OFFLINE_PATH, pageRule, publicPath, WARM_PATHS, withFreshFormToken } from './cache-rules';
import { addPushListeners } from '../push/service-worker';
import { SYNC_TAG } from '../offline/outbox';
import { sendQueueInBackground } from '../../components/offline/background-send';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;
/** Set per build by the route that bundles this file: the cached pages refer to that build's chunks. */
declare const __ADUAN_BUILD__: string;

const PAGES_PREFIX = 'aduan-pages-';
const PAGES = `${PAGES_PREFIX}${__ADUAN_BUILD__}`;

async function offlinePage(): Promise<Response> {
  return (await caches.open(PAGES).then((cache) => cache.match(OFFLINE_PATH))) ?? Response.error();
}

const offlineFallback: SerwistPlugin = { handlerDidError: offlinePage };

/**
 * A page is asked of the server every time, as a navigation would be. Cached pages are sent with
 * `s-maxage, stale-while-revalidate`, and a fetch from the worker (unlike a navigation) lets the
 * browser's HTTP cache answer with its stale copy under stale-while-revalidate: a ticket page
 * would show the status before an official's change. 'no-cache' revalidates (ETag) instead.
 */
const revalidate: SerwistPlugin = {
  requestWillFetch: async ({ request }) => new Request(request, { cache: 'no-cache' }),
};

/** A report form opened from the cache gets a token of its own (see withFreshFormToken). */
const freshFormToken: SerwistPlugin = {
  async cachedResponseWillBeUsed({ request, cachedResponse }) {
    if (!cachedResponse || publicPath(new URL(request.url).pathname) !== '/lapor') return cachedResponse;
    const headers = new Headers(cachedResponse.headers);
    headers.delete('content-length');
    const html = withFreshFormToken(await cachedResponse.text(), newFormToken(crypto.getRandomValues(new Uint8Array(16))));
    return new Response(html, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
  },
};

const isNavigation = ({ request, sameOrigin }: RouteMatchCallbackOptions) => sameOrigin && request.mode === 'navigate';

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: (options) => isNavigation(options) && pageRule(options.url, options.request.method) === 'network-first',
      handler: new NetworkFirst({
        cacheName: PAGES,
        plugins: [
          // only complete pages: no redirects (status 0), errors or not-found pages
          new CacheableResponsePlugin({ statuses: [200] }),
          new ExpirationPlugin({ maxEntries: 50, maxAgeSeconds: 30 * 24 * 60 * 60 }),
          revalidate,
          freshFormToken,
          offlineFallback,
        ],
      }),
    },
    { matcher: isNavigation, handler: new NetworkOnly({ plugins: [revalidate, offlineFallback] }) },
  ],
});

/** The offline page, the form and the tracker, fetched as the citizen's browser would (its language cookie included). */
async function warm(): Promise<void> {
  const cache = await caches.open(PAGES);
  const fresh = (path: string) => cache.add(new Request(path, { cache: 'no-cache' }));
  await fresh(OFFLINE_PATH);
  await Promise.allSettled(WARM_PATHS.map(fresh));
}

// The offline page must be there before this worker takes over; the form and the tracker are
// fetched too, so they open offline even if the citizen has not visited them yet.
self.addEventListener('install', (event) => event.waitUntil(warm()));

// A page tells the worker when the citizen switched language (components/pwa/service-worker.tsx):
// the pages kept for offline use are fetched again, now in that language.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === LANGUAGE_CHANGED) event.waitUntil(warm());
});

// Pages cached by an earlier build load chunks that build's precache no longer holds.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith(PAGES_PREFIX) && name !== PAGES).map((name) => caches.delete(name)))),
  );
});

// Background Sync: the offline queue is sent when the browser has a connection again, with the
// app closed (components/offline/background-send.ts); a rejection makes the browser try again later.
self.addEventListener('sync', (event) => {
  const sync = event as ExtendableEvent & { tag: string };
  if (sync.tag === SYNC_TAG) sync.waitUntil(sendQueueInBackground());
});

// Web Push: show what the outbox sent, open its page on a click (lib/push/service-worker.ts)
addPushListeners(self);

serwist.addEventListeners();
