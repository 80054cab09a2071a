import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { notFound } from 'next/navigation';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { ServiceWorker } from '@/components/pwa/service-worker';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { isLocale, LOCALES } from '@/i18n/locales';
import '../globals.css';

export const metadata: Metadata = {
  title: { default: 'Aduan Jakarta — laporan warga, terbuka untuk semua', template: '%s · Aduan Jakarta' },
  description:
    'Laporkan masalah kota, lacak tiket Anda, dan lihat seberapa cepat setiap unit pemerintah menindaklanjuti.',
  // installable as an app (public/manifest.webmanifest; the service worker: components/pwa). The
  // icons are file conventions (icon.svg, apple-icon.png): an `icons` entry here would drop them.
  manifest: '/manifest.webmanifest',
  appleWebApp: { capable: true, title: 'Aduan', statusBarStyle: 'default' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f3d5e' };

// Both languages are rendered from the same routes: proxy.ts rewrites /laporan/… to /id/laporan/…
// or /en/laporan/… from the language cookie, so pages without per-request data can be cached.
/**
 * The messages client components read (useTranslations) on any page: the error views'. Only
 * these travel inside every page's HTML; the rest stay on the server, and the report form
 * (lapor), the map (map), the SLA clock (report) and the sign-in form (petugas.signIn) get theirs
 * from the pages that show them.
 */
const CLIENT_NAMESPACES = ['errors'] as const;
/** What the ticket's not-found view (a client component) reads of `report`. */
const REPORT_NOT_FOUND = ['notFoundTitle', 'notFoundBody', 'trackAnother'] as const;

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export default async function LocaleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('layout');
  const messages = await getMessages();
  const clientMessages = {
    ...Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]])),
    report: Object.fromEntries(REPORT_NOT_FOUND.map((key) => [key, (messages.report as Record<string, unknown>)[key]])),
  };
  const nav = [
    { href: '/', label: t('map') },
    { href: '/laporan', label: t('list') },
    { href: '/dasbor', label: t('dashboard') },
    { href: '/kanal', label: t('channels') },
    { href: '/skm', label: t('skm') },
    { href: '/lacak', label: t('track') },
  ];
  return (
    <html lang={locale}>
      <body className="min-h-screen flex flex-col">
        <NextIntlClientProvider messages={clientMessages}>
          <a href="#konten" className="sr-only focus:not-sr-only focus:absolute focus:p-2 focus:bg-white">
            {t('skip')}
          </a>
          <header className="bg-[#0f3d5e] text-white">
            <div className="mx-auto max-w-6xl px-4 py-3 flex flex-wrap items-center gap-x-6 gap-y-2">
              <Link href="/" className="font-bold text-lg tracking-tight">
                Aduan <span className="font-normal text-sky-200">Jakarta</span>
              </Link>
              <nav aria-label={t('nav')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {nav.map((item) => (
                  <Link key={item.href} href={item.href} className="hover:underline">
                    {item.label}
                  </Link>
                ))}
              </nav>
              <div className="ml-auto flex items-center gap-3">
                <Link href="/lapor" className="rounded bg-amber-400 px-3 py-1.5 text-sm font-semibold text-gray-900 hover:bg-amber-300">
                  {t('report')}
                </Link>
                <Suspense>
                  <LanguageSwitch target={locale === 'id' ? 'en' : 'id'} label={t('switchTo')} />
                </Suspense>
              </div>
            </div>
          </header>
          <main id="konten" className="flex-1">
            {children}
          </main>
          <footer className="border-t bg-white text-sm text-gray-700">
            <div className="mx-auto max-w-6xl px-4 py-4 flex flex-wrap gap-4 justify-between">
              <p>{t('footer')}</p>
              <p>
                {t('boundaries')}{' '}
                <Link href="/petugas" className="underline">
                  {t('staff')}
                </Link>
              </p>
            </div>
          </footer>
        </NextIntlClientProvider>
        <ServiceWorker />
      </body>
    </html>
  );
}
