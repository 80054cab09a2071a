import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { queryMap } from '@/lib/map/server-index';
import { parseFilters } from '@/lib/reports/filters';

const querySchema = z.object({
  bbox: z
    .string()
    .transform((s) => s.split(',').map(Number))
    .pipe(
      z
        .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
        .refine(([w, s, e, n]) => w <= e && s <= n, 'bbox harus barat,selatan,timur,utara'),
    ),
  // fractional zooms (pinch, zoomSnap) cluster like the whole zoom level below them
  zoom: z.coerce.number().min(0).max(22).transform(Math.floor),
});

/**
 * GET /api/peta?bbox=west,south,east,north&zoom=12[&status=…&kategori=…&kanal=…&kelurahan=…&dari=…&sampai=…]
 * → clusters and single reports in view, for the same filters as the list.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const parsed = querySchema.safeParse({ bbox: params.get('bbox') ?? undefined, zoom: params.get('zoom') ?? undefined });
  if (!parsed.success) {
    return NextResponse.json(
      {
        error: 'Parameter tidak valid: bbox=barat,selatan,timur,utara dan zoom 0–20 wajib diisi.',
        error_en: 'Invalid parameters: bbox=west,south,east,north and zoom 0–20 are required.',
      },
      { status: 400 },
    );
  }
  const { bbox, zoom } = parsed.data;
  const { total, features } = await queryMap(parseFilters(params), bbox as [number, number, number, number], zoom);
  return NextResponse.json(
    { zoom, total, features },
    { headers: { 'Cache-Control': 'public, max-age=15, stale-while-revalidate=60' } },
  );
}
