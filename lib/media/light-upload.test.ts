import { describe, expect, it } from 'vitest';
import { captureFromExif, isReencodedBetter, NO_CAPTURE, planUpload, SEND_AS_IS_BYTES, type PhotoCapture, type UploadPlan } from './light-upload';

const MB = 1024 * 1024;

describe('planUpload', () => {
  it.each<[string, { width: number; height: number; bytes: number; type: string }, UploadPlan]>([
    ['a 12-megapixel phone photo is scaled to 2048 on its long side', { width: 4000, height: 3000, bytes: 4.8 * MB, type: 'image/jpeg' }, { kind: 'reencode', width: 2048, height: 1536 }],
    ['a portrait (as shown, after rotation) keeps its shape', { width: 3000, height: 4000, bytes: 4.8 * MB, type: 'image/jpeg' }, { kind: 'reencode', width: 1536, height: 2048 }],
    ['a small, light JPEG goes as it is', { width: 1600, height: 1200, bytes: 400 * 1024, type: 'image/jpeg' }, { kind: 'as_is' }],
    ['exactly 2048 px and 1.5 MB goes as it is', { width: 2048, height: 1000, bytes: SEND_AS_IS_BYTES, type: 'image/png' }, { kind: 'as_is' }],
    ['small but heavy is re-encoded at its own size, never enlarged', { width: 1800, height: 1200, bytes: 3 * MB, type: 'image/png' }, { kind: 'reencode', width: 1800, height: 1200 }],
    ['one pixel too wide is scaled', { width: 2049, height: 10, bytes: 20_000, type: 'image/jpeg' }, { kind: 'reencode', width: 2048, height: 10 }],
    ['a decodable type the server refuses (HEIC in Safari) is always re-encoded', { width: 800, height: 600, bytes: 100_000, type: 'image/heic' }, { kind: 'reencode', width: 800, height: 600 }],
    ['a panorama keeps at least one pixel of height', { width: 40_000, height: 10, bytes: 2 * MB, type: 'image/jpeg' }, { kind: 'reencode', width: 2048, height: 1 }],
  ])('%s', (_label, photo, plan) => {
    expect(planUpload(photo)).toEqual(plan);
  });
});

describe('isReencodedBetter', () => {
  const small = { width: 1800, height: 1200, bytes: 3 * MB, type: 'image/png' };
  it.each<[string, typeof small, number, boolean]>([
    ['smaller than the original', small, 600_000, true],
    ['no smaller than an original the server takes as it is', small, 3.2 * MB, false],
    ['larger, but the original is too large in pixels', { ...small, width: 5000 }, 3.2 * MB, true],
    ['larger, but the server refuses the original type', { ...small, type: 'image/heic' }, 3.2 * MB, true],
  ])('%s', (_label, original, bytes, expected) => {
    expect(isReencodedBetter(original, bytes)).toBe(expected);
  });
});

describe('captureFromExif', () => {
  it.each<[string, Parameters<typeof captureFromExif>[0], PhotoCapture]>([
    ['a time without zone is WIB', { DateTimeOriginal: '2026:03:09 08:15:00' }, { takenAt: '2026-03-09T08:15:00+07:00', lat: null, lng: null }],
    ['the camera\'s own offset wins', { DateTimeOriginal: '2026:03:09 08:15:00', OffsetTimeOriginal: '+08:00' }, { takenAt: '2026-03-09T08:15:00+08:00', lat: null, lng: null }],
    ['a garbled offset falls back to WIB', { DateTimeOriginal: '2026:03:09 08:15:00', OffsetTimeOriginal: 'WIB' }, { takenAt: '2026-03-09T08:15:00+07:00', lat: null, lng: null }],
    ['a zeroed camera clock', { DateTimeOriginal: '0000:00:00 00:00:00' }, NO_CAPTURE],
    ['a revived Date instead of the raw text', { DateTimeOriginal: new Date() }, NO_CAPTURE],
    ['an impossible date', { DateTimeOriginal: '2026:13:45 08:15:00' }, NO_CAPTURE],
    ['a position in decimal degrees', { latitude: -6.175, longitude: 106.8272 }, { takenAt: null, lat: -6.175, lng: 106.8272 }],
    ['0,0 from a camera without a fix', { latitude: 0, longitude: 0 }, NO_CAPTURE],
    ['half a position', { latitude: -6.175 }, NO_CAPTURE],
    ['a latitude out of range', { latitude: -96.1, longitude: 106.8 }, NO_CAPTURE],
    ['NaN', { latitude: Number.NaN, longitude: 106.8 }, NO_CAPTURE],
    ['no EXIF at all', undefined, NO_CAPTURE],
  ])('%s', (_label, tags, expected) => {
    expect(captureFromExif(tags)).toEqual(expected);
  });
});
