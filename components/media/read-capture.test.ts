import sharp, { type Exif } from 'sharp';
import { describe, expect, it } from 'vitest';
import { NO_CAPTURE, type PhotoCapture } from '@/lib/media/light-upload';
import { readCapture } from './read-capture';

const photo = async (exif?: Exif) => {
  const image = sharp({ create: { width: 400, height: 300, channels: 3, background: '#445566' } });
  return new Uint8Array(await (exif ? image.withExif(exif) : image).jpeg().toBuffer());
};

describe('readCapture: what the browser sends next to a photo, from its original EXIF', () => {
  it.each<[string, Exif | undefined, PhotoCapture]>([
    [
      'time and position of a phone photo',
      { IFD0: { Make: 'Uji' }, IFD2: { DateTimeOriginal: '2026:03:09 08:15:00' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 10/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 49/1 40/1' } },
      { takenAt: '2026-03-09T08:15:00+07:00', lat: -6.175, lng: 106.827778 },
    ],
    ['the camera\'s own offset', { IFD2: { DateTimeOriginal: '2026:03:09 08:15:00', OffsetTimeOriginal: '+08:00' } }, { takenAt: '2026-03-09T08:15:00+08:00', lat: null, lng: null }],
    ['a position in the western and northern hemispheres', { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 42/1 36/1', GPSLongitudeRef: 'W', GPSLongitude: '74/1 0/1 36/1' } }, { takenAt: null, lat: 40.71, lng: -74.01 }],
    ['no EXIF at all', undefined, NO_CAPTURE],
  ])('%s', async (_label, exif, expected) => {
    const capture = await readCapture(await photo(exif));
    expect(capture.takenAt).toBe(expected.takenAt);
    for (const key of ['lat', 'lng'] as const) {
      if (expected[key] === null) expect(capture[key]).toBeNull();
      else expect(capture[key]).toBeCloseTo(expected[key]!, 5);
    }
  });

  it('gives nothing, never an error, for a file that is not a photo', async () => {
    expect(await readCapture(new TextEncoder().encode('<html>bukan foto</html>'))).toEqual(NO_CAPTURE);
  });
});
