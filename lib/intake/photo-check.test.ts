import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT_MB, MAX_PHOTO_BYTES, MAX_PHOTOS } from './form-limits';
import { checkPhotos, formatBytes, PHOTO_LIMITS } from './photo-check';

const MB = 1024 * 1024;
const jpeg = (name: string, mb: number) => ({ name, size: Math.round(mb * MB), type: 'image/jpeg' });

describe('photos checked in the browser before sending', () => {
  it.each([
    ['three photos at the limit pass', [jpeg('a.jpg', 10), jpeg('b.jpg', 10), jpeg('c.jpg', 10)], []],
    ['one photo over the limit is named with its size', [jpeg('a.jpg', 2), jpeg('besar.jpg', 10.5)], [{ code: 'terlalu_besar', name: 'besar.jpg', size: Math.round(10.5 * MB), limit: 10 * MB }]],
    ['a HEIC photo is named by type', [{ name: 'IMG_1.HEIC', size: MB, type: 'image/heic' }], [{ code: 'tipe', name: 'IMG_1.HEIC' }]],
    ['an unknown type is left to the server', [{ name: 'foto', size: MB, type: '' }], []],
    ['four photos are too many', [1, 2, 3, 4].map((i) => jpeg(`${i}.jpg`, 1)), [{ code: 'terlalu_banyak', count: 4, limit: 3 }]],
  ])('%s', (_label, files, expected) => {
    expect(checkPhotos(files)).toEqual(expected);
  });

  it('refuses photos that together pass the total even when each fits', () => {
    const limits = { maxCount: 3, maxBytes: 10 * MB, maxTotalBytes: 15 * MB };
    expect(checkPhotos([jpeg('a.jpg', 8), jpeg('b.jpg', 8)], limits)).toEqual([{ code: 'total_terlalu_besar', total: 16 * MB, limit: 15 * MB }]);
    expect(checkPhotos([jpeg('a.jpg', 7), jpeg('b.jpg', 8)], limits)).toEqual([]);
  });

  it('a form the browser lets through fits under the server action body limit', () => {
    expect(PHOTO_LIMITS.maxTotalBytes).toBeLessThanOrEqual(MAX_PHOTOS * MAX_PHOTO_BYTES);
    expect(PHOTO_LIMITS.maxTotalBytes + 64 * 1024).toBeLessThan(ACTION_BODY_LIMIT_MB * MB);
  });

  it('formats sizes as people read them', () => {
    expect(formatBytes(10.5 * MB, 'id')).toBe('10,5 MB');
    expect(formatBytes(10.5 * MB, 'en')).toBe('10.5 MB');
    expect(formatBytes(1.25 * MB, 'id')).toBe('1,25 MB');
    expect(formatBytes(300 * 1024, 'id')).toBe('300 KB');
  });
});
