import { getLocale, getTranslations } from 'next-intl/server';
import type { PublicReport } from '@/db/queries/public';
import { formatWib } from '@/lib/format';
import { statusLabel, type Locale } from '@/lib/i18n';
import { shortRegionName } from '@/lib/regions/names';
import { ReportListView } from './report-list-view';

/** Two lines of the list show about this much of a description; the ticket page has all of it. */
const DESCRIPTION_CHARS = 280;

export function excerpt(text: string, max = DESCRIPTION_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export async function ReportList({ reports }: { reports: PublicReport[] }) {
  const t = await getTranslations('list');
  const locale = (await getLocale()) as Locale;
  if (reports.length === 0) return <p className="text-gray-700">{t('empty')}</p>;
  const items = reports.map((r) => ({
    number: r.number,
    status: r.status,
    statusLabel: statusLabel(r.status, locale),
    category: locale === 'en' ? r.categoryNameEn : r.categoryName,
    description: r.description === null ? null : excerpt(r.description),
    place: [r.kelurahanName, r.kotaName && shortRegionName(r.kotaName)].filter(Boolean).join(', '),
    filedAt: formatWib(r.createdAt, locale),
  }));
  return <ReportListView items={items} privateLabel={t('private')} />;
}
