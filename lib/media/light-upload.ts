/*
 * Light uploads: what the browser sends for a chosen photo. Pure and free of dependencies, so the
 * forms can import it without pulling the server's image code into the page.
 */
import { PHOTO_TYPES } from '@/lib/intake/form-limits';

/** The server stores photos at most this large (lib/media/process-image): more is wasted on the way. */
export const LIGHT_MAX_SIDE = 2048;
/** A photo already within LIGHT_MAX_SIDE and this small goes as it is: re-encoding would gain little. */
export const SEND_AS_IS_BYTES = 1.5 * 1024 * 1024;
/**
 * JPEG, not WebP: every browser encodes JPEG from a canvas, while Safari's canvas answers a WebP
 * request with a PNG several times larger. The server re-encodes to WebP in any case.
 */
export const UPLOAD_TYPE = 'image/jpeg';
export const UPLOAD_QUALITY = 0.8;

/**
 * The capture time and position read in the browser from the original's EXIF, sent next to each
 * photo (the downscaled JPEG carries no EXIF). Index-aligned with the `foto` fields.
 */
export const CAPTURE_FIELDS = { takenAt: 'foto_waktu', lat: 'foto_lat', lng: 'foto_lng' } as const;

export interface PhotoCapture {
  /** ISO 8601 with the offset the camera recorded (WIB when it recorded none), or null */
  takenAt: string | null;
  lat: number | null;
  lng: number | null;
}

export const NO_CAPTURE: PhotoCapture = { takenAt: null, lat: null, lng: null };

const ACCEPTED = new Set<string>(PHOTO_TYPES);

export type UploadPlan = { kind: 'as_is' } | { kind: 'reencode'; width: number; height: number };

/**
 * What to do with a photo the browser could decode, from its size as shown (EXIF rotation
 * applied) and its file: as it is when the server takes it and it is already light; otherwise
 * re-encoded, scaled down to fit LIGHT_MAX_SIDE (never up).
 */
export function planUpload(photo: { width: number; height: number; bytes: number; type: string }): UploadPlan {
  const longest = Math.max(photo.width, photo.height);
  if (longest <= LIGHT_MAX_SIDE && photo.bytes <= SEND_AS_IS_BYTES && ACCEPTED.has(photo.type)) return { kind: 'as_is' };
  const scale = Math.min(1, LIGHT_MAX_SIDE / longest);
  return { kind: 'reencode', width: Math.max(1, Math.round(photo.width * scale)), height: Math.max(1, Math.round(photo.height * scale)) };
}

/**
 * Whether the re-encoded file is worth sending instead of the original: the original is kept when
 * the server takes it as it is, its pixels are within LIGHT_MAX_SIDE and re-encoding made it no
 * smaller (a PNG screenshot, an already well-compressed photo).
 */
export function isReencodedBetter(original: { width: number; height: number; bytes: number; type: string }, reencodedBytes: number): boolean {
  const isOriginalFine = ACCEPTED.has(original.type) && Math.max(original.width, original.height) <= LIGHT_MAX_SIDE;
  return !isOriginalFine || reencodedBytes < original.bytes;
}

// "2026:03:09 08:15:00", as EXIF writes DateTimeOriginal
const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;

/**
 * The capture time and position from EXIF tags as read in the browser (raw values: the time as
 * the camera wrote it, the position in decimal degrees). A time without OffsetTimeOriginal is
 * WIB, as on the server (lib/media/process-image parseExif). Anything unusable becomes null; the
 * server checks again.
 */
export function captureFromExif(tags: { DateTimeOriginal?: unknown; OffsetTimeOriginal?: unknown; latitude?: unknown; longitude?: unknown } | null | undefined): PhotoCapture {
  if (!tags) return NO_CAPTURE;
  const time = typeof tags.DateTimeOriginal === 'string' ? EXIF_TIME.exec(tags.DateTimeOriginal.trim()) : null;
  const offset = typeof tags.OffsetTimeOriginal === 'string' && OFFSET.test(tags.OffsetTimeOriginal.trim()) ? tags.OffsetTimeOriginal.trim() : '+07:00';
  const iso = time ? `${time[1]}-${time[2]}-${time[3]}T${time[4]}:${time[5]}:${time[6]}${offset}` : null;
  const takenAt = iso && !Number.isNaN(Date.parse(iso)) && Number(time![1]) >= 1990 ? iso : null;
  const { latitude: lat, longitude: lng } = tags;
  const isPosition = isCoordinate(lat, 90) && isCoordinate(lng, 180) && !(lat === 0 && lng === 0);
  return { takenAt, lat: isPosition ? lat : null, lng: isPosition ? lng : null };
}

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}
