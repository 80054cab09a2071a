import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { cachedChannels, cachedPublicCategories, cachedRegionOptions } from '@/db/queries/reference-cache';
import { FilterForm } from '@/components/reports/filter-form';
import { LazyStatChart, LazyStatTable } from '@/components/stats/lazy-figures';
import { StatSection, StatTableView } from '@/components/stats/stat-table';
import { formatDate, formatDuration, formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { filtersToQuery } from '@/lib/reports/filters';
import { requestTime } from '@/lib/sla/clock';
import {
  dashboardTables,
  LEAGUE_MIN_TICKETS,
  LEAGUES,
  parseDashboardQuery,
  percent,
  type StatTable,
} from '@/lib/stats/dashboard';
import type { Durations, Share } from '@/lib/stats/figures';
import { loadDashboard } from '@/lib/stats/server';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'dasbor' });
  return { title: t('title') };
}

const BLUE = '#0f3d5e';
/** League tables show this many best and worst units unless all are asked for (the CSV always has all). */
const LEAGUE_ENDS = 10;
const ends = (table: StatTable): StatTable => ({ ...table, rows: [...table.rows.slice(0, LEAGUE_ENDS), ...table.rows.slice(-LEAGUE_ENDS)] });
const GREEN = '#2f7d32';


