import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { formatDecimal, formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { periodLabel } from '@/lib/skm/period-label';
import { listPeriods, periodResults } from '@/lib/skm/survey';
import { matchesUnitSearch, parseUnitSearch } from '@/lib/skm/unit-search';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ periode?: string; cari?: string | string[] }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'skm' }))('title') };
}

/** Survey results of a period: every unit with respondents, its IKM and grade. */
export default async function SkmPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('skm');
  const db = getDb();
  const [periods, { periode, cari }] = await Promise.all([listPeriods(db), searchParams]);
  const search = parseUnitSearch(cari);
  const chosen = periods.find((p) => String(p.id) === periode) ?? periods[0];
  const results = chosen ? await periodResults(db, chosen.id) : null;
  const answered = results?.units.filter((u) => u.respondents + u.flagged > 0) ?? [];
  // a search looks through every unit of the period, answered or not: "my kelurahan had none" is an answer too
  const shown = search ? (results?.units ?? []).filter((u) => matchesUnitSearch(u, search)) : answered;
  const n = (v: number) => formatNumber(v, locale);
  const periodHref = (id: number) => `/skm?${new URLSearchParams({ periode: String(id), ...(search ? { cari: search } : {}) })}`;
  return (
    <div className="mx-auto max-w-5xl space-y-4 px-4 py-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-gray-800">{t('intro')}</p>
      {!chosen ? <p>{t('noPeriod')}</p> : null}
      {periods.length > 1 ? (
        <nav aria-label={t('period')} className="flex flex-wrap gap-2 text-sm">
          {periods.map((p) => (
            <Link key={p.id} href={periodHref(p.id)} className={`rounded border px-2 py-1 ${p.id === chosen?.id ? 'bg-slate-200' : 'bg-white'}`}>
              {periodLabel(p, locale)}
            </Link>
          ))}
        </nav>
      ) : null}
      {results ? (
        <section aria-labelledby="hasil" className="space-y-2 rounded-lg border bg-white p-3">
          <h2 id="hasil" className="text-lg font-semibold">
            {periodLabel(results.period, locale)} · {results.period.startsOn} – {results.period.endsOn}
          </h2>
          <form action="/skm" role="search" className="flex flex-wrap gap-2 text-sm" data-testid="skm-search">
            <input type="hidden" name="periode" value={results.period.id} />
            <label htmlFor="cari" className="sr-only">
              {t('searchLabel')}
            </label>
            <input
              id="cari"
              name="cari"
              type="search"
              defaultValue={search}
              maxLength={80}
              placeholder={t('searchPlaceholder')}
              className="min-w-0 flex-1 rounded border border-gray-500 px-3 py-1.5"
            />
            <button className="rounded bg-[#0f3d5e] px-3 py-1.5 font-semibold text-white">{t('search')}</button>
            {search ? (
              <Link href={`/skm?periode=${results.period.id}`} className="self-center underline">
                {t('clearSearch')}
              </Link>
            ) : null}
          </form>
          {search ? (
            <p role="status" className="text-sm" data-testid="skm-search-count">
              {t('searchCount', { n: n(shown.length), search })}
            </p>
          ) : null}
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={periodLabel(results.period, locale)}>
            <table className="min-w-full text-sm" data-testid="skm-results">
              <thead>
                <tr className="border-b text-left">
                  <th className="px-2 py-1">{t('unit')}</th>
                  <th className="px-2 py-1 text-right">{t('respondents')}</th>
                  <th className="px-2 py-1 text-right">{t('ikm')}</th>
                  <th className="px-2 py-1">{t('grade')}</th>
                  <th className="px-2 py-1 text-right">{t('flagged')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((u) => (
                  <tr key={u.code} className="border-b last:border-0">
                    <td className="px-2 py-1">
                      <Link href={`/skm/${u.code}`} className="underline">
                        {u.name}
                      </Link>
                    </td>
                    <td className="px-2 py-1 text-right">{n(u.respondents)}</td>
                    <td className="px-2 py-1 text-right">{u.ikm === null ? '—' : formatDecimal(u.ikm, 2, locale)}</td>
                    <td className="px-2 py-1">{u.grade ?? t('tooFew', { min: results.period.minRespondents })}</td>
                    <td className="px-2 py-1 text-right">{n(u.flagged)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {search ? null : <p className="text-sm text-gray-700">{t('noResponses', { n: n(results.units.length - answered.length) })}</p>}
          <a href={`/api/skm.csv?periode=${results.period.id}`} className="text-sm underline" download>
            {t('csv')}
          </a>
        </section>
      ) : null}
    </div>
  );
}
