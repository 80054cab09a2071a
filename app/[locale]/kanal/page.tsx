import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listChannels } from '@/db/queries/reference';
import { formatDuration, formatNumber } from '@/lib/format';
import { localName, type Locale } from '@/lib/i18n';
import { wibDay } from '@/lib/reports/ticket-number';
import { requestTime } from '@/lib/sla/clock';
import { loadDashboard } from '@/lib/stats/server';
import { whatsAppConfig } from '@/lib/whatsapp/config';

type Props = { params: Promise<{ locale: Locale }> };

// Live figures: rendered per request from the in-memory figures (reused for up to a minute).
export const dynamic = 'force-dynamic';

/** Channels the public can use (the archive import and machine API are not ways to complain in person). */
const HIDDEN = ['impor', 'open311'];

/** WhatsApp is offered only where its Cloud API number is set up: unconfigured, it answers nobody. */
const isOffered = (code: string) => !HIDDEN.includes(code) && (code !== 'whatsapp' || whatsAppConfig() !== null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'kanal' });
  return { title: t('title') };
}

/** The channel directory: how to use each channel, when its desk is open, and how it performs this month. */
export default async function ChannelsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const db = getDb();
  const now = requestTime();
  const month = `${wibDay(now).slice(0, 7)}-01`;
  const from = Date.parse(`${month}T00:00:00+07:00`);
  const [channels, { d }, t] = await Promise.all([
    listChannels(db),
    loadDashboard(db, { from, until: now.getTime() + 1, region: null, categories: [], channels: [] }, locale),
    getTranslations('kanal'),
  ]);
  const figures = new Map(d.byChannel.map((g) => [g.key, g]));
  return (
    <div className="mx-auto max-w-5xl space-y-4 px-4 py-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-gray-800">{t('intro')}</p>
      <ul className="grid gap-3 md:grid-cols-2" data-testid="channels">
        {channels
          .filter((c) => isOffered(c.code))
          .map((c) => {
            const f = figures.get(c.code);
            const how = locale === 'en' ? c.howEn : c.howId;
            const hours = locale === 'en' ? c.hoursEn : c.hoursId;
            return (
              <li key={c.code} className="space-y-1 rounded-lg border bg-white p-3" data-testid={`channel-${c.code}`}>
                <h2 className="font-semibold">
                  {localName(c, locale)}{' '}
                  <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal">{c.isGeotagged ? t('geotagged') : t('typedIn')}</span>
                </h2>
                {how ? <p className="text-sm">{how}</p> : null}
                <p className="text-sm">
                  <span className="font-medium">{t('hours')}:</span> {hours || t('anyTime')}
                </p>
                <p className="text-sm text-gray-800" data-testid="channel-figures">
                  {t('thisMonth', { n: formatNumber(f?.reports ?? 0, locale) })} ·{' '}
                  {t('medianFinish', {
                    time: f?.finish.medianHours != null ? formatDuration(f.finish.medianHours * 3_600_000, locale) : '—',
                  })}
                </p>
              </li>
            );
          })}
      </ul>
      <p className="text-sm">
        <Link href="/dasbor#judul-kanal" className="underline">
          {t('dashboard')}
        </Link>
      </p>
    </div>
  );
}
