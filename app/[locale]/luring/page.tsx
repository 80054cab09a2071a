import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n';

type Props = { params: Promise<{ locale: Locale }> };

/**
 * What the service worker (lib/pwa/sw.ts) shows for a page it does not keep when there is no
 * connection. Cached once at install, in the language of that moment.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'luring' });
  return { title: t('title'), robots: { index: false } };
}

export default async function OfflinePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('luring');
  return (
    <div className="mx-auto max-w-xl px-4 py-10 space-y-4" data-testid="offline-page">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-gray-800">{t('body')}</p>
      <p className="text-gray-800">{t('available')}</p>
      <ul className="list-disc pl-6 space-y-1">
        <li>
          <Link href="/lapor" className="underline">{t('report')}</Link>
        </li>
        <li>
          <Link href="/lacak" className="underline">{t('track')}</Link>
        </li>
      </ul>
      <p className="text-sm text-gray-700">{t('sendLater')}</p>
    </div>
  );
}
