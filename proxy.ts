import { NextResponse, type NextRequest } from 'next/server';
import { tileConfig } from '@/lib/config/map';
import { isHttpsRequest, securityHeaders } from '@/lib/security/headers';

// Security headers only: the proxy is not a security boundary (every page and action checks the
// signed-in official itself). It runs at request time so that ADUAN_TILE_URL can change without a rebuild.
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  const headers = securityHeaders({
    tileUrl: tileConfig().tileUrl,
    isProduction: process.env.NODE_ENV === 'production',
    isHttps: isHttpsRequest(request.url, request.headers.get('x-forwarded-proto')),
  });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // hashed static files need none of these, and skipping them keeps asset requests cheap
  matcher: ['/((?!_next/static|_next/image).*)'],
};
