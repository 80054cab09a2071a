import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/connect';
import { mediaUploads, type attachments } from '@/db/schema';
import { wibDay } from '@/lib/reports/ticket-number';
import { ImageRejectedError, readUploadHeader, type ImageExif, type SourceMime } from './process-image';
import { QUARANTINE_PREFIX } from './photo-response';
import type { MediaStorage } from './storage';

/**
 * A photo that passed every check that can be made without decoding it: its type by content, its
 * size and resolution from the header, no hidden payload, and a complete file (a cut-off upload
 * is refused here, while the citizen is still at the form). Its capture time and place are read
 * from the EXIF now, before anything is stripped.
 */
export interface AcceptedImage {
  data: Buffer;
  sourceMime: SourceMime;
  width: number;
  height: number;
  exif: ImageExif;
}

/**
 * Checks an upload cheaply enough to run inside a burst of submissions (a few milliseconds for a
 * phone photo: no pixel is decoded; the full decode and re-encode, ≈ 0.1-0.4 s, is the worker's,
 * and a file damaged inside its image data is caught there). Throws ImageRejectedError with the
 * same codes as processImage, never a raw sharp error. `hint`: as for readUploadHeader.
 */
export async function acceptImage(input: Buffer, hint?: ImageExif): Promise<AcceptedImage> {
  const { sourceMime, width, height, orientation, exif } = await readUploadHeader(input, hint);
  if (!isComplete(input, sourceMime)) throw new ImageRejectedError('rusak');
  // orientations 5-8 turn the picture by a quarter: width and height as it will be shown
  const isTurned = orientation >= 5;
  return { data: input, sourceMime, width: isTurned ? height : width, height: isTurned ? width : height, exif };
}

const JPEG_SCAN = Buffer.from([0xff, 0xda]);
const JPEG_END = Buffer.from([0xff, 0xd9]);
const PNG_END = Buffer.from('IEND', 'latin1');

/**
 * Whether the file is whole, from its structure: a JPEG's end-of-image marker after its first scan
 * (phones may append trailers after it), a PNG's IEND chunk, a WebP's RIFF length within the file.
 */
export function isComplete(input: Buffer, mime: SourceMime): boolean {
  if (mime === 'image/jpeg') {
    const scan = input.indexOf(JPEG_SCAN, 2);
    return scan > 0 && input.lastIndexOf(JPEG_END) > scan;
  }
  if (mime === 'image/png') return input.lastIndexOf(PNG_END) > 8;
  return input.length >= 12 && input.readUInt32LE(4) + 8 <= input.length;
}

export type QuarantinedPhoto = Omit<typeof attachments.$inferInsert, 'reportId' | 'kind'> & { storageKey: string };

const EXTENSION: Record<SourceMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * Writes each accepted upload as it came to the quarantine folder (never served: the photo routes
 * serve only processed photos) and journals its key first, like storePhotos, so the orphan sweep
 * removes it if its row is never committed. The rows in `out` go into the acknowledging
 * transaction; the photo worker publishes them.
 */
export async function storeQuarantined(storage: MediaStorage, images: AcceptedImage[], now: Date, out: QuarantinedPhoto[], journal: Db) {
  const folder = `${QUARANTINE_PREFIX}${wibDay(now).replaceAll('-', '/')}`;
  for (const image of images) {
    const storageKey = `${folder}/${randomBytes(12).toString('base64url')}.${EXTENSION[image.sourceMime]}`;
    out.push({
      storageKey,
      thumbKey: null,
      mime: image.sourceMime,
      width: image.width,
      height: image.height,
      bytes: image.data.length,
      phash: null,
      exifTakenAt: image.exif.takenAt,
      exifLat: image.exif.lat,
      exifLng: image.exif.lng,
      createdAt: now,
      quarantinedAt: now,
    });
    await journal.insert(mediaUploads).values({ key: storageKey }).onConflictDoNothing();
    await storage.put(storageKey, image.data);
  }
}

/** Quarantined keys are removed again when their report was not committed. */
export async function removeQuarantined(storage: MediaStorage, stored: QuarantinedPhoto[]): Promise<void> {
  await Promise.all(stored.map((p) => storage.remove(p.storageKey)));
}

/** Kept on globalThis: the worker starts in the instrumentation bundle, reports are filed in route bundles. */
export const photoWorkerHook = globalThis as unknown as { aduanWakePhotoWorker?: () => void };

/**
 * Asks this process's photo worker (if it runs here) to look at once instead of at its next
 * interval: a citizen who just filed sees their photo within moments on a quiet day.
 */
export function wakePhotoWorker(): void {
  photoWorkerHook.aduanWakePhotoWorker?.();
}
