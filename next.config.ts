import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and resolves files by URL; bundling it breaks that. sharp is native.
  serverExternalPackages: ['@electric-sql/pglite', 'sharp', 'postgres'],
  poweredByHeader: false,
};

export default nextConfig;
