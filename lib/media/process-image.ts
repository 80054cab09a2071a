import exifReader from 'exif-reader';
import sharp, { type Sharp } from 'sharp';
import { MAX_PHOTO_BYTES } from '@/lib/intake/form-limits';
import { withCaptureHint } from './capture-hint';

export type ImageRejection =
  'tipe_tidak_didukung' | 'terlalu_besar' | 'resolusi_terlalu_besar' | 'rusak' | 'berisi_sisipan';

export const MAX_UPLOAD_BYTES = MAX_PHOTO_BYTES;
/** Refuse decompression bombs (e.g. a 50-megapixel image); checked from the header before decoding. */
export const MAX_INPUT_PIXELS = 40_000_000;
const MAIN_MAX_SIDE = 2048;
const THUMB_MAX_SIDE = 480;
/**
 * WebP encoder effort (0-6, sharp's default 4). Encoding is most of a submission's CPU time; at 2
 * it takes about half as long for files a few per cent larger at the same quality.
 */
const WEBP_EFFORT = 2;

/** Messages for each rejection, Bahasa Indonesia and English. */
export const IMAGE_REJECTION_MESSAGE: Record<ImageRejection, { id: string; en: string }> = {
  tipe_tidak_didukung: {
    id: 'Format foto tidak didukung. Gunakan foto JPEG, PNG, atau WebP.',
    en: 'Unsupported photo format. Use a JPEG, PNG or WebP photo.',
  },
  terlalu_besar: { id: 'Ukuran foto melebihi 10 MB.', en: 'The photo is larger than 10 MB.' },
  resolusi_terlalu_besar: {
    id: 'Resolusi foto terlalu besar (maksimal 40 megapiksel).',
    en: 'The photo resolution is too large (at most 40 megapixels).',
  },
  rusak: { id: 'Foto rusak atau tidak dapat dibaca.', en: 'The photo is damaged or unreadable.' },
  berisi_sisipan: {
    id: 'Berkas ini berisi data lain di dalam foto (kode atau arsip). Kirim foto asli dari kamera.',
    en: 'This file carries other data inside the photo (code or an archive). Send the original camera photo.',
  },
};

export class ImageRejectedError extends Error {
  /** `options.cause` keeps the underlying sharp error for server logs; never show it to users. */
  constructor(
    public readonly code: ImageRejection,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'ImageRejectedError';
  }
}

export type SourceMime = 'image/jpeg' | 'image/png' | 'image/webp';

export interface ImageExif {
  takenAt: Date | null;
  lat: number | null;
  lng: number | null;
}

export interface ProcessedImage {
  /**
   * Re-encoded image to store and serve: WebP (keeps PNG transparency, smaller than JPEG), at most
   * 2048 px on the long side, auto-rotated by EXIF orientation, all metadata stripped.
   */
  main: { data: Buffer; mime: 'image/webp'; width: number; height: number };
  /** Thumbnail: at most 480 px on the long side, WebP, metadata stripped. */
  thumb: { data: Buffer; mime: 'image/webp'; width: number; height: number };
  /** 64-bit difference hash (dHash) as 16 hex chars; compare with `hammingDistance`. */
  phash: string;
  /** From the ORIGINAL file's EXIF, read before stripping. */
  exif: ImageExif;
  /** Detected from the content, never from the file name or the claimed MIME type. */
  sourceMime: SourceMime;
}

/** Decides the type by magic bytes only. */
export function sniffImageType(input: Buffer): SourceMime | null {
  const hex = input.subarray(0, 12).toString('hex');
  if (hex.startsWith('ffd8ff')) return 'image/jpeg';
  if (hex.startsWith('89504e470d0a1a0a')) return 'image/png';
  // "RIFF", a 4-byte length, "WEBP"
  if (hex.startsWith('52494646') && hex.slice(16, 24) === '57454250') return 'image/webp';
  return null;
}

