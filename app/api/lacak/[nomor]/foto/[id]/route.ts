import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getTrackedPhotoFile } from '@/lib/intake/tracker';
import { decodeParam } from '@/lib/format';
import { getStorage } from '@/lib/media/storage';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';

/**
 * GET /api/lacak/JK…/foto/123?kunci=…[&ukuran=kecil] → a photo of the reporter's own report,
 * behind the same private key as their tracking page (a private or confidential report's photos
 * are never on the public route). Anything else, a wrong key included, is the same 404.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ nomor: string; id: string }> }) {
  const { nomor, id } = await params;
  const notFound = () => NextResponse.json({ error: 'Foto tidak ditemukan.', error_en: 'Photo not found.' }, { status: 404 });
  const number = normalizeTicketNumber(decodeParam(nomor));
  const key = request.nextUrl.searchParams.get('kunci') ?? '';
  if (!number || !/^\d{1,15}$/.test(id)) return notFound();
  const file = await getTrackedPhotoFile(getDb(), number, key, Number(id));
  if (!file) return notFound();
  const small = request.nextUrl.searchParams.get('ukuran') === 'kecil' && file.thumbKey;
  const data = await getStorage().get(small ? file.thumbKey! : file.storageKey);
  if (!data) return notFound();
  return new NextResponse(new Uint8Array(data), {
    headers: {
      'Content-Type': small ? 'image/webp' : file.mime,
      // opened by a private key: kept by no shared cache, and the key goes nowhere as a Referer
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
