'use client';

// A client component: the not-found view is part of every page's tree, and reading the language
// on the server here would make cached pages dynamic.
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export default function NotFound() {
  const t = useTranslations('errors');
  return (
    <div className="mx-auto max-w-xl px-4 py-12 space-y-3">
      <h1 className="text-xl font-bold">{t('notFound')}</h1>
      <Link href="/" className="underline">
        {t('backToMap')}
      </Link>
    </div>
  );
}
