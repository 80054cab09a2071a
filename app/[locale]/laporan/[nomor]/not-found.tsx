'use client';

// A client component: the not-found view is part of every page's tree, and reading the language
// on the server here would make cached pages dynamic.
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export default function ReportNotFound() {
  const t = useTranslations('report');
  return (
    <div className="mx-auto max-w-xl px-4 py-12 space-y-3">
      <h1 className="text-xl font-bold">{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <Link href="/lacak" className="underline">
        {t('trackAnother')}
      </Link>
    </div>
  );
}
