'use client';

import { useTranslations } from 'next-intl';

/** How much of the report (its photos, mostly) has gone out, as the browser reports it. */
export function UploadProgress({ share }: { share: number }) {
  const t = useTranslations('lapor');
  const percent = Math.round(Math.min(1, Math.max(0, share)) * 100);
  return (
    <div className="space-y-1 text-sm" data-testid="upload-progress">
      <label htmlFor="unggah-kemajuan" className="block">
        {t('uploadProgress')}: <span data-testid="upload-percent">{t('uploadPercent', { percent })}</span>
      </label>
      <progress id="unggah-kemajuan" max={100} value={percent} className="h-3 w-full" aria-valuetext={`${percent} %`}>
        {percent} %
      </progress>
    </div>
  );
}
