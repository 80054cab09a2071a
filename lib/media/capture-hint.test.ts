import { describe, expect, it } from 'vitest';
import { captureHintSchema, photoUploadsFromForm, withCaptureHint } from './capture-hint';
import type { ImageExif } from './process-image';

const now = new Date('2026-05-05T03:00:00Z');
const none: ImageExif = { takenAt: null, lat: null, lng: null };

describe('captureHintSchema: what a browser sends is checked, and dropped when wrong', () => {
  type Raw = { takenAt?: unknown; lat?: unknown; lng?: unknown };
  it.each<[string, Raw, { takenAt: string | null; lat: number | null; lng: number | null }]>([
    ['a time with offset and a position', { takenAt: '2026-05-05T09:30:00+07:00', lat: '-6.1754', lng: '106.8272' }, { takenAt: '2026-05-05T02:30:00.000Z', lat: -6.1754, lng: 106.8272 }],
    ['a time a few minutes ahead (a phone clock running fast)', { takenAt: '2026-05-05T10:04:00+07:00' }, { takenAt: '2026-05-05T03:04:00.000Z', lat: null, lng: null }],
    ['a time in the future', { takenAt: '2026-05-05T11:00:00+07:00', lat: '-6.1754', lng: '106.8272' }, { takenAt: null, lat: -6.1754, lng: 106.8272 }],
    ['a time without an offset', { takenAt: '2026-05-05T09:30:00' }, { takenAt: null, lat: null, lng: null }],
    ['a time before digital cameras', { takenAt: '1970-01-01T00:00:00Z' }, { takenAt: null, lat: null, lng: null }],
    ['a time that is not a time', { takenAt: 'kemarin sore' }, { takenAt: null, lat: null, lng: null }],
    ['empty fields (no EXIF in the photo)', { takenAt: '', lat: '', lng: '' }, { takenAt: null, lat: null, lng: null }],
    ['a position far from Jakarta is still a position', { lat: '-6.9175', lng: '107.6191' }, { takenAt: null, lat: -6.9175, lng: 107.6191 }],
    ['a latitude out of range drops the position', { lat: '-91', lng: '106.8' }, { takenAt: null, lat: null, lng: null }],
    ['a longitude out of range drops the position', { lat: '-6.2', lng: '181' }, { takenAt: null, lat: null, lng: null }],
    ['text as a coordinate', { lat: 'selatan', lng: '106.8' }, { takenAt: null, lat: null, lng: null }],
    ['Infinity', { lat: 'Infinity', lng: '106.8' }, { takenAt: null, lat: null, lng: null }],
    ['0,0', { lat: '0', lng: '0' }, { takenAt: null, lat: null, lng: null }],
    ['a file where text belongs', { takenAt: new File(['x'], 'x.txt'), lat: '-6.2', lng: '106.8' }, { takenAt: null, lat: -6.2, lng: 106.8 }],
  ])('%s', (_label, raw, expected) => {
    const hint = captureHintSchema(now).parse(raw);
    expect({ ...hint, takenAt: hint.takenAt?.toISOString() ?? null }).toEqual(expected);
  });
});

describe('photoUploadsFromForm', () => {
  const jpeg = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff, 1])], name, { type: 'image/jpeg' });

  it('pairs each photo with the values sent at its place, skipping empty file fields', () => {
    const form = new FormData();
    form.append('foto', new File([], ''));
    form.append('foto_waktu', '2026-05-05T09:30:00+07:00');
    form.append('foto_lat', '-6.2');
    form.append('foto_lng', '106.8');
    form.append('foto', jpeg('a.jpg'));
    form.append('foto_waktu', '');
    form.append('foto_lat', '-6.1754');
    form.append('foto_lng', '106.8272');
    form.append('foto', jpeg('b.jpg'));
    form.append('foto_waktu', '2026-05-04T08:00:00+07:00');
    form.append('foto_lat', '');
    form.append('foto_lng', '');
    const uploads = photoUploadsFromForm(form, now);
    expect(uploads.map((u) => u.file.name)).toEqual(['a.jpg', 'b.jpg']);
    expect(uploads[0].hint).toEqual({ takenAt: null, lat: -6.1754, lng: 106.8272 });
    expect(uploads[1].hint).toEqual({ takenAt: new Date('2026-05-04T01:00:00Z'), lat: null, lng: null });
  });

  it('a form posted without JavaScript sends photos and no values: every hint is empty', () => {
    const form = new FormData();
    form.append('foto', jpeg('a.jpg'));
    form.append('foto', jpeg('b.jpg'));
    expect(photoUploadsFromForm(form, now).map((u) => u.hint)).toEqual([none, none]);
  });
});

describe('withCaptureHint: the upload\'s own EXIF first, the browser\'s values where it has none', () => {
  const own: ImageExif = { takenAt: new Date('2026-05-05T01:00:00Z'), lat: -6.1, lng: 106.8 };
  const hint: ImageExif = { takenAt: new Date('2026-05-04T01:00:00Z'), lat: -6.9, lng: 107.6 };
  it.each<[string, ImageExif, ImageExif | undefined, ImageExif]>([
    ['no hint', own, undefined, own],
    ['the file has everything', own, hint, own],
    ['the file has nothing (downscaled in the browser)', none, hint, hint],
    ['the file has a time only', { ...none, takenAt: own.takenAt }, hint, { takenAt: own.takenAt, lat: hint.lat, lng: hint.lng }],
    ['the file has a position only', { ...own, takenAt: null }, hint, { takenAt: hint.takenAt, lat: own.lat, lng: own.lng }],
    ['neither has anything', none, none, none],
  ])('%s', (_label, mine, theirs, expected) => {
    expect(withCaptureHint(mine, theirs)).toEqual(expected);
  });
});
