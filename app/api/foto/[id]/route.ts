import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getPublicPhotoFile } from '@/db/queries/public';
import { isPhotoId, photoNotFound, photoResponse } from '@/lib/media/photo-response';

/** GET /api/foto/123[?ukuran=kecil] → a public photo (re-encoded, without metadata) or 404. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isPhotoId(id)) return photoNotFound();
  return photoResponse(await getPublicPhotoFile(getDb(), Number(id)), request.nextUrl.searchParams, {
    'Cache-Control': 'public, max-age=86400, immutable',
  });
}
