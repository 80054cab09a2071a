import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/connect';
import { mediaUploads, type attachments } from '@/db/schema';
import { wibDay } from '@/lib/reports/ticket-number';
import type { ProcessedImage } from './process-image';
import type { MediaStorage } from './storage';

export type StoredPhoto = Omit<typeof attachments.$inferInsert, 'reportId' | 'kind'> & { storageKey: string; thumbKey: string };

/**
 * Writes each photo and its thumbnail, recording each in `out` first so a failure can remove it,
 * and in `media_uploads` (committed at once: pass the database, never a transaction) so that the
 * orphan sweep removes them if the process dies before their rows are committed.
 */
export async function storePhotos(storage: MediaStorage, photos: ProcessedImage[], now: Date, out: StoredPhoto[], journal: Db) {
  const folder = wibDay(now).replaceAll('-', '/');
  for (const photo of photos) {
    const id = randomBytes(12).toString('base64url');
    const ext = photo.main.mime === 'image/webp' ? 'webp' : 'jpg';
    const storageKey = `${folder}/${id}.${ext}`;
    const thumbKey = `${folder}/${id}.kecil.webp`;
    out.push({
      storageKey,
      thumbKey,
      mime: photo.main.mime,
      width: photo.main.width,
      height: photo.main.height,
      bytes: photo.main.data.length,
      phash: photo.phash,
      exifTakenAt: photo.exif.takenAt,
      exifLat: photo.exif.lat,
      exifLng: photo.exif.lng,
      createdAt: now,
    });
    await journal.insert(mediaUploads).values([{ key: storageKey }, { key: thumbKey }]).onConflictDoNothing();
    await storage.put(storageKey, photo.main.data);
    await storage.put(thumbKey, photo.thumb.data);
  }
}

/** Removes stored photos again (their report or event was not committed). */
export async function removePhotos(storage: MediaStorage, stored: StoredPhoto[]): Promise<void> {
  await Promise.all(stored.flatMap((p) => [storage.remove(p.storageKey), storage.remove(p.thumbKey)]));
}
