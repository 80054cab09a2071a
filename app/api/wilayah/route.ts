import { NextResponse } from 'next/server';
import { getReadDb } from '@/db/client';
import { cachedRegionOptions } from '@/db/queries/reference-cache';
import { shortRegionName } from '@/lib/regions/names';

export const dynamic = 'force-dynamic';

/**
 * GET /api/wilayah → every kota, kecamatan and kelurahan as `{ code, name, level, parentCode }`,
 * with short kota names: the filter forms' region pickers load it after the page, instead of
 * carrying 317 options in every list and dashboard page.
 */
export async function GET() {
  const regions = await cachedRegionOptions(getReadDb());
  return NextResponse.json(
    regions.map((r) => ({ ...r, name: shortRegionName(r.name) })),
    { headers: { 'Cache-Control': 'public, max-age=3600' } },
  );
}
