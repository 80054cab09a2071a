import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getStaffPhotoFile } from '@/db/queries/staff-ticket';
import { currentStaff } from '@/lib/auth/session';
import { getStorage } from '@/lib/media/storage';

/** GET /api/petugas/foto/123 → any photo of a ticket in the signed-in official's jurisdiction. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentStaff();
  const notFound = () => NextResponse.json({ error: 'Foto tidak ditemukan.', error_en: 'Photo not found.' }, { status: 404 });
  if (!user) return NextResponse.json({ error: 'Silakan masuk.', error_en: 'Please sign in.' }, { status: 401 });
  if (!/^\d{1,15}$/.test(id)) return notFound();
  const file = await getStaffPhotoFile(getDb(), user, Number(id));
  if (!file) return notFound();
  const small = request.nextUrl.searchParams.get('ukuran') === 'kecil' && file.thumbKey;
  const data = await getStorage().get(small ? file.thumbKey! : file.storageKey);
  if (!data) return notFound();
  return new NextResponse(new Uint8Array(data), {
    headers: { 'Content-Type': small ? 'image/webp' : file.mime, 'Cache-Control': 'private, max-age=300', 'X-Content-Type-Options': 'nosniff' },
  });
}
