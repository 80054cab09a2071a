import { randomUUID } from 'node:crypto';
import { createSerwistRoute } from '@serwist/turbopack';

/**
 * The service worker (lib/pwa/sw.ts), bundled with esbuild while `next build` prerenders this route,
 * i.e. after the static chunks it precaches have been written; served at /serwist/sw.js with
 * Service-Worker-Allowed: / so it may control the whole site.
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'lib/pwa/sw.ts',
  useNativeEsbuild: true,
  // a classic script rather than a module worker: browsers without module service workers still run it
  esbuildOptions: { format: 'iife', define: { __ADUAN_BUILD__: JSON.stringify(randomUUID()) } },
  // Next's own chunks and the icons and manifest of public/, nothing the server renders
  globPatterns: ['.next/static/**/*.{js,css,png,svg,woff2}', 'public/**/*.{png,webmanifest}'],
});
