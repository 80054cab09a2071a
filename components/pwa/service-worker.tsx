'use client';

import { useEffect } from 'react';
import { LANGUAGE_CHANGED } from '@/lib/pwa/cache-rules';

/** The language the worker's kept pages were last fetched in, as this browser last told it. */
const KEPT_LANGUAGE = 'aduan-sw-bahasa';

/**
 * Registers the service worker (lib/pwa/sw.ts) in production builds, once the page has loaded so
 * its precaching does not compete with the page on a slow connection. `next dev` has none: its
 * chunks change on every edit. When the page's language differs from the one the worker's offline
 * pages were fetched in (the citizen switched language), the worker is asked to fetch them again.
 */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const register = () => {
      navigator.serviceWorker
        .register('/serwist/sw.js', { scope: '/' })
        .then(() => rewarmOnLanguageChange())
        .catch((error: unknown) => console.warn('service worker not registered', error));
    };
    if (document.readyState === 'complete') return register();
    window.addEventListener('load', register, { once: true });
    return () => window.removeEventListener('load', register);
  }, []);
  return null;
}

async function rewarmOnLanguageChange(): Promise<void> {
  const language = document.documentElement.lang;
  let kept: string | null = null;
  try {
    kept = localStorage.getItem(KEPT_LANGUAGE);
    localStorage.setItem(KEPT_LANGUAGE, language);
  } catch {
    return; // storage refused (a private window): the worker keeps what it has
  }
  // the first page after install: the worker fetched its pages in this language already
  if (kept === null || kept === language) return;
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage({ type: LANGUAGE_CHANGED });
}
