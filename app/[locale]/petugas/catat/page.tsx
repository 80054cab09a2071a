import { randomBytes } from 'node:crypto';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listCategories, listChannels, listRegionOptions } from '@/db/queries/reference';
import { DeskForm } from '@/components/staff/desk-form';
import { requireStaff } from '@/lib/auth/session';
import { tileConfig } from '@/lib/config/map';
import { localName, type Locale } from '@/lib/i18n';
import { UNCATEGORISED } from '@/lib/reference/categories';
import { shortRegionName } from '@/lib/regions/names';
import { deskChannels } from '@/lib/staff/desk';
import { StaffHeader } from '../staff-header';

export const metadata: Metadata = { title: 'Catat pengaduan', robots: { index: false } };

// Per-request data and a fresh form token per visit: never served from the page cache.
export const dynamic = 'force-dynamic';

const LABELS = [
  'channel', 'reference', 'name', 'phone', 'email', 'description', 'category', 'categoryUnknown', 'location', 'locationUnknown',
  'locationKelurahan', 'locationPoint', 'lat', 'lng', 'address', 'privacy', 'public', 'private', 'photos', 'submit',
] as const;

/** The operator desk: a complaint from any channel gets a ticket number at once. */
export default async function DeskPage() {
  const user = await requireStaff();
  const t = await getTranslations('petugas.desk');
  const f = await getTranslations('filters');
  const locale = (await getLocale()) as Locale;
  const allowed = deskChannels(user);
  if (!allowed.length) {
    return (
      <div className="mx-auto max-w-3xl space-y-4 px-4 py-6">
        <StaffHeader user={user} />
        <p role="alert" data-testid="refused">
          {t('refused')}
        </p>
      </div>
    );
  }
  const db = getDb();
  const [channels, categories, regions] = await Promise.all([listChannels(db), listCategories(db), listRegionOptions(db)]);
  const labels = { ...Object.fromEntries(LABELS.map((k) => [k, t(k)])), kota: f('kota'), kecamatan: f('kecamatan'), kelurahan: f('kelurahan') };
  const errorTexts = Object.fromEntries(
    ['deskripsi_pendek', 'telepon_salah', 'email_salah', 'lokasi_wajib', 'tidak_valid', 'foto'].map((k) => [k, t(`errors.${k}` as 'errors.foto')]),
  );
  return (
    <div className="mx-auto max-w-4xl space-y-4 px-4 py-4">
      <StaffHeader user={user} />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-gray-700">{t('intro')}</p>
      <DeskForm
        formToken={randomBytes(16).toString('base64url')}
        {...tileConfig()}
        locale={locale}
        channels={channels.filter((c) => allowed.includes(c.code)).map((c) => ({ code: c.code, name: localName(c, locale) }))}
        categories={categories.filter((c) => c.code !== UNCATEGORISED).map((c) => ({ code: c.code, name: localName(c, locale) }))}
        regions={regions.map((r) => ({ ...r, name: shortRegionName(r.name) }))}
        labels={labels}
        errorTexts={errorTexts}
      />
    </div>
  );
}
