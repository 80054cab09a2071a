import type { NextRequest } from 'next/server';
import { getReadDb } from '@/db/client';
import { iteratePublicReports } from '@/db/queries/public';
import { geoJsonFeature, streamExport } from '@/lib/export/reports';
import { parseFilters } from '@/lib/reports/filters';

/** GET /api/laporan.geojson?<filters> → every public report matching the filters, as GeoJSON. */
export function GET(request: NextRequest) {
  const filters = parseFilters(request.nextUrl.searchParams);
  const body = streamExport(iteratePublicReports(getReadDb(), filters), {
    header: '{"type":"FeatureCollection","features":[\n',
    encode: (batch, isFirst) => (isFirst ? '' : ',\n') + batch.map(geoJsonFeature).join(',\n'),
    footer: '\n]}\n',
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'application/geo+json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="laporan-aduan.geojson"',
    },
  });
}
