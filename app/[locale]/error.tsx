'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div className="mx-auto max-w-xl px-4 py-12 space-y-3">
      <h1 className="text-xl font-bold">{t('generic')}</h1>
      <p>{t('genericBody')}</p>
      <button type="button" onClick={reset} className="rounded bg-[#0f3d5e] px-3 py-1.5 text-white">
        {t('retry')}
      </button>
    </div>
  );
}
