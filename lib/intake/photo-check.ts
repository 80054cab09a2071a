import { MAX_PHOTO_BYTES, MAX_PHOTOS, MAX_PHOTOS_TOTAL_BYTES, PHOTO_TYPES } from './form-limits';

export interface PhotoFile {
  name: string;
  size: number;
  type: string;
}

export interface PhotoLimits {
  maxCount: number;
  maxBytes: number;
  maxTotalBytes: number;
}

export const PHOTO_LIMITS: PhotoLimits = { maxCount: MAX_PHOTOS, maxBytes: MAX_PHOTO_BYTES, maxTotalBytes: MAX_PHOTOS_TOTAL_BYTES };

/** The types the server accepts; an empty type (some Android galleries) is left to the server. */
const TYPES = new Set<string>(PHOTO_TYPES);

export type PhotoProblem =
  | { code: 'terlalu_besar'; name: string; size: number; limit: number }
  | { code: 'tipe'; name: string }
  | { code: 'terlalu_banyak'; count: number; limit: number }
  | { code: 'total_terlalu_besar'; total: number; limit: number };

/**
 * What is wrong with the chosen photos before anything is sent: each photo over the size limit or
 * of another type by name, then too many photos, then all of them together over the total. A
 * form that passes fits under the server action's body limit.
 */
export function checkPhotos(files: PhotoFile[], limits: PhotoLimits = PHOTO_LIMITS): PhotoProblem[] {
  const problems: PhotoProblem[] = [];
  for (const file of files) {
    if (file.type && !TYPES.has(file.type)) problems.push({ code: 'tipe', name: file.name });
    else if (file.size > limits.maxBytes) problems.push({ code: 'terlalu_besar', name: file.name, size: file.size, limit: limits.maxBytes });
  }
  if (files.length > limits.maxCount) problems.push({ code: 'terlalu_banyak', count: files.length, limit: limits.maxCount });
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > limits.maxTotalBytes) problems.push({ code: 'total_terlalu_besar', total, limit: limits.maxTotalBytes });
  return problems;
}

/** "11,5 MB" / "11.5 MB", "850 KB": sizes as a person reads them. */
export function formatBytes(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: mb >= 10 ? 1 : 2 }).format(Math.floor(mb * 100) / 100)} MB`;
  return `${new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
