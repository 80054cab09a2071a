import { NextResponse, type NextRequest } from 'next/server';
import { loadRegions } from '@/lib/regions/jakarta';

const LEVELS = ['kota', 'kecamatan', 'kelurahan'] as const;
const bodies = new Map<string, string>();

/** GET /api/batas?level=kota|kecamatan|kelurahan → boundary GeoJSON (code, name, parent). */
export async function GET(request: NextRequest) {
  const level = request.nextUrl.searchParams.get('level') ?? 'kota';
  if (!(LEVELS as readonly string[]).includes(level)) {
    return NextResponse.json(
      { error: 'level harus kota, kecamatan atau kelurahan.', error_en: 'level must be kota, kecamatan or kelurahan.' },
      { status: 400 },
    );
  }
  let body = bodies.get(level);
  if (!body) {
    body = JSON.stringify(loadRegions(level as (typeof LEVELS)[number]));
    bodies.set(level, body);
  }
  return new NextResponse(body, {
    headers: { 'Content-Type': 'application/geo+json', 'Cache-Control': 'public, max-age=86400' },
  });
}
