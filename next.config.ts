import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES } from './i18n/locales';
import { ACTION_BODY_LIMIT_MB } from './lib/intake/form-limits';
import { tileConfig } from './lib/config/map';
import { securityHeaders } from './lib/security/headers';

// Every page route, i.e. everything but the API, the language switch, Next's own files, the
// internal language routes themselves (beforeFiles rewrites are applied one after another), the
// service worker, the files of public/ (beforeFiles rewrites come before public files) and the
// icons of app/[locale] (icon.svg, apple-icon.png), which Next links as /-/icon.svg?….
const PUBLIC_FILES = ['icons', 'manifest.webmanifest'];
const INTERNAL = ['api', 'open311', 'bahasa', '_next', 'serwist', '-', ...PUBLIC_FILES, ...LOCALES]
  .map((p) => p.replace(/\./g, '\\.'))
  .map((p) => `${p}/|${p}$`)
  .join('|');
const PAGE = `/:path((?!${INTERNAL}).*)`;

const nextConfig: NextConfig = {
  // The Docker image runs the self-contained server (node .next/standalone/server.js). Only there:
  // `next start`, used by the tests and the benchmark, expects the ordinary output.
  // OpenCV (lib/media/opencv.ts) is required at run time by name, which the file tracing does not
  // follow: it is named here so the self-contained output carries it.
  ...(process.env.ADUAN_STANDALONE === '1'
    ? { output: 'standalone' as const, outputFileTracingIncludes: { '*': ['./node_modules/@techstark/opencv-js/package.json', './node_modules/@techstark/opencv-js/dist/opencv.js'] } }
    : {}),
  // PGlite ships WASM and resolves files by URL; bundling it breaks that. sharp and esbuild (which
  // bundles the service worker during the build, app/serwist) are native.
  serverExternalPackages: ['@electric-sql/pglite', 'sharp', 'postgres', '@aws-sdk/client-s3', 'esbuild'],
  poweredByHeader: false,
  // Cached pages (ticket pages are ~35 KB of HTML plus their RSC payload) are served from memory
  // rather than re-read from disk: 50 MB, the default, holds only ~700 of them.
  cacheMaxMemorySize: 512 * 1024 * 1024,
  // Up to three photos of 10 MB each plus the text; the form checks the sizes before sending, and
  // images are checked and re-encoded on the server.
  experimental: {
    serverActions: { bodySizeLimit: `${ACTION_BODY_LIMIT_MB}mb` },
    // Pages rendered on first visit are kept in memory only, not also written to disk: the writes
    // (page, RSC payload and its segments, a directory each) were a tenth of a first visit's cost,
    // and a disk copy outlived a restart and missed every change made while the server was down.
    isrFlushToDisk: false,
  },
  // Every page keeps one public address (/laporan/JK…) in both languages: the language cookie
  // picks the internal route (/id/laporan/JK… or /en/laporan/JK…), so each language version of a
  // page can be rendered once and served from the page cache.
  // Security headers as static rules of the router, not a per-request proxy: a proxy (middleware)
  // halved the requests per second of every route, cached pages included (~1,100 to ~540 on
  // /api/health). The tile server allowed by the CSP is therefore ADUAN_TILE_URL at build time.
  async headers() {
    const isProduction = process.env.NODE_ENV === 'production';
    const common = securityHeaders({ tileUrl: tileConfig().tileUrl, isProduction, isHttps: false });
    const hsts = securityHeaders({ tileUrl: '', isProduction, isHttps: true })['Strict-Transport-Security'];
    return [
      { source: '/:path*', headers: Object.entries(common).map(([key, value]) => ({ key, value })) },
      // HSTS only behind TLS: the proxy in front says so with X-Forwarded-Proto
      ...(hsts
        ? [{ source: '/:path*', has: [{ type: 'header' as const, key: 'x-forwarded-proto', value: 'https' }], headers: [{ key: 'Strict-Transport-Security', value: hsts }] }]
        : []),
    ];
  },
  async rewrites() {
    return {
      beforeFiles: [
        // Open311 GeoReport v2 at its customary address
        { source: '/open311/:path*', destination: '/api/open311/:path*' },
        ...LOCALES.filter((l) => l !== DEFAULT_LOCALE).map((locale) => ({
          source: PAGE,
          has: [{ type: 'cookie' as const, key: LOCALE_COOKIE, value: locale }],
          destination: `/${locale}/:path`,
        })),
        { source: PAGE, destination: `/${DEFAULT_LOCALE}/:path` },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
