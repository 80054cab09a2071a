import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const nextConfig: NextConfig = {
  // PGlite ships WASM and resolves files by URL; bundling it breaks that. sharp is native.
  serverExternalPackages: ['@electric-sql/pglite', 'sharp', 'postgres'],
  poweredByHeader: false,
};

export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
