import Link from 'next/link';
import type { PublicReport } from '@/db/queries/public-reports';
import { formatWib } from '@/lib/format';
import { shortRegionName } from '@/lib/regions/names';
import { StatusBadge } from './status-badge';

export function ReportList({ reports }: { reports: PublicReport[] }) {
  if (reports.length === 0) return <p className="text-gray-600">Belum ada laporan.</p>;
  return (
    <ul className="divide-y rounded-lg border bg-white" data-testid="report-list">
      {reports.map((r) => (
        <li key={r.number}>
          <Link href={`/laporan/${r.number}`} className="block px-4 py-3 hover:bg-slate-50">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm font-semibold">{r.number}</span>
              <StatusBadge status={r.status} />
              <span className="text-sm text-gray-700">{r.categoryName}</span>
            </div>
            <p className="mt-1 text-sm text-gray-800 line-clamp-2">
              {r.description ?? <em className="text-gray-600">Laporan privat: isi disembunyikan.</em>}
            </p>
            <p className="mt-1 text-xs text-gray-600">
              {[r.kelurahanName, r.kotaName && shortRegionName(r.kotaName)].filter(Boolean).join(', ')} ·{' '}
              {formatWib(r.createdAt)}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
