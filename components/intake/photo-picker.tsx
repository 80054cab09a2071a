'use client';

import { useLocale, useTranslations } from 'next-intl';
import { PHOTO_TYPES } from '@/lib/intake/form-limits';
import { formatBytes, type PhotoProblem } from '@/lib/intake/photo-check';
import type { ChosenPhoto } from '@/components/media/use-prepared-photos';

interface Props {
  photos: ChosenPhoto[];
  onAdd: (photos: File[]) => void;
  onRemove: (index: number) => void;
  /** checkPhotos(photos): shown as soon as photos are chosen, and the form is not sent while any remain */
  problems: PhotoProblem[];
  error: React.ReactNode;
}

/**
 * The chosen photos are kept by the form (not by the file input), so that one can be removed, and
 * so that nothing chosen is lost when the server refuses the report or does not answer.
 */
export function PhotoPicker({ photos, onAdd, onRemove, problems, error }: Props) {
  const t = useTranslations('lapor');
  const locale = useLocale();
  const size = (bytes: number) => formatBytes(bytes, locale);
  const message = (p: PhotoProblem) => {
    switch (p.code) {
      case 'terlalu_besar':
        return t('photoTooBig', { name: p.name, size: size(p.size), limit: size(p.limit) });
      case 'tipe':
        return t('photoType', { name: p.name });
      case 'terlalu_banyak':
        return t('photosTooMany', { count: p.count, max: p.limit, over: p.count - p.limit });
      case 'total_terlalu_besar':
        return t('photosTotalTooBig', { size: size(p.total), limit: size(p.limit) });
      default:
        return p satisfies never;
    }
  };
  const hasProblems = problems.length > 0;
  // what will be sent: "4,8 MB → 410 KB" once the browser made a photo lighter
  const sizes = ({ original, prepared }: ChosenPhoto) => {
    if (!prepared) return t('photoPreparing', { size: size(original.size) });
    return prepared.upload === original ? size(original.size) : t('photoSizeSent', { from: size(original.size), to: size(prepared.upload.size) });
  };

  return (
    <div className="space-y-1">
      <label htmlFor="foto" className="block font-semibold">{t('photos')}</label>
      <p id="foto-hint" className="text-sm text-gray-700">{t('photosHint')}</p>
      <input
        id="foto"
        type="file"
        accept={PHOTO_TYPES.join(',')}
        multiple
        className="block min-h-11 w-full text-sm"
        aria-invalid={hasProblems || Boolean(error)}
        aria-describedby={hasProblems ? 'foto-masalah' : error ? 'foto-error' : 'foto-hint'}
        onChange={(e) => {
          const added = Array.from(e.target.files ?? []);
          // emptied, so that choosing the same photo again after removing it is seen
          e.target.value = '';
          if (added.length) onAdd(added);
        }}
      />
      {photos.length > 0 ? (
        <ul className="space-y-1" data-testid="photo-list">
          {photos.map((photo, i) => (
            <li key={`${photo.original.name}-${i}`} className="rounded border bg-white px-2 text-sm">
              <div className="flex items-center justify-between gap-2">
                <span className="min-w-0 break-all">
                  {photo.original.name} <span className="text-gray-600" data-testid="photo-size">({sizes(photo)})</span>
                </span>
                <button type="button" className="min-h-11 min-w-11 shrink-0 px-2 font-semibold text-red-800" aria-label={t('photoRemove', { name: photo.original.name })} onClick={() => onRemove(i)}>
                  ✕
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {hasProblems ? (
        <ul id="foto-masalah" className="space-y-1 text-sm text-red-700" data-testid="photo-problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{message(p)}</li>
          ))}
        </ul>
      ) : null}
      {error}
    </div>
  );
}
