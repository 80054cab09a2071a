import { NextResponse, type NextRequest } from 'next/server';
import { getReadDb } from '@/db/client';
import { findPublicReports } from '@/db/queries/public';
import { pageSchema, parseFilters, parseSort } from '@/lib/reports/filters';

/** GET /api/laporan?<filters>&urut=terbaru&halaman=1&per_halaman=50 → one page of public reports. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const pageSize = Math.min(200, Math.max(1, Number(params.get('per_halaman')) || 50));
  const result = await findPublicReports(getReadDb(), parseFilters(params), {
    page: pageSchema.parse(params.get('halaman') ?? 1),
    pageSize,
    sort: parseSort(params.get('urut')),
  });
  return NextResponse.json(result);
}
