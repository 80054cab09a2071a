import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Masuk petugas', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ sandi?: string; keluar?: string }> }) {
  const t = await getTranslations('petugas.signIn');
  // after a password change or "sign out everywhere", every session of the account has ended
  const { sandi, keluar } = await searchParams;
  const ended = sandi === 'diganti' ? t('passwordChanged') : keluar === 'semua' ? t('signedOutEverywhere') : null;
  return (
    <div className="mx-auto max-w-sm px-4 py-10 space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-gray-700">{t('intro')}</p>
      {ended ? <p role="status" data-testid="sessions-ended" className="rounded border border-green-300 bg-green-50 p-3 text-sm">{ended}</p> : null}
      {/* the form's messages travel with this page only, not inside every page of the site */}
      <NextIntlClientProvider messages={{ petugas: { signIn: ((await getMessages()).petugas as Record<string, unknown>).signIn } }}>
        <SignInForm />
      </NextIntlClientProvider>
    </div>
  );
}