// Markup that a browser or server could execute if the file were ever served as-is. Searched in the
// whole file: in compressed image data a chance match of these is vanishingly unlikely.
const MARKUP = ['<script', '<html', '<svg', '<?php', '<iframe', '<body', 'javascript:'];
// one case-insensitive pass over the file instead of a lowered copy searched seven times
const MARKUP_PATTERN = new RegExp(MARKUP.map((m) => m.replace(/[?]/g, '\\$&')).join('|'), 'i');
// the end-of-central-directory record every ZIP (and JAR, APK, DOCX) ends with, within 64 KB of the end
const ZIP_END = Buffer.from('504b0506', 'hex');

/**
 * A polyglot: an image that is also something else (a ZIP appended, HTML or a script in a comment
 * or after the end, a PDF header). Re-encoding would drop it, but such a file is never an honest
 * camera photo, so it is refused outright. Data after the image that is none of these (phones
 * append their own trailers, some a short video) is tolerated and dropped by re-encoding.
 */
export function hasHiddenPayload(input: Buffer): boolean {
  if (MARKUP_PATTERN.test(input.toString('latin1'))) return true;
  if (input.subarray(Math.max(0, input.length - 65_557)).includes(ZIP_END)) return true;
  return input.subarray(0, 1024).includes('%PDF-');
}

/**
 * The checks every upload passes before any pixel is decoded: size, type by content, no hidden
 * payload, a header that matches the type, the resolution; and the EXIF read from the original,
 * completed by `hint` (what the browser read from the photo before downscaling it) where the file
 * has none. Throws ImageRejectedError, never a raw sharp error.
 */
export async function readUploadHeader(input: Buffer, hint?: ImageExif) {
  if (input.length > MAX_UPLOAD_BYTES) throw new ImageRejectedError('terlalu_besar');
  const sourceMime = sniffImageType(input);
  if (!sourceMime) throw new ImageRejectedError('tipe_tidak_didukung');
  if (hasHiddenPayload(input)) throw new ImageRejectedError('berisi_sisipan');
  // Header only: sharp's own pixel limit would throw here too, so it is lifted for this read and
  // the limit is checked explicitly to give the precise rejection.
  const meta = await guard(sharp(input, { limitInputPixels: false }).metadata());
  if (`image/${meta.format}` !== sourceMime || !meta.width || !meta.height) {
    throw new ImageRejectedError('rusak');
  }
  if (meta.width * meta.height > MAX_INPUT_PIXELS)
    throw new ImageRejectedError('resolusi_terlalu_besar');
  const own: ImageExif = meta.exif ? parseExif(meta.exif) : { takenAt: null, lat: null, lng: null };
  const exif = withCaptureHint(own, hint);
  return { sourceMime, width: meta.width, height: meta.height, orientation: meta.orientation ?? 1, exif };
}

/**
 * Validates an upload and produces the files to store. Throws ImageRejectedError, never a raw
 * sharp error.
 */
export async function processImage(input: Buffer, hint?: ImageExif): Promise<ProcessedImage> {
  const { sourceMime, exif } = await readUploadHeader(input, hint);

  // Decode once into raw pixels (rotated, sRGB, 8-bit); every output is derived from them, so no
  // output can carry over metadata from the original. failOn 'truncated' rejects cut-off files
  // but tolerates the minor libjpeg warnings that many phone cameras trigger.
  const decoded = await guard(
    sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' })
      .autoOrient()
      .resize(MAIN_MAX_SIDE, MAIN_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true }),
  );
  const { width, height, channels } = decoded.info;
  const pixels = () =>
    sharp(decoded.data, { raw: { width, height, channels: channels as 1 | 2 | 3 | 4 } });

  const [main, thumb, phash] = await guard(
    Promise.all([
      pixels().webp({ quality: 82, effort: WEBP_EFFORT }).toBuffer({ resolveWithObject: true }),
      pixels()
        .resize(THUMB_MAX_SIDE, THUMB_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 75, effort: WEBP_EFFORT })
        .toBuffer({ resolveWithObject: true }),
      dHash(pixels()),
    ]),
  );
  return {
    main: { data: main.data, mime: 'image/webp', width: main.info.width, height: main.info.height },
    thumb: {
      data: thumb.data,
      mime: 'image/webp',
      width: thumb.info.width,
      height: thumb.info.height,
    },
    phash,
    exif,
    sourceMime,
  };
}

