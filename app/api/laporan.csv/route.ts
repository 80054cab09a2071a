import type { NextRequest } from 'next/server';
import { getReadDb } from '@/db/client';
import { iteratePublicReports } from '@/db/queries/public';
import { csvHeader, csvLines, streamExport } from '@/lib/export/reports';
import { parseFilters } from '@/lib/reports/filters';

/** GET /api/laporan.csv?<filters> → every public report matching the filters, as CSV. */
export function GET(request: NextRequest) {
  const filters = parseFilters(request.nextUrl.searchParams);
  const body = streamExport(iteratePublicReports(getReadDb(), filters), {
    header: csvHeader(),
    encode: (batch) => csvLines(batch),
    footer: '',
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="laporan-aduan.csv"',
    },
  });
}
