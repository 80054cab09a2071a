'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { captureFieldValues, preparePhoto, type PreparedPhoto } from '@/components/media/prepare-photo';
import { PHOTO_TYPES } from '@/lib/intake/form-limits';
import { formatBytes } from '@/lib/intake/photo-check';

/**
 * The after-photo field of a follow-up. Without JavaScript the photos go as they were chosen;
 * with it, each is made lighter in the browser and replaces the chosen file in the field, with
 * its capture time and position (read from the original) sent in hidden fields, so the proof
 * checks keep working. The form cannot be sent while photos are being prepared.
 */
export function AfterPhotoInput({ label }: { label: string }) {
  const t = useTranslations('petugas.ticket');
  const locale = useLocale();
  const [prepared, setPrepared] = useState<PreparedPhoto[]>([]);
  const latest = useRef(0);

  const prepare = async (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    const run = ++latest.current;
    setPrepared([]);
    if (files.length === 0) return;
    input.setCustomValidity(t('afterPhotoPreparing'));
    const done = await Promise.all(files.map(preparePhoto));
    if (run !== latest.current) return;
    try {
      const lighter = new DataTransfer();
      for (const photo of done) lighter.items.add(photo.upload);
      input.files = lighter.files;
      setPrepared(done);
    } catch {
      // a browser that cannot set a file field sends the originals, whose own EXIF the server reads
    }
    input.setCustomValidity('');
  };

  return (
    <div className="space-y-1">
      <input type="file" name="foto" accept={PHOTO_TYPES.join(',')} multiple required aria-label={label} className="block w-full" onChange={(e) => void prepare(e.currentTarget)} />
      {prepared.flatMap((photo, i) => captureFieldValues(photo.capture).map(([name, value]) => <input key={`${i}-${name}`} type="hidden" name={name} value={value} />))}
      {prepared.length > 0 ? (
        <ul className="text-gray-600" data-testid="after-photo-sizes">
          {prepared.map(({ original, upload }, i) => (
            <li key={i}>
              {upload === original
                ? `${original.name}: ${formatBytes(original.size, locale)}`
                : t('afterPhotoSize', { name: original.name, from: formatBytes(original.size, locale), to: formatBytes(upload.size, locale) })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
