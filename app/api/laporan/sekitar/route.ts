import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { getReadDb } from '@/db/client';
import { findNearbyOpenReports } from '@/db/queries/public/nearby';

const querySchema = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  kategori: z.string().regex(/^[a-z0-9-]{1,40}$/),
});

/** GET /api/laporan/sekitar?lat=&lng=&kategori= → open reports of that category nearby (possible duplicates). */
export async function GET(request: NextRequest) {
  const p = request.nextUrl.searchParams;
  const parsed = querySchema.safeParse({ lat: p.get('lat'), lng: p.get('lng'), kategori: p.get('kategori') });
  if (!parsed.success) {
    return NextResponse.json(
      { error: 'lat, lng dan kategori wajib diisi dengan benar.', error_en: 'lat, lng and kategori are required.' },
      { status: 400 },
    );
  }
  const { lat, lng, kategori } = parsed.data;
  const reports = await findNearbyOpenReports(getReadDb(), { lat, lng }, kategori, new Date());
  return NextResponse.json({ reports });
}
