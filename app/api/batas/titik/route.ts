import { NextResponse, type NextRequest } from 'next/server';
import { placeOf } from '@/lib/regions/jakarta';

/**
 * GET /api/batas/titik?lat=&lng= → the kelurahan, kecamatan and kota containing a point (the
 * report form names the place of its pin), or 404 outside Jakarta.
 */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const lat = Number(params.get('lat') ?? '');
  const lng = Number(params.get('lng') ?? '');
  if (!params.get('lat') || !params.get('lng') || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return NextResponse.json({ error: 'lat dan lng harus berupa koordinat.', error_en: 'lat and lng must be coordinates.' }, { status: 400 });
  }
  const place = placeOf(lat, lng);
  const cache = { 'Cache-Control': 'public, max-age=86400' };
  if (!place) {
    return NextResponse.json({ error: 'Titik berada di luar DKI Jakarta.', error_en: 'The point is outside Jakarta.' }, { status: 404, headers: cache });
  }
  return NextResponse.json(place, { headers: cache });
}
