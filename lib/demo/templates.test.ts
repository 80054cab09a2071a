import { describe, expect, it } from 'vitest';
import { describeComplaint, pickStreet, ratingComment, responseText, type Rand } from './templates';

/** Local mulberry32 so the test does not depend on the generator's helpers. */
function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORY_CODES = [
  'jalan',
  'trotoar',
  'jaringan-listrik',
  'telekomunikasi',
  'saluran-air',
  'banjir',
  'parkir-liar',
  'lalu-lintas',
  'pkl-liar',
  'pkl-binaan',
  'reklame',
  'kdm',
  'kebisingan',
  'trantib',
  'perizinan',
  'pohon',
  'taman',
  'sampah',
  'satwa-liar',
  'ppsu',
  'pmks',
  'keluhan-pelayanan',
  'fasilitas-gedung',
  'pungli',
];

const STEPS = [
  'diterima',
  'koordinasi',
  'disposisi',
  'tindak_lanjut',
  'validasi_ditolak',
  'ditolak',
  'dibuka_kembali',
] as const;

const KELURAHAN = ['Kramat', 'Cipinang Besar Selatan', 'Pademangan Barat', 'Srengseng Sawah'];

function draw(code: string, rand: Rand): { text: string; street: string; kelurahan: string } {
  const street = pickStreet(rand);
  const kelurahan = KELURAHAN[Math.floor(rand() * KELURAHAN.length)];
  return { text: describeComplaint(code, rand, { street, kelurahan }), street, kelurahan };
}

function expectClean(text: string) {
  expect(text.trim().length).toBeGreaterThan(0);
  expect(text).not.toMatch(/\d{8,}/);
  expect(text).not.toContain('@');
  expect(text).not.toMatch(/[{}]/); // no unfilled slots
}

describe('describeComplaint', () => {
  it.each(CATEGORY_CODES)('writes clean text of a sensible length for %s', (code) => {
    const rand = mulberry32(42);
    for (let i = 0; i < 100; i++) {
      const { text } = draw(code, rand);
      expectClean(text);
      expect(text.length).toBeGreaterThanOrEqual(40);
      expect(text.length).toBeLessThanOrEqual(400);
    }
  });

  it('gives the same text for the same seed', () => {
    for (const code of CATEGORY_CODES) {
      const a = draw(code, mulberry32(7)).text;
      const b = draw(code, mulberry32(7)).text;
      expect(a).toBe(b);
    }
  });

  it('varies: 200 draws for jalan give at least 50 distinct descriptions', () => {
    const rand = mulberry32(2024);
    const texts = new Set<string>();
    for (let i = 0; i < 200; i++) texts.add(draw('jalan', rand).text);
    expect(texts.size).toBeGreaterThanOrEqual(50);
  });

  it('at least 6 distinct problems show up for every category', () => {
    for (const code of CATEGORY_CODES) {
      const rand = mulberry32(99);
      const texts = new Set<string>();
      // A fixed place makes texts differ only by template choice.
      for (let i = 0; i < 300; i++) {
        texts.add(
          describeComplaint(code, rand, { street: 'Jl. Kramat Raya', kelurahan: 'Kramat' }),
        );
      }
      expect(texts.size).toBeGreaterThanOrEqual(6);
    }
  });

  it('mentions the street or kelurahan in most (>60%) descriptions', () => {
    for (const code of CATEGORY_CODES) {
      const rand = mulberry32(314);
      let withPlace = 0;
      const n = 200;
      for (let i = 0; i < n; i++) {
        const { text, street, kelurahan } = draw(code, rand);
        if (text.includes(street) || text.includes(kelurahan)) withPlace++;
      }
      expect(withPlace / n, code).toBeGreaterThan(0.6);
    }
  });

  it('still writes a generic complaint for an unknown category', () => {
    const rand = mulberry32(5);
    for (let i = 0; i < 50; i++) {
      const { text } = draw('tidak-ada', rand);
      expectClean(text);
    }
    expect(() =>
      describeComplaint('', mulberry32(1), { street: 'Gang Masjid', kelurahan: 'Kramat' }),
    ).not.toThrow();
  });
});

describe('pickStreet', () => {
  it('returns short, varied, clean place names', () => {
    const rand = mulberry32(11);
    const names = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const name = pickStreet(rand);
      expectClean(name);
      expect(name.length).toBeLessThan(50);
      names.add(name);
    }
    expect(names.size).toBeGreaterThan(50);
  });
});

describe('responseText', () => {
  it.each(STEPS)('writes clean text for every category at step %s', (step) => {
    const rand = mulberry32(17);
    for (const code of [...CATEGORY_CODES, 'tidak-ada']) {
      for (let i = 0; i < 10; i++) expectClean(responseText(step, code, rand));
    }
  });

  it('describes pruning for pohon follow-ups', () => {
    const rand = mulberry32(23);
    for (let i = 0; i < 50; i++) {
      expect(responseText('tindak_lanjut', 'pohon', rand)).toMatch(/pohon|pangkas/i);
    }
  });

  it('fits follow-ups to the category', () => {
    const rand = mulberry32(29);
    for (let i = 0; i < 30; i++) {
      expect(responseText('tindak_lanjut', 'jalan', rand)).toMatch(/jalan|tambal|aspal/i);
      expect(responseText('tindak_lanjut', 'parkir-liar', rand)).toMatch(/penertiban/i);
    }
  });

  it('is deterministic', () => {
    const a = STEPS.map((s) => responseText(s, 'sampah', mulberry32(3)));
    const b = STEPS.map((s) => responseText(s, 'sampah', mulberry32(3)));
    expect(a).toEqual(b);
  });
});

describe('ratingComment', () => {
  it.each([1, 2, 3, 4, 5])('returns a string or null for score %i', (score) => {
    const rand = mulberry32(score);
    let strings = 0;
    for (let i = 0; i < 50; i++) {
      const c = ratingComment(score, rand);
      expect(c === null || typeof c === 'string').toBe(true);
      if (c !== null) {
        expectClean(c);
        strings++;
      }
    }
    expect(strings).toBeGreaterThan(0);
  });
});
