import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { CSV_BOM, toCsv } from '@/lib/export/csv';
import { requestTime } from '@/lib/sla/clock';
import { dashboardTables, LEAGUE_MIN_TICKETS, parseDashboardQuery, TABLE_IDS } from '@/lib/stats/dashboard';
import { loadDashboard } from '@/lib/stats/server';

/** GET /api/dasbor/csv?tabel=kategori&<dashboard filters> → one of the dashboard's tables as CSV. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const id = params.get('tabel') ?? '';
  if (!(TABLE_IDS as readonly string[]).includes(id)) {
    return NextResponse.json(
      { error: `Tabel tidak dikenal. Pilih salah satu: ${TABLE_IDS.join(', ')}.`, error_en: `Unknown table. Choose one of: ${TABLE_IDS.join(', ')}.` },
      { status: 400 },
    );
  }
  const { filters, figures } = parseDashboardQuery(params, requestTime());
  const { d, names } = await loadDashboard(getDb(), figures, params.get('bahasa') === 'en' ? 'en' : 'id');
  const table = dashboardTables(d, names, LEAGUE_MIN_TICKETS).find((t) => t.id === id)!;
  const body = `${CSV_BOM}${toCsv([table.columns.map((c) => c.key), ...table.rows])}`;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="dasbor-${id}-${filters.dari}-${filters.sampai}.csv"`,
    },
  });
}
