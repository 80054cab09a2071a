import { getLocale, getTranslations } from 'next-intl/server';
import type { RegionOption } from '@/db/queries/reference';
import type { Category, Channel } from '@/db/schema';
import { regionLevelOf, SORT_ORDERS, type ReportFilters, type SortOrder } from '@/lib/reports/filters';
import { STATUSES } from '@/lib/reports/lifecycle';
import { localName, statusLabel, type Locale } from '@/lib/i18n';
import { shortRegionName } from '@/lib/regions/names';
import { FilterChoices, type CategoryChoice, type ChannelChoice, type StatusChoice } from './filter-choices';
import { RegionPicker, type RegionPath } from './region-picker';

interface Props {
  action: string;
  filters: ReportFilters;
  categories: Category[];
  channels: Channel[];
  regions: RegionOption[];
  sort?: SortOrder;
  /** Offer the status choice (the dashboard covers every status). */
  withStatus?: boolean;
}

/** The public filter form: a plain GET form, so filters land in the URL and work without JS. */
export async function FilterForm({ action, filters, categories, channels, regions, sort, withStatus = true }: Props) {
  const t = await getTranslations('filters');
  const locale = (await getLocale()) as Locale;
  const selected = ancestry(filters.wilayah);
  const groupOf = (c: Category) => localName({ nameId: c.groupId, nameEn: c.groupEn }, locale);
  const groups = [...new Set(categories.map(groupOf))];

  return (
    <form action={action} method="get" className="rounded-lg border bg-white p-3 text-sm" aria-label={t('title')}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FilterChoices
          statuses={withStatus ? STATUSES.map((s): StatusChoice => [s, statusLabel(s, locale), filters.status.includes(s)]) : null}
          categories={categories.map((c): CategoryChoice => [c.code, localName(c, locale), groups.indexOf(groupOf(c))])}
          groups={groups}
          channels={channels.map((c): ChannelChoice => [c.code, localName(c, locale)])}
          chosen={{ kategori: filters.kategori[0] ?? '', kanal: filters.kanal[0] ?? '' }}
          labels={{ status: t('status'), category: t('category'), channel: t('channel'), all: t('all') }}
        />
        <RegionPicker
          regions={pathOptions(regions, selected).map((r): RegionPath => [r.code, shortRegionName(r.name)])}
          initial={selected}
          labels={{ kota: t('kota'), kecamatan: t('kecamatan'), kelurahan: t('kelurahan'), all: t('all') }}
          source="/api/wilayah"
        />
        {selected.kecamatan ? null : (
          <noscript>
            <p className="text-xs text-gray-700">{t('kelurahanAfterKecamatan')}</p>
          </noscript>
        )}
        <label className="space-y-1">
          <span className="block font-medium">{t('from')}</span>
          <input type="date" name="dari" defaultValue={filters.dari ?? ''} className="w-full rounded border border-gray-400 px-2 py-1" />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">{t('until')}</span>
          <input type="date" name="sampai" defaultValue={filters.sampai ?? ''} className="w-full rounded border border-gray-400 px-2 py-1" />
        </label>
        {sort ? (
          <label className="space-y-1">
            <span className="block font-medium">{t('sort')}</span>
            <select name="urut" defaultValue={sort} className="w-full rounded border border-gray-400 px-2 py-1.5">
              {SORT_ORDERS.map((o) => (
                <option key={o} value={o}>
                  {t(`sort${o[0].toUpperCase()}${o.slice(1)}` as 'sortTerbaru')}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="mt-3 flex gap-3">
        <button type="submit" className="rounded bg-[#0f3d5e] px-4 py-1.5 font-semibold text-white">
          {t('apply')}
        </button>
        <a href={action} className="px-2 py-1.5 underline">
          {t('reset')}
        </a>
      </div>
    </form>
  );
}

/**
 * The options that work without JavaScript: every kota, the kecamatan of the chosen kota (or all),
 * the kelurahan of the chosen kecamatan. The picker loads the rest after the page.
 */
function pathOptions(regions: RegionOption[], selected: { kota: string; kecamatan: string }): RegionOption[] {
  return regions.filter(
    (r) =>
      r.level === 'kota' ||
      (r.level === 'kecamatan' && (!selected.kota || r.parentCode === selected.kota)) ||
      (r.level === 'kelurahan' && selected.kecamatan !== '' && r.parentCode === selected.kecamatan),
  );
}

function ancestry(code: string | null): { kota: string; kecamatan: string; kelurahan: string } {
  if (!code) return { kota: '', kecamatan: '', kelurahan: '' };
  const level = regionLevelOf(code);
  return {
    kota: code.slice(0, 5),
    kecamatan: level === 'kota' ? '' : code.slice(0, 8),
    kelurahan: level === 'kelurahan' ? code : '',
  };
}
