import { z } from 'zod';
import { CAPTURE_FIELDS } from './light-upload';
import type { ImageExif } from './process-image';

/** A phone's clock may run a little ahead of the server's. */
const FUTURE_SLACK_MS = 5 * 60_000;
// the same floor as the EXIF read on the server: earlier dates come from cameras with an unset clock
const EARLIEST_PLAUSIBLE_YEAR = 1990;

const text = z.string().trim().min(1);
const coordinate = (limit: number) => text.transform(Number).pipe(z.number().finite().min(-limit).max(limit)).nullable().catch(null);

/**
 * The capture time and position a browser read from a photo's EXIF before downscaling it (the
 * upload itself then has none). Each value is checked on its own; one out of range is dropped as
 * if absent, never a reason to refuse the report. Positions are any valid coordinates, as in the
 * server's own EXIF read: a photo taken far from Jakarta is what the "too far away" check is for.
 */
export function captureHintSchema(now: Date) {
  return z
    .object({
      takenAt: text
        .pipe(z.iso.datetime({ offset: true }))
        .transform((v) => new Date(v))
        .refine((d) => d.getUTCFullYear() >= EARLIEST_PLAUSIBLE_YEAR && d.getTime() <= now.getTime() + FUTURE_SLACK_MS)
        .nullable()
        .catch(null),
      lat: coordinate(90),
      lng: coordinate(180),
    })
    .transform(({ takenAt, lat, lng }): ImageExif => {
      const hasPosition = lat !== null && lng !== null && !(lat === 0 && lng === 0);
      return { takenAt, lat: hasPosition ? lat : null, lng: hasPosition ? lng : null };
    });
}

export interface PhotoUpload {
  file: File;
  /** what the browser read from the original's EXIF, checked */
  hint: ImageExif;
}

/**
 * The photos of a form with the capture values sent next to each (index-aligned, empty when the
 * browser read none or sent none: a form posted without JavaScript sends no hints at all).
 */
export function photoUploadsFromForm(formData: FormData, now: Date): PhotoUpload[] {
  const schema = captureHintSchema(now);
  const [times, lats, lngs] = [CAPTURE_FIELDS.takenAt, CAPTURE_FIELDS.lat, CAPTURE_FIELDS.lng].map((name) => formData.getAll(name));
  return formData.getAll('foto').flatMap((file, i) => {
    if (!(file instanceof File) || file.size === 0) return [];
    return [{ file, hint: schema.parse({ takenAt: times[i] ?? null, lat: lats[i] ?? null, lng: lngs[i] ?? null }) }];
  });
}

/**
 * The one place where the browser's values stand in for the upload's own EXIF: the file's time
 * and position win where it has them (a photo sent as it is), the hint fills what is missing.
 */
export function withCaptureHint(own: ImageExif, hint: ImageExif | undefined): ImageExif {
  if (!hint) return own;
  const hasOwnPosition = own.lat !== null && own.lng !== null;
  return {
    takenAt: own.takenAt ?? hint.takenAt,
    lat: hasOwnPosition ? own.lat : hint.lat,
    lng: hasOwnPosition ? own.lng : hint.lng,
  };
}
