import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function ReportNotFound() {
  const t = await getTranslations('report');
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
