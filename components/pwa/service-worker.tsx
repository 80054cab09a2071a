'use client';

import { useEffect } from 'react';

/**
 * Registers the service worker (lib/pwa/sw.ts) in production builds, once the page has loaded so
 * its precaching does not compete with the page on a slow connection. `next dev` has none: its
 * chunks change on every edit.
 */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const register = () => {
      navigator.serviceWorker.register('/serwist/sw.js', { scope: '/' }).catch((error: unknown) => console.warn('service worker not registered', error));
    };
    if (document.readyState === 'complete') return register();
    window.addEventListener('load', register, { once: true });
    return () => window.removeEventListener('load', register);
  }, []);
  return null;
}
