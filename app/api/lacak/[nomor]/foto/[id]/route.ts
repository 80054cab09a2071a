import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getTrackedPhotoFile } from '@/lib/intake/tracker';
import { decodeParam } from '@/lib/format';
import { isPhotoId, photoNotFound, photoResponse } from '@/lib/media/photo-response';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';

/**
 * GET /api/lacak/JK…/foto/123?kunci=…[&ukuran=kecil] → a photo of the reporter's own report,
 * behind the same private key as their tracking page (a private or confidential report's photos
 * are never on the public route). Anything else, a wrong key included, is the same 404.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ nomor: string; id: string }> }) {
  const { nomor, id } = await params;
  const query = request.nextUrl.searchParams;
  const number = normalizeTicketNumber(decodeParam(nomor));
  if (!number || !isPhotoId(id)) return photoNotFound();
  return photoResponse(await getTrackedPhotoFile(getDb(), number, query.get('kunci') ?? '', Number(id)), query, {
    // opened by a private key: kept by no shared cache, and the key goes nowhere as a Referer
    'Cache-Control': 'private, no-store',
    'Referrer-Policy': 'no-referrer',
  });
}
