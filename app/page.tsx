import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { countReportsByStatus, findLatestPublicReports } from '@/db/queries/public-reports';
import { listCategories } from '@/db/queries/reference';
import { ReportMap } from '@/components/map/report-map';
import { ReportList } from '@/components/reports/report-list';
import { StatusLegend } from '@/components/reports/status-badge';
import { tileConfig } from '@/lib/config/map';

export default async function HomePage() {
  await connection();
  const db = getDb();
  const [latest, counts, categories] = await Promise.all([
    findLatestPublicReports(db, 10),
    countReportsByStatus(db),
    listCategories(db),
  ]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const open = total - counts.selesai - counts.ditolak;
  const categoryNames = Object.fromEntries(categories.filter((c) => !c.isConfidential).map((c) => [c.code, c.nameId]));

  return (
    <div className="mx-auto max-w-6xl px-4 py-4 space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">Peta laporan warga Jakarta</h1>
          <p className="text-sm text-gray-700">
            {total.toLocaleString('id-ID')} laporan, {open.toLocaleString('id-ID')} masih ditangani,{' '}
            {counts.selesai.toLocaleString('id-ID')} selesai.
          </p>
        </div>
        <StatusLegend />
      </div>
      <section aria-label="Peta laporan" className="h-[60vh] min-h-[320px] overflow-hidden rounded-lg border" data-testid="report-map">
        <ReportMap {...tileConfig()} categoryNames={categoryNames} />
      </section>
      <section aria-labelledby="terbaru" className="space-y-2">
        <h2 id="terbaru" className="text-lg font-semibold">
          Laporan terbaru
        </h2>
        <ReportList reports={latest} />
      </section>
    </div>
  );
}
