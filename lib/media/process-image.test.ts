import sharp, { type Exif, type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  hammingDistance,
  IMAGE_REJECTION_MESSAGE,
  ImageRejectedError,
  MAX_UPLOAD_BYTES,
  parseExif,
  processImage,
  type ImageRejection,
} from './process-image';
import { declaredPng, pngChunk, zipOf } from '@/lib/testing/hostile';

// All inputs are generated here with sharp: no binary fixtures.

/** Deterministic pseudo-random bytes (LCG), so failures reproduce. */
function randomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

/** A photo-like image: coarse random blobs, smoothly upscaled. */
function blobs(width: number, height: number, seed: number): Sharp {
  const raw = randomBytes(16 * 12 * 3, seed);
  return sharp(raw, { raw: { width: 16, height: 12, channels: 3 } }).resize(width, height, {
    fit: 'fill',
    kernel: 'cubic',
  });
}

/** Horizontal greyscale-ish gradient, dark to light (or reversed). */
function gradient(width: number, height: number, reversed = false): Sharp {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.round(((reversed ? width - 1 - x : x) / (width - 1)) * 255);
      raw.fill(v, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

function solid(width: number, height: number): Sharp {
  return sharp({ create: { width, height, channels: 3, background: '#345' } });
}

/** EXIF GPS directory; positions are "deg/1 min/1 sec/100" rationals as libvips writes them. */
function gps(latRef: string, lat: string, lngRef: string, lng: string) {
  return { GPSLatitudeRef: latRef, GPSLatitude: lat, GPSLongitudeRef: lngRef, GPSLongitude: lng };
}

const jakartaExif = {
  IFD0: { Make: 'Aduan Test Camera' },
  IFD2: { DateTimeOriginal: '2024:03:05 14:30:00' },
  // Monas: 6°10'30" S, 106°49'30" E
  IFD3: gps('S', '6/1 10/1 30/1', 'E', '106/1 49/1 3000/100'),
};
const noExif = { takenAt: null, lat: null, lng: null };

function halve(data: Buffer): Buffer {
  return data.subarray(0, Math.floor(data.length / 2));
}

async function exifBlock(exif: Exif): Promise<Buffer> {
  const jpeg = await solid(8, 8).jpeg().withExif(exif).toBuffer();
  const { exif: block } = await sharp(jpeg).metadata();
  if (!block) throw new Error('sharp wrote no EXIF');
  return block;
}

async function expectClean(data: Buffer) {
  const meta = await sharp(data).metadata();
  expect(meta.format).toBe('webp');
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  return meta;
}

describe('processImage: accepted photos', () => {
  it('shrinks a 3000x2000 JPEG to 2048 px, makes a 480 px thumbnail and strips EXIF/GPS', async () => {
    const input = await blobs(3000, 2000, 1).jpeg({ quality: 85 }).withExif(jakartaExif).toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();

    const result = await processImage(input);

    expect(result.sourceMime).toBe('image/jpeg');
    expect(result.main).toMatchObject({ mime: 'image/webp', width: 2048, height: 1365 });
    expect(result.thumb).toMatchObject({ mime: 'image/webp', width: 480, height: 320 });
    expect(await expectClean(result.main.data)).toMatchObject({ width: 2048, height: 1365 });
    expect(await expectClean(result.thumb.data)).toMatchObject({ width: 480, height: 320 });
    expect(result.main.data.includes('Aduan Test Camera')).toBe(false);
    expect(result.phash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('accepts a PNG, recognised by its content, and keeps its transparency', async () => {
    const translucent = { r: 200, g: 0, b: 0, alpha: 0.5 };
    const input = await sharp({
      create: { width: 300, height: 200, channels: 4, background: translucent },
    })
      .png()
      .toBuffer();
    const result = await processImage(input);
    expect(result.sourceMime).toBe('image/png');
    expect(result.main).toMatchObject({ width: 300, height: 200 });
    expect((await expectClean(result.main.data)).hasAlpha).toBe(true);
  });

  it('accepts WebP and does not enlarge small images', async () => {
    const result = await processImage(await blobs(400, 300, 2).webp().toBuffer());
    expect(result.sourceMime).toBe('image/webp');
    expect(result.main).toMatchObject({ width: 400, height: 300 });
    expect(result.thumb).toMatchObject({ width: 400, height: 300 });
  });

  it('turns a photo upright according to its EXIF orientation', async () => {
    const sideways = await blobs(300, 200, 3).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const result = await processImage(sideways);
    expect(result.main).toMatchObject({ width: 200, height: 300 });
    expect((await expectClean(result.main.data)).orientation).toBeUndefined();
  });
});

describe('processImage: EXIF of the original', () => {
  it('reads capture time as WIB and the GPS position', async () => {
    const input = await blobs(200, 150, 4).jpeg().withExif(jakartaExif).toBuffer();
    const { exif } = await processImage(input);
    expect(exif.takenAt?.toISOString()).toBe('2024-03-05T07:30:00.000Z');
    expect(exif.lat).toBeCloseTo(-6.175, 6);
    expect(exif.lng).toBeCloseTo(106.825, 6);
  });

  it('gives nulls for a photo without EXIF', async () => {
    const { exif } = await processImage(await blobs(200, 150, 5).png().toBuffer());
    expect(exif).toEqual(noExif);
  });
});

describe('parseExif', () => {
  type Expected = { takenAt: string | null; lat?: number; lng?: number };
  it.each<[string, Exif, Expected]>([
    [
      'local time without zone is WIB',
      { IFD2: { DateTimeOriginal: '2023:12:31 23:15:00' } },
      { takenAt: '2023-12-31T16:15:00.000Z' },
    ],
    [
      'an explicit OffsetTimeOriginal wins over WIB',
      { IFD2: { DateTimeOriginal: '2024:03:05 14:30:00', OffsetTimeOriginal: '+08:00' } },
      { takenAt: '2024-03-05T06:30:00.000Z' },
    ],
    [
      'a zeroed camera clock',
      { IFD2: { DateTimeOriginal: '0000:00:00 00:00:00' } },
      { takenAt: null },
    ],
    [
      'north/west hemispheres',
      { IFD3: gps('N', '40/1 42/1 36/1', 'W', '74/1 0/1 36/1') },
      { takenAt: null, lat: 40.71, lng: -74.01 },
    ],
    [
      'a position without its hemisphere',
      { IFD3: { GPSLatitude: '6/1 10/1 30/1', GPSLongitude: '106/1 49/1 30/1' } },
      { takenAt: null },
    ],
    [
      '0,0 from a camera without a fix',
      { IFD3: gps('N', '0/1 0/1 0/1', 'E', '0/1 0/1 0/1') },
      { takenAt: null },
    ],
  ])('%s', async (_label, exif, expected) => {
    const parsed = parseExif(await exifBlock(exif));
    expect(parsed.takenAt?.toISOString() ?? null).toBe(expected.takenAt);
    for (const key of ['lat', 'lng'] as const) {
      if (expected[key] === undefined) expect(parsed[key]).toBeNull();
      else expect(parsed[key]).toBeCloseTo(expected[key], 6);
    }
  });

  it.each<[string, () => Buffer | Promise<Buffer>]>([
    ['empty', () => Buffer.alloc(0)],
    ['random bytes', () => randomBytes(200, 7)],
    [
      '"Exif" then garbage',
      () => Buffer.concat([Buffer.from('Exif\0\0II*\0'), randomBytes(64, 8)]),
    ],
    ['a real block cut short', async () => (await exifBlock(jakartaExif)).subarray(0, 40)],
  ])('returns nulls for %s, never throws', async (_label, make) => {
    expect(parseExif(await make())).toEqual(noExif);
  });
});

describe('processImage: refusals', () => {
  const text = (content: string) => () => Buffer.from(content, 'latin1');
  const jpegMagicThen = (rest: Buffer) => () => Buffer.concat([Buffer.from('ffd8ff', 'hex'), rest]);
  const cases: Array<[string, () => Buffer | Promise<Buffer>, ImageRejection]> = [
    ['HTML', text('<!doctype html><body><script>alert(1)</script>'), 'tipe_tidak_didukung'],
    [
      'SVG with a script (whatever its name)',
      text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'tipe_tidak_didukung',
    ],
    ['GIF', () => solid(20, 20).gif().toBuffer(), 'tipe_tidak_didukung'],
    ['PDF', text('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'), 'tipe_tidak_didukung'],
    [
      'HTML with a JPEG appended (polyglot)',
      async () => Buffer.concat([Buffer.from('<html>'), await blobs(50, 50, 9).jpeg().toBuffer()]),
      'tipe_tidak_didukung',
    ],
    [
      'a RIFF file that is not WebP',
      text('RIFF\x24\0\0\0WAVEfmt \x10\0\0\0'),
      'tipe_tidak_didukung',
    ],
    ['an empty file', text(''), 'tipe_tidak_didukung'],
    ['a JPEG cut to half', async () => halve(await blobs(600, 400, 10).jpeg().toBuffer()), 'rusak'],
    ['a PNG cut to half', async () => halve(await blobs(600, 400, 11).png().toBuffer()), 'rusak'],
    ['JPEG magic bytes then garbage', jpegMagicThen(randomBytes(5000, 12)), 'rusak'],
    ['11 MB of data', jpegMagicThen(randomBytes(11 * 1024 * 1024, 13)), 'terlalu_besar'],
    ['a 50-megapixel PNG', () => solid(10_000, 5_000).png().toBuffer(), 'resolusi_terlalu_besar'],
  ];

  it.each(cases)('refuses %s', async (_label, make, code) => {
    const input = await make();
    const error = await processImage(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImageRejectedError);
    expect((error as ImageRejectedError).code).toBe(code);
    expect(IMAGE_REJECTION_MESSAGE[code].id).not.toBe('');
  });

  const photo = () => blobs(400, 300, 21).jpeg().toBuffer();
  const hostile: Array<[string, () => Promise<Buffer> | Buffer, ImageRejection]> = [
    ['a 100-byte PNG declaring 50000 x 50000 pixels (decompression bomb)', () => declaredPng(50_000, 50_000), 'resolusi_terlalu_besar'],
    ['a JPEG with a ZIP archive appended (polyglot)', async () => Buffer.concat([await photo(), zipOf('shell.php', '<?= 1 ?>')]), 'berisi_sisipan'],
    ['a JPEG with HTML and a script after its end', async () => Buffer.concat([await photo(), Buffer.from('<html><script>alert(document.cookie)</script>')]), 'berisi_sisipan'],
    ['a JPEG with a script in its comment segment', async () => {
      const jpeg = await photo();
      const comment = Buffer.from('<script>alert(1)</script>');
      const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
      return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
    }, 'berisi_sisipan'],
    ['a PNG that is also a PDF', async () => {
      const png = await blobs(50, 50, 22).png().toBuffer();
      return Buffer.concat([png.subarray(0, 33), pngChunk('tEXt', Buffer.from('c\0%PDF-1.4 1 0 obj')), png.subarray(33)]);
    }, 'berisi_sisipan'],
    ['a JPEG cut off after its first kilobyte (truncated upload)', async () => (await photo()).subarray(0, 1024), 'rusak'],
    ['an SVG with a script, uploaded as foto.jpg with type image/jpeg', text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'), 'tipe_tidak_didukung'],
    ['a GIF named .jpg', () => solid(20, 20).gif().toBuffer(), 'tipe_tidak_didukung'],
    ['a JPEG header on PNG data', async () => Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), (await blobs(50, 50, 23).png().toBuffer()).subarray(4)]), 'rusak'],
  ];

  it.each(hostile)('refuses %s', async (_label, make, code) => {
    const error = await processImage(await make()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code });
    expect(IMAGE_REJECTION_MESSAGE[code].id.length).toBeGreaterThan(10);
    expect(IMAGE_REJECTION_MESSAGE[code].en.length).toBeGreaterThan(10);
  });

  it('accepts a PNG named .jpg: the type is read from the content, and what is stored is re-encoded WebP', async () => {
    const result = await processImage(await blobs(120, 90, 24).png().toBuffer());
    expect(result.sourceMime).toBe('image/png');
    expect((await sharp(result.main.data).metadata()).format).toBe('webp');
  });

  it('accepts an honest phone photo with a binary trailer after its end (as some cameras write)', async () => {
    const trailer = randomBytes(4096, 25);
    const result = await processImage(Buffer.concat([await photo(), trailer]));
    expect(result.main.data.includes(trailer.subarray(0, 64))).toBe(false);
  });

  it('does not refuse a file of exactly MAX_UPLOAD_BYTES for its size', async () => {
    // It gets past the size check to decoding, where it is found corrupt.
    await expect(
      processImage(jpegMagicThen(Buffer.alloc(MAX_UPLOAD_BYTES - 3))()),
    ).rejects.toMatchObject({ code: 'rusak' });
  });
});

describe('dHash', () => {
  it('stays close when the same picture is re-encoded at another size and quality', async () => {
    const source = await blobs(1600, 1200, 21).jpeg({ quality: 92 }).toBuffer();
    const smaller = await sharp(source).resize(500).jpeg({ quality: 40 }).toBuffer();
    const asWebp = await sharp(source).resize(800).webp({ quality: 50 }).toBuffer();
    const [original, ...copies] = await Promise.all(
      [source, smaller, asWebp].map((input) => processImage(input)),
    );
    for (const copy of copies)
      expect(hammingDistance(original.phash, copy.phash)).toBeLessThanOrEqual(6);
  });

  it('sets a bit where the left neighbour is brighter', async () => {
    const [darkToLight, lightToDark] = await Promise.all([
      processImage(await gradient(640, 480).png().toBuffer()),
      processImage(await gradient(640, 480, true).png().toBuffer()),
    ]);
    expect(darkToLight.phash).toBe('0000000000000000');
    expect(lightToDark.phash).toBe('ffffffffffffffff');
  });

  it.each([
    [
      'mirrored gradients',
      () => gradient(640, 480).png().toBuffer(),
      () => gradient(640, 480, true).png().toBuffer(),
    ],
    [
      'different pictures',
      () => blobs(800, 600, 31).jpeg().toBuffer(),
      () => blobs(800, 600, 32).jpeg().toBuffer(),
    ],
  ])('is far apart for %s', async (_label, makeA, makeB) => {
    const [a, b] = await Promise.all([processImage(await makeA()), processImage(await makeB())]);
    expect(hammingDistance(a.phash, b.phash)).toBeGreaterThan(20);
  });
});

describe('hammingDistance', () => {
  it.each([
    ['identical hashes', '0123456789abcdef', '0123456789abcdef', 0],
    ['all bits differ', '0000000000000000', 'ffffffffffffffff', 64],
    ['one bit differs', '8000000000000000', '0000000000000000', 1],
    ['case does not matter', 'ABCDEF0123456789', 'abcdef0123456789', 0],
  ])('%s', (_label, a, b, expected) => {
    expect(hammingDistance(a, b)).toBe(expected);
  });

  it.each(['', 'xyz', '0123456789abcdef0'])('refuses the malformed hash %j', (bad) => {
    expect(() => hammingDistance(bad, '0000000000000000')).toThrow(RangeError);
  });
});
