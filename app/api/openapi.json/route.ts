import { NextResponse } from 'next/server';
import { publicUrl } from '@/lib/config/public-url';
import { openApiDocument } from '@/lib/openapi/document';

/** GET /api/openapi.json → the OpenAPI 3.1 description of the public API. */
export function GET() {
  return NextResponse.json(openApiDocument(publicUrl()), { headers: { 'Cache-Control': 'public, max-age=3600' } });
}
