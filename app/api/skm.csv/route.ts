import { NextResponse, type NextRequest } from 'next/server';
import { getReadDb } from '@/db/client';
import { CSV_BOM, toCsv } from '@/lib/export/csv';
import { SKM_ELEMENTS } from '@/lib/skm/ikm';
import { periodResults } from '@/lib/skm/survey';

/**
 * GET /api/skm.csv?periode=<id> → every unit of a survey period with its IKM, grade and element
 * means; a unit below the period's minimum of respondents has only its counts.
 */
export async function GET(request: NextRequest) {
  const id = Number(request.nextUrl.searchParams.get('periode'));
  const results = Number.isInteger(id) && id > 0 ? await periodResults(getReadDb(), id) : null;
  if (!results) return NextResponse.json({ error: 'Periode survei tidak ditemukan.', error_en: 'Survey period not found.' }, { status: 404 });
  const rows = results.units.map((u) => [u.code, u.name, u.respondents, u.flagged, u.ikm, u.grade, ...SKM_ELEMENTS.map((_, i) => (u.enough ? Number(u.elementMeans[i].toFixed(3)) : null))]);
  const body = `${CSV_BOM}${toCsv([['unit', 'nama', 'responden', 'ditandai', 'ikm', 'mutu', ...SKM_ELEMENTS], ...rows])}`;
  return new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="skm-${id}.csv"` },
  });
}
