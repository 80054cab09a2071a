import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Masuk petugas', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  const t = await getTranslations('petugas.signIn');
  return (
    <div className="mx-auto max-w-sm px-4 py-10 space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-gray-700">{t('intro')}</p>
      <SignInForm />
    </div>
  );
}
