import { NextResponse, type NextRequest } from 'next/server';
import { publicUrlForRequest } from '@/lib/config/public-url';
import { openApiDocument } from '@/lib/openapi/document';

/** GET /api/openapi.json → the OpenAPI 3.1 description of the public API. */
export function GET(request: NextRequest) {
  return NextResponse.json(openApiDocument(publicUrlForRequest(request.headers)), {
    // the server address in it follows the address asked (an alias, or any host in the demo)
    headers: { 'Cache-Control': 'public, max-age=3600', Vary: 'X-Forwarded-Host, X-Forwarded-Proto' },
  });
}
