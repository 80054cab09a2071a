import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { requestTime } from '@/lib/sla/clock';
import { dashboardTables, LEAGUE_MIN_TICKETS, parseDashboardQuery } from '@/lib/stats/dashboard';
import { loadDashboard } from '@/lib/stats/server';

/**
 * GET /api/dasbor?dari=YYYY-MM-DD&sampai=YYYY-MM-DD[&wilayah=…&kategori=…&kanal=…][&bahasa=en]
 * → the dashboard's figures: the headline figures and every table of the page.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const { filters, figures } = parseDashboardQuery(params, requestTime());
  const { d, names } = await loadDashboard(getDb(), figures, params.get('bahasa') === 'en' ? 'en' : 'id');
  return NextResponse.json(
    {
      period: { dari: filters.dari, sampai: filters.sampai },
      filters: { wilayah: filters.wilayah, kategori: filters.kategori, kanal: filters.kanal },
      leagueMinTickets: LEAGUE_MIN_TICKETS,
      overall: d.overall,
      granularity: d.granularity,
      tables: dashboardTables(d, names, LEAGUE_MIN_TICKETS).map((t) => ({ id: t.id, columns: t.columns.map((c) => c.key), rows: t.rows })),
    },
    { headers: { 'Cache-Control': 'public, max-age=10' } },
  );
}
