'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { DESCRIPTION_MAX } from '@/lib/intake/form-limits';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error: React.ReactNode;
  className: string;
}

/**
 * The description with a running count against the server's limit. Nothing is cut off: past the
 * limit the count turns red and says by how much, and the form is not sent until it is shortened.
 */
export function DescriptionField({ value, onChange, error, className }: Props) {
  const t = useTranslations('lapor');
  const format = useFormatter();
  const length = value.length;
  const over = length - DESCRIPTION_MAX;
  const max = format.number(DESCRIPTION_MAX);
  const tone = over > 0 ? 'font-semibold text-red-700' : length >= DESCRIPTION_MAX * 0.9 ? 'text-amber-900' : 'text-gray-700';
  return (
    <div className="space-y-1">
      <label htmlFor="deskripsi" className="block font-semibold">{t('description')}</label>
      <p id="deskripsi-hint" className="text-sm text-gray-700">{t('descriptionHint')}</p>
      <textarea
        id="deskripsi"
        name="deskripsi"
        rows={5}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={className}
        aria-invalid={Boolean(error) || over > 0}
        aria-describedby={`${error ? 'deskripsi-error' : 'deskripsi-hint'} deskripsi-count`}
      />
      <p id="deskripsi-count" className={`text-right text-sm ${tone}`} data-testid="deskripsi-count">
        {t('descriptionCount', { count: format.number(length), max })}
      </p>
      {length >= DESCRIPTION_MAX ? (
        <p className={`text-sm ${over > 0 ? 'text-red-700' : 'text-amber-900'}`} role="status" data-testid="deskripsi-limit">
          {over > 0 ? t('descriptionOver', { over: format.number(over), max }) : t('descriptionAtLimit', { max })}
        </p>
      ) : null}
      {error}
    </div>
  );
}
