import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <div className="mx-auto max-w-xl px-4 py-12 space-y-3">
      <h1 className="text-xl font-bold">{t('notFound')}</h1>
      <Link href="/" className="underline">
        {t('backToMap')}
      </Link>
    </div>
  );
}