export default async function DashboardPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const search = await searchParams;
  const query = parseDashboardQuery(search, requestTime());
  const showAll = search.semua === '1';
  const db = getDb();
  const [{ d, names }, categories, channels, regions, t] = await Promise.all([
    loadDashboard(db, query.figures, locale),
    cachedPublicCategories(db),
    cachedChannels(db),
    cachedRegionOptions(db),
    getTranslations('dasbor'),
  ]);
  const tables = Object.fromEntries(dashboardTables(d, names, LEAGUE_MIN_TICKETS).map((table) => [table.id, table]));
  // Charts and tables come from GET /api/dasbor (cached) after the page, rather than twice inside
  // it; ?tabel=<id> renders one of them here, for browsers without JavaScript.
  const source = `/api/dasbor?${filtersToQuery(query.filters, { bahasa: locale === 'en' ? 'en' : null })}`;
  const shownTable = typeof search.tabel === 'string' ? search.tabel : null;
  // one object for every table: the page carries it once
  const headings = Object.fromEntries(
    Object.values(tables).flatMap((table) => table.columns.map((c) => [c.key, t(`columns.${c.key}` as 'columns.laporan')])),
  );
  // the same list object for tables with the same numeric columns: the page carries it once
  const numericSets = new Map<string, string[]>();
  const numericOf = (table: StatTable) => {
    const keys = table.columns.filter((c) => c.numeric).map((c) => c.key);
    const known = numericSets.get(keys.join());
    if (known) return known;
    numericSets.set(keys.join(), keys);
    return keys;
  };
  const lazyTable = (table: StatTable, caption: string, anchor: string, ends: number | null = null) => (
    <LazyStatTable
      source={source}
      id={table.id}
      caption={caption}
      headings={headings}
      numeric={numericOf(table)}
      none={t('none')}
      locale={locale}
      tall={ends !== null}
      ends={ends}
      fallbackHref={`/dasbor?${filtersToQuery(query.filters, { tabel: table.id, semua: showAll ? 1 : null })}#${anchor}`}
      fallbackLabel={t('showTable')}
    />
  );
  const section = (id: string) => ({ isTableOpen: shownTable === id, tableView: shownTable === id ? undefined : lazyTable(tables[id], titles[id], `judul-${id}`) });
  const csvHref = (id: string) => `/api/dasbor/csv?${filtersToQuery(query.filters, { tabel: id, bahasa: locale === 'en' ? 'en' : null })}`;
  const n = (value: number) => formatNumber(value, locale);
  const pct = (s: Share) => (s.share === null ? t('none') : `${n(percent(s)!)}%`);
  const hours = (h: number | null) => (h === null ? t('none') : formatDuration(h * 3_600_000, locale));
  const durations = (x: Durations) => (x.count ? t('cards.median', { median: hours(x.medianHours), p90: hours(x.p90Hours) }) : t('none'));
  const o = d.overall;
  const cards = [
    { id: 'reports', value: n(o.reports), note: t('cards.rejected', { n: n(o.rejected) }) },
    { id: 'finished', value: pct(o.finished), note: t('cards.of', { met: n(o.finished.met), of: n(o.finished.of) }) },
    { id: 'firstResponse', value: hours(o.firstResponse.medianHours), note: durations(o.firstResponse) },
    { id: 'finish', value: hours(o.finish.medianHours), note: durations(o.finish) },
    { id: 'responseSla', value: pct(o.responseSla), note: t('cards.of', { met: n(o.responseSla.met), of: n(o.responseSla.of) }) },
    { id: 'finishSla', value: pct(o.finishSla), note: t('cards.of', { met: n(o.finishSla.met), of: n(o.finishSla.of) }) },
    { id: 'followUpRejected', value: pct(o.followUpRejected), note: t('cards.of', { met: n(o.followUpRejected.met), of: n(o.followUpRejected.of) }) },
    { id: 'reopened', value: pct(o.reopened), note: t('cards.of', { met: n(o.reopened.met), of: n(o.reopened.of) }) },
    { id: 'proofFlagged', value: pct(o.proofFlagged), note: t('cards.of', { met: n(o.proofFlagged.met), of: n(o.proofFlagged.of) }) },
    { id: 'disputed', value: pct(o.disputed), note: t('cards.of', { met: n(o.disputed.met), of: n(o.disputed.of) }) },
    {
      id: 'satisfaction',
      value: o.satisfaction.mean === null ? t('none') : `${n(Number(o.satisfaction.mean.toFixed(2)))} / 5`,
      note: t('cards.ratings', { count: n(o.satisfaction.count) }),
    },
  ] as const;

  const unit = t(`unit.${d.granularity}`);
  const titles: Record<string, string> = {
    periode: t('charts.periode', { unit }),
    kategori: t('charts.kategori'),
    kanal: t('charts.kanal'),
    kota: t('charts.kota'),
  };
  const periodSummary = () => {
    const rows = d.series;
    if (!o.reports) return t('describe.empty');
    const peak = rows.reduce((a, b) => (b.reports > a.reports ? b : a));
    const low = rows.reduce((a, b) => (b.reports < a.reports ? b : a));
    return t('describe.periode', { total: n(o.reports), count: n(rows.length), unit, peak: peak.period, peakN: n(peak.reports), low: low.period, lowN: n(low.reports) });
  };
  const topSummary = (table: StatTable) =>
    table.rows.length
      ? t('describe.top', {
          list: table.rows
            .slice(0, 3)
            .map((r) => `${r[0]} (${n(r[1] as number)})`)
            .join(', '),
          count: n(table.rows.length),
        })
      : t('describe.empty');
  const kotaSummary = () => {
    const rows = d.byKota.filter((k) => k.key && k.finishSla.share !== null);
    if (!rows.length) return t('describe.empty');
    const best = rows.reduce((a, b) => (b.finishSla.share! > a.finishSla.share! ? b : a));
    const worst = rows.reduce((a, b) => (b.finishSla.share! < a.finishSla.share! ? b : a));
    return t('describe.kota', { best: names.region(best.key), bestN: n(percent(best.finishSla)!), worst: names.region(worst.key), worstN: n(percent(worst.finishSla)!) });
  };

  return (
    <div className="mx-auto max-w-6xl space-y-5 px-4 py-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-gray-700">{t('intro')}</p>
        <p className="font-medium" data-testid="dashboard-period">
          {t('period', {
            from: formatDate(new Date(query.figures.from), locale),
            until: formatDate(new Date(query.figures.until - 1), locale),
          })}
        </p>
      </header>

      <FilterForm action="/dasbor" filters={query.filters} categories={categories} channels={channels} regions={regions} withStatus={false} />

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="dashboard-cards">
        {cards.map((c) => (
          <div key={c.id} className="rounded-lg border bg-white p-3" data-testid={`card-${c.id}`}>
            <dt className="text-xs text-gray-700">{t(`cards.${c.id}`)}</dt>
            <dd className="text-xl font-bold" data-testid="card-value">
              {c.value}
            </dd>
            <dd className="text-xs text-gray-700">{c.note}</dd>
          </div>
        ))}
      </dl>

      <StatSection table={tables.periode} title={titles.periode} summary={periodSummary()} csvHref={csvHref('periode')} {...section('periode')}>
        <LazyStatChart
          source={source}
          id="periode"
          labelKey={d.granularity === 'hari' ? 'tanggal' : 'bulan'}
          series={[
            { key: 'laporan', label: t('series.laporan'), color: BLUE },
            { key: 'selesai', label: t('series.selesai'), color: GREEN },
          ]}
          summary={periodSummary()}
        />
      </StatSection>

      <div className="grid gap-5 lg:grid-cols-2">
        <StatSection table={tables.kategori} title={titles.kategori} summary={topSummary(tables.kategori)} csvHref={csvHref('kategori')} {...section('kategori')}>
          <LazyStatChart source={source} id="kategori" labelKey="kategori" series={[{ key: 'laporan', label: t('series.laporan'), color: BLUE }]} horizontal summary={topSummary(tables.kategori)} />
        </StatSection>
        <StatSection table={tables.kanal} title={titles.kanal} summary={topSummary(tables.kanal)} csvHref={csvHref('kanal')} {...section('kanal')}>
          <LazyStatChart source={source} id="kanal" labelKey="kanal" series={[{ key: 'laporan', label: t('series.laporan'), color: BLUE }]} horizontal summary={topSummary(tables.kanal)} />
        </StatSection>
      </div>

      <StatSection table={tables.kota} title={titles.kota} summary={kotaSummary()} csvHref={csvHref('kota')} {...section('kota')}>
        <LazyStatChart
          source={source}
          id="kota"
          labelKey="kota"
          series={[
            { key: 'selesai_persen', label: t('series.selesai_persen'), color: BLUE },
            { key: 'sla_tindak_lanjut_persen', label: t('series.sla_tindak_lanjut_persen'), color: GREEN },
          ]}
          horizontal
          summary={kotaSummary()}
        />
      </StatSection>

      <section aria-labelledby="peringkat" className="space-y-3">
        <h2 id="peringkat" className="text-xl font-semibold">
          {t('leagues.title')}
        </h2>
        <p className="text-sm text-gray-700" data-testid="league-minimum">
          {t('leagues.intro', { min: n(LEAGUE_MIN_TICKETS) })}
        </p>
        {LEAGUES.map((league) => {
          const table = tables[league];
          const unranked = table.unranked ?? 0;
          return (
            <section key={league} aria-labelledby={`liga-${league}`} className="space-y-2 rounded-lg border bg-white p-3" data-testid={`section-${league}`}>
              <h3 id={`liga-${league}`} className="font-semibold">
                {t(`leagues.${league}`)}
              </h3>
              {!table.rows.length ? null : shownTable === league ? (
                <StatTableView table={showAll || table.rows.length <= 2 * LEAGUE_ENDS ? table : ends(table)} caption={t(`leagues.${league}`)} tall />
              ) : (
                lazyTable(table, t(`leagues.${league}`), `liga-${league}`, showAll ? null : LEAGUE_ENDS)
              )}
              {table.rows.length ? null : (
                <p className="text-sm">{t('leagues.empty', { min: n(LEAGUE_MIN_TICKETS) })}</p>
              )}
              {!showAll && table.rows.length > 2 * LEAGUE_ENDS ? (
                <p className="text-sm">
                  {t('leagues.ends', { n: n(LEAGUE_ENDS), total: n(table.rows.length) })}{' '}
                  <Link href={`/dasbor?${filtersToQuery(query.filters, { semua: 1 })}#liga-${league}`} className="underline">
                    {t('leagues.showAll')}
                  </Link>
                </p>
              ) : null}
              {unranked > 0 ? <p className="text-sm text-gray-700">{t('leagues.unranked', { n: n(unranked), min: n(LEAGUE_MIN_TICKETS) })}</p> : null}
              <p className="text-sm">
                <a href={csvHref(league)} className="underline" download data-testid={`csv-${league}`}>
                  {t('csv')} ({t(`leagues.${league}`)})
                </a>
              </p>
            </section>
          );
        })}
      </section>

      <section aria-labelledby="definisi" className="space-y-1 text-sm text-gray-700">
        <h2 id="definisi" className="font-semibold text-gray-900">
          {t('definitions.title')}
        </h2>
        <p>{t('definitions.body')}</p>
      </section>
    </div>
  );
}
