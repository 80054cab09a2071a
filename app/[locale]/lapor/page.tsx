import { randomBytes } from 'node:crypto';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listCategories, listRegionOptions } from '@/db/queries/reference';
import { ReportIntake } from '@/components/intake/report-intake';
import { tileConfig } from '@/lib/config/map';
import { UNCATEGORISED } from '@/lib/reference/categories';
import { localName, type Locale } from '@/lib/i18n';
import { shortRegionName } from '@/lib/regions/names';

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('lapor'))('title') };
}

export default async function ReportPage() {
  // Rendered per request: every visitor needs their own form token.
  await connection();
  const db = getDb();
  const [categories, regions, t, locale] = await Promise.all([
    listCategories(db),
    listRegionOptions(db),
    getTranslations('lapor'),
    getLocale() as Promise<Locale>,
  ]);
  const messages = await getMessages();
  // One token per rendered form: a double-click or a retried request files one ticket.
  const formToken = randomBytes(16).toString('base64url');
  return (
    <div className="mx-auto max-w-3xl px-4 py-6 space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-gray-800">{t('intro')}</p>
      {/* the form's texts travel with this page only, not inside every page of the portal */}
      <NextIntlClientProvider messages={{ errors: messages.errors, lapor: messages.lapor, map: messages.map }}>
      <ReportIntake
        formToken={formToken}
        categories={categories.filter((c) => c.code !== UNCATEGORISED).map((c) => ({
          code: c.code,
          name: localName(c, locale),
          group: localName({ nameId: c.groupId, nameEn: c.groupEn }, locale),
        }))}
        regions={regions.map((r) => ({ ...r, name: shortRegionName(r.name) }))}
        {...tileConfig()}
      />
      </NextIntlClientProvider>
    </div>
  );
}
