import { NextResponse } from 'next/server';
import { getStorage } from './storage';

/** The one answer for a photo that cannot be shown: unknown, not allowed, or missing from storage alike. */
export const photoNotFound = () => NextResponse.json({ error: 'Foto tidak ditemukan.', error_en: 'Photo not found.' }, { status: 404 });

/** A photo id as it may appear in a URL. */
export const isPhotoId = (id: string) => /^\d{1,15}$/.test(id);

/** Where accepted uploads wait, as they came, for the photo worker (lib/media/quarantine.ts). */
export const QUARANTINE_PREFIX = 'karantina/';

/**
 * Serves a stored photo (re-encoded, without metadata) or its thumbnail (`?ukuran=kecil`) with the
 * caller's caching headers; a file missing from storage answers like an unknown photo. Every photo
 * route serves through here, and nothing in quarantine is ever served, to anyone: an upload is
 * shown only once the worker has re-encoded it.
 */
export async function photoResponse(
  file: { storageKey: string; thumbKey: string | null; mime: string } | null,
  params: URLSearchParams,
  headers: Record<string, string>,
): Promise<NextResponse> {
  if (!file || file.storageKey.startsWith(QUARANTINE_PREFIX)) return photoNotFound();
  const small = params.get('ukuran') === 'kecil' && file.thumbKey;
  const data = await getStorage().get(small ? file.thumbKey! : file.storageKey);
  if (!data) return photoNotFound();
  return new NextResponse(new Uint8Array(data), {
    headers: { 'Content-Type': small ? 'image/webp' : file.mime, 'X-Content-Type-Options': 'nosniff', ...headers },
  });
}
