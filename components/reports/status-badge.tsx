import { getLocale, getTranslations } from 'next-intl/server';
import type { ReportStatus } from '@/db/schema';
import { statusLabel, type Locale } from '@/lib/i18n';
import { STATUS_STYLE } from '@/lib/reports/status';

export function StatusBadge({ status, locale }: { status: ReportStatus; locale: Locale }) {
  const style = STATUS_STYLE[status];
  return (
    <span className={`status-badge ${style.badge}`} style={{ '--dot': style.color } as React.CSSProperties}>
      {statusLabel(status, locale)}
    </span>
  );
}

export async function StatusLegend() {
  const t = await getTranslations('status');
  const locale = (await getLocale()) as Locale;
  // every colour the map draws: disposisi shares koordinasi's, rejected reports are on the map too
  const shown: ReportStatus[] = ['menunggu', 'koordinasi', 'proses', 'menunggu_validasi', 'selesai', 'ditolak'];
  return (
    <ul aria-label={t('legend')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="status-legend">
      {shown.map((s) => (
        <li key={s} className="flex items-center gap-1.5">
          <span aria-hidden className="h-3 w-3 rounded-full" style={{ background: STATUS_STYLE[s].color }} />
          {s === 'koordinasi' ? t('koordinasiDisposisi') : statusLabel(s, locale)}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="h-3 w-3 rounded-full border-2 border-dashed border-gray-600 bg-white" />
        {t('approximate')}
      </li>
    </ul>
  );
}