async function guard<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const isPixelLimit = error instanceof Error && /pixel limit/i.test(error.message);
    throw new ImageRejectedError(isPixelLimit ? 'resolusi_terlalu_besar' : 'rusak', {
      cause: error,
    });
  }
}

/**
 * Difference hash: greyscale, shrink to 9x8, one bit per pair of horizontally adjacent pixels
 * (1 when the left one is brighter). Robust to re-encoding and rescaling, not to crops or rotation.
 */
export async function dHash(image: Sharp): Promise<string> {
  const { data, info } = await image
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(9, 8, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => data[(y * 9 + x) * info.channels];
  let bits = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) bits = (bits << 1n) | (at(x, y) > at(x + 1, y) ? 1n : 0n);
  }
  return bits.toString(16).padStart(16, '0');
}

/** Number of differing bits between two 16-hex-char dHashes (0 = same picture, 64 = opposite). */
export function hammingDistance(a: string, b: string): number {
  const hex = /^[0-9a-f]{16}$/i;
  if (!hex.test(a) || !hex.test(b)) throw new RangeError('dHash must be 16 hexadecimal characters');
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}

// EXIF times carry no zone. Photos reported here are taken in Jakarta, so a time without
// OffsetTimeOriginal is read as WIB (UTC+7).
const WIB_OFFSET_MINUTES = 7 * 60;
// Cameras with an unset clock write zeros ("0000:00:00 ...") or epoch-like dates.
const EARLIEST_PLAUSIBLE_YEAR = 1990;

/**
 * Reads capture time and GPS position from an EXIF block (as in sharp's `metadata().exif`).
 * Anything missing, garbled or implausible becomes null; this never throws.
 */
export function parseExif(buf: Buffer): ImageExif {
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(buf);
  } catch {
    return { takenAt: null, lat: null, lng: null };
  }
  const position = readPosition(tags.GPSInfo);
  return {
    takenAt: readTakenAt(tags.Photo),
    lat: position?.lat ?? null,
    lng: position?.lng ?? null,
  };
}

function readTakenAt(photo: Partial<exifReader.PhotoTags> | undefined | null): Date | null {
  // exif-reader returns the wall-clock time as if it were UTC.
  const wallClock: unknown = photo?.DateTimeOriginal;
  if (!(wallClock instanceof Date) || Number.isNaN(wallClock.getTime())) return null;
  if (wallClock.getUTCFullYear() < EARLIEST_PLAUSIBLE_YEAR) return null;
  const offset = parseOffset(photo?.OffsetTimeOriginal) ?? WIB_OFFSET_MINUTES;
  return new Date(wallClock.getTime() - offset * 60_000);
}

/** "+07:00" → 420 minutes; anything else → null. */
function parseOffset(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return minutes > 14 * 60 ? null : match[1] === '-' ? -minutes : minutes;
}

function readPosition(
  gps: Partial<exifReader.GPSInfoTags> | undefined | null,
): { lat: number; lng: number } | null {
  if (!gps) return null;
  const lat = signedDegrees(gps.GPSLatitude, gps.GPSLatitudeRef, 'N', 'S');
  const lng = signedDegrees(gps.GPSLongitude, gps.GPSLongitudeRef, 'E', 'W');
  if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  // Some cameras write 0,0 when they have no fix; a report from the Gulf of Guinea is not one of ours.
  if (lat === 0 && lng === 0) return null;
  return { lat, lng };
}

/** [degrees, minutes, seconds] plus a hemisphere letter → signed decimal degrees. */
function signedDegrees(
  dms: unknown,
  ref: unknown,
  positive: string,
  negative: string,
): number | null {
  if (!Array.isArray(dms) || dms.length !== 3) return null;
  if (!dms.every((part) => typeof part === 'number' && Number.isFinite(part) && part >= 0))
    return null;
  const hemisphere = typeof ref === 'string' ? ref.trim().toUpperCase() : '';
  if (hemisphere !== positive && hemisphere !== negative) return null;
  const [d, m, s] = dms as number[];
  const degrees = d + m / 60 + s / 3600;
  return hemisphere === negative ? -degrees : degrees;
}
