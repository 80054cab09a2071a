import type { ReportStatus } from '@/db/schema';
import { STATUS_STYLE } from '@/lib/reports/status';

export function StatusBadge({ status }: { status: ReportStatus }) {
  const style = STATUS_STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${style.badge}`}>
      <span aria-hidden className="h-2 w-2 rounded-full" style={{ background: style.color }} />
      {style.id}
    </span>
  );
}

export function StatusLegend() {
  const shown: ReportStatus[] = ['menunggu', 'koordinasi', 'proses', 'menunggu_validasi', 'selesai'];
  return (
    <ul aria-label="Keterangan warna status" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {shown.map((s) => (
        <li key={s} className="flex items-center gap-1.5">
          <span aria-hidden className="h-3 w-3 rounded-full" style={{ background: STATUS_STYLE[s].color }} />
          {s === 'koordinasi' ? 'Koordinasi / Disposisi' : STATUS_STYLE[s].id}
        </li>
      ))}
    </ul>
  );
}
