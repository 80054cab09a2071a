import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { PublicReport } from '@/db/queries/public';
import { formatWib } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { shortRegionName } from '@/lib/regions/names';
import { StatusBadge } from './status-badge';

export async function ReportList({ reports }: { reports: PublicReport[] }) {
  const t = await getTranslations('list');
  const locale = (await getLocale()) as Locale;
  if (reports.length === 0) return <p className="text-gray-700">{t('empty')}</p>;
  return (
    <ul className="divide-y rounded-lg border bg-white" data-testid="report-list">
      {reports.map((r) => (
        <li key={r.number}>
          <Link href={`/laporan/${r.number}`} className="block px-4 py-3 hover:bg-slate-50">
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm font-semibold" data-testid="report-number">
                {r.number}
              </span>
              <StatusBadge status={r.status} locale={locale} />
              <span className="text-sm text-gray-700">{locale === 'en' ? r.categoryNameEn : r.categoryName}</span>
            </span>
            <span className="mt-1 block text-sm text-gray-800 line-clamp-2">
              {r.description ?? <em className="text-gray-700">{t('private')}</em>}
            </span>
            <span className="mt-1 block text-xs text-gray-700">
              {[r.kelurahanName, r.kotaName && shortRegionName(r.kotaName)].filter(Boolean).join(', ')} ·{' '}
              {formatWib(r.createdAt, locale)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
