import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getPublicPhotoFile } from '@/db/queries/public';
import { getStorage } from '@/lib/media/storage';

/** GET /api/foto/123[?ukuran=kecil] → a public photo (re-encoded, without metadata) or 404. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const notFound = () =>
    NextResponse.json({ error: 'Foto tidak ditemukan.', error_en: 'Photo not found.' }, { status: 404 });
  if (!/^\d{1,15}$/.test(id)) return notFound();
  const file = await getPublicPhotoFile(getDb(), Number(id));
  if (!file) return notFound();
  const small = request.nextUrl.searchParams.get('ukuran') === 'kecil' && file.thumbKey;
  const data = await getStorage().get(small ? file.thumbKey! : file.storageKey);
  if (!data) return notFound();
  return new NextResponse(new Uint8Array(data), {
    headers: {
      'Content-Type': small ? 'image/webp' : file.mime,
      'Cache-Control': 'public, max-age=86400, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
