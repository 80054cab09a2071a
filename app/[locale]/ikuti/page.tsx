import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getRegion, listPublicCategories } from '@/db/queries/reference';
import { ALERT_MESSAGE } from '@/lib/alerts/subscriptions';
import { localName, type Locale } from '@/lib/i18n';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { subscribeAction } from './actions';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ wilayah?: string; nomor?: string; lat?: string; lng?: string; radius?: string; pesan?: string }>;
};

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'ikuti' }))('title'), robots: { index: false } };
}

/** Follow an area, a point or a ticket by e-mail. */
export default async function FollowPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const q = await searchParams;
  const t = await getTranslations('ikuti');
  const db = getDb();
  const region = q.wilayah && /^31\.\d{2}(\.\d{2}(\.\d{4})?)?$/.test(q.wilayah) ? await getRegion(db, q.wilayah) : null;
  const number = q.nomor ? normalizeTicketNumber(q.nomor) : null;
  const lat = Number(q.lat);
  const lng = Number(q.lng);
  const point = Number.isFinite(lat) && Number.isFinite(lng) && q.lat && q.lng ? { lat, lng, radius: Number(q.radius) || 500 } : null;
  const categories = region ? await listPublicCategories(db) : [];
  const message = q.pesan
    ? q.pesan === 'terkirim'
      ? t('sent')
      : q.pesan === 'tidak_valid'
        ? t('invalid')
        : q.pesan === 'terlalu_sering'
          ? (ALERT_MESSAGE.terlalu_sering[locale] ?? t('tooMany'))
          : (ALERT_MESSAGE[q.pesan as keyof typeof ALERT_MESSAGE]?.[locale] ?? t('tooMany'))
    : null;
  const target = region ? t('area', { name: region.name }) : number ? t('ticket', { number }) : point ? t('point', point) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4 px-4 py-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-gray-800">{t('intro')}</p>
      {message ? (
        <p role="status" className="rounded border bg-white p-3" data-testid="follow-message">
          {message}
        </p>
      ) : null}
      {target ? (
        <form action={subscribeAction} className="space-y-3 rounded-lg border bg-white p-4" data-testid="follow-form">
          <p>
            {t('what')}: <strong>{target}</strong>
          </p>
          {region ? <input type="hidden" name="wilayah" value={region.code} /> : null}
          {number ? <input type="hidden" name="nomor" value={number} /> : null}
          {point ? (
            <>
              <input type="hidden" name="lat" value={point.lat} />
              <input type="hidden" name="lng" value={point.lng} />
              <input type="hidden" name="radius" value={point.radius} />
            </>
          ) : null}
          <label className="block space-y-1">
            <span className="block font-medium">{t('email')}</span>
            <input type="email" name="email" required maxLength={200} autoComplete="email" className="w-full rounded border border-gray-500 px-3 py-2" />
          </label>
          {categories.length ? (
            <fieldset className="space-y-1 text-sm">
              <legend className="font-medium">{t('categories')}</legend>
              <div className="grid grid-cols-2 gap-1">
                {categories.map((c) => (
                  <label key={c.code} className="inline-flex items-center gap-1">
                    <input type="checkbox" name="kategori" value={c.code} /> {localName(c, locale)}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">{t('frequency')}</legend>
            <label className="mr-4 inline-flex items-center gap-1">
              <input type="radio" name="frekuensi" value="segera" defaultChecked /> {t('now')}
            </label>
            <label className="inline-flex items-center gap-1">
              <input type="radio" name="frekuensi" value="harian" /> {t('daily')}
            </label>
          </fieldset>
          <button className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">{t('submit')}</button>
        </form>
      ) : (
        <p>{t('choose')}</p>
      )}
    </div>
  );
}
