import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const nextConfig: NextConfig = {
  // PGlite ships WASM and resolves files by URL; bundling it breaks that. sharp is native.
  serverExternalPackages: ['@electric-sql/pglite', 'sharp', 'postgres'],
  poweredByHeader: false,
  // Up to three photos of 10 MB each; images are checked and re-encoded on the server.
  experimental: { serverActions: { bodySizeLimit: '32mb' } },
};

export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
