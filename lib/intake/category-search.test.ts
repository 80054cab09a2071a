import { describe, expect, it } from 'vitest';
import { CATEGORIES, UNCATEGORISED } from '@/lib/reference/categories';
import { CATEGORY_SYNONYMS, normalise, searchCategories } from './category-search';

const indonesian = CATEGORIES.filter((c) => c.code !== UNCATEGORISED).map((c) => ({ code: c.code, name: c.nameId, group: c.groupId }));
const english = CATEGORIES.filter((c) => c.code !== UNCATEGORISED).map((c) => ({ code: c.code, name: c.nameEn, group: c.groupEn }));
const codes = (query: string, list = indonesian) => searchCategories(list, query).map((c) => c.code);

describe('category search by the words people use', () => {
  it.each<[string, string, string[]]>([
    ['a hole in the road', 'lubang', ['jalan']],
    ['flooding: flood response first, then drains', 'banjir', ['banjir', 'saluran-air']],
    ['a traffic jam', 'macet', ['lalu-lintas']],
    ['rubbish', 'sampah', ['sampah']],
    ['a fallen tree, two words', 'pohon tumbang', ['pohon']],
    ['parking', 'parkir', ['parkir-liar']],
    ['street vendors by their abbreviation', 'pkl', ['pkl-liar', 'pkl-binaan']],
    ['extortion', 'pungli', ['pungli']],
    ['a street light out', 'lampu mati', ['jaringan-listrik']],
    ['traffic lights', 'lampu merah', ['perlengkapan-lalu-lintas']],
    ['a clogged gutter', 'got mampet', ['saluran-air']],
    ['a beggar', 'pengemis', ['pmks']],
    ['the bus rapid transit', 'transjakarta', ['transportasi-publik']],
    ['the first letters only', 'lub', ['jalan']],
    ['capitals and punctuation', '  Pohon, TUMBANG! ', ['pohon']],
  ])('%s: "%s" finds %j first', (_label, query, expected) => {
    expect(codes(query).slice(0, expected.length)).toEqual(expected);
  });

  it('still finds a category by its own name and group', () => {
    expect(codes('jalan')[0]).toBe('jalan');
    expect(codes('trotoar')).toEqual(['trotoar']);
    expect(codes('ketertiban')).toEqual(expect.arrayContaining(['pkl-liar', 'trantib', 'kebisingan']));
  });

  it('works on the English names too', () => {
    expect(codes('pothole', english)[0]).toBe('jalan');
    expect(codes('flood', english)[0]).toBe('banjir');
    expect(codes('traffic', english)).toEqual(expect.arrayContaining(['lalu-lintas', 'parkir-liar']));
  });

  it('every word must fit: an unrelated word finds nothing, an empty query keeps the list', () => {
    expect(codes('pohon pajak')).toEqual([]);
    expect(codes('zzzz')).toEqual([]);
    expect(codes('   ')).toHaveLength(indonesian.length);
  });

  it('has synonyms only for categories that exist, and every synonym finds its own category', () => {
    const known = new Set(CATEGORIES.map((c) => c.code));
    for (const [code, synonyms] of Object.entries(CATEGORY_SYNONYMS)) {
      expect(known.has(code), code).toBe(true);
      for (const synonym of synonyms) expect(codes(synonym), `${synonym} → ${code}`).toContain(code);
    }
  });

  it('normalises accents, case and punctuation', () => {
    expect(normalise('Saluran Air, Kali/Sungai')).toBe('saluran air kali sungai');
    expect(normalise('Café')).toBe('cafe');
  });
});
