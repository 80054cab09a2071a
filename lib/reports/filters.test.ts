import { describe, expect, it } from 'vitest';
import { dayRange, filtersToQuery, parseFilters, parseSort } from './filters';

describe('parseFilters', () => {
  it.each([
    ['nothing', '', { status: [], kategori: [], kanal: [], wilayah: null, dari: null, sampai: null }],
    ['comma lists', 'status=menunggu,proses&kategori=jalan,pohon', { status: ['menunggu', 'proses'], kategori: ['jalan', 'pohon'] }],
    ['repeated keys', 'status=menunggu&status=selesai', { status: ['menunggu', 'selesai'] }],
    ['unknown statuses are dropped', 'status=menunggu,hilang', { status: ['menunggu'] }],
    ['the most specific region wins', 'kota=31.71&kecamatan=31.71.01&kelurahan=31.71.01.1001', { wilayah: '31.71.01.1001' }],
    ['an empty kelurahan falls back to the kecamatan', 'kota=31.71&kecamatan=31.71.01&kelurahan=', { wilayah: '31.71.01' }],
    ['a malformed region is ignored', 'kelurahan=DROP TABLE', { wilayah: null }],
    ['valid dates', 'dari=2024-01-01&sampai=2024-01-31', { dari: '2024-01-01', sampai: '2024-01-31' }],
    ['swapped dates are put in order', 'dari=2024-02-01&sampai=2024-01-01', { dari: '2024-01-01', sampai: '2024-02-01' }],
    ['impossible dates are ignored', 'dari=2024-02-31&sampai=kemarin', { dari: null, sampai: null }],
  ])('%s', (_label, query, expected) => {
    expect(parseFilters(new URLSearchParams(query))).toMatchObject(expected);
  });

  it('reads Next.js searchParams objects too', () => {
    expect(parseFilters({ status: ['proses', 'selesai'], kategori: 'jalan' })).toMatchObject({
      status: ['proses', 'selesai'],
      kategori: ['jalan'],
    });
  });

  it('round-trips through the query string', () => {
    const f = parseFilters(new URLSearchParams('kategori=pohon,jalan&kecamatan=31.71.01&dari=2024-01-01'));
    expect(filtersToQuery(f)).toBe('kategori=jalan%2Cpohon&kecamatan=31.71.01&dari=2024-01-01');
    expect(parseFilters(new URLSearchParams(filtersToQuery(f)))).toEqual(f);
  });
});

describe('dayRange', () => {
  it('uses WIB calendar days, inclusive of the last day', () => {
    const { from, until } = dayRange({ dari: '2024-01-01', sampai: '2024-01-31' });
    expect(from!.toISOString()).toBe('2023-12-31T17:00:00.000Z');
    expect(until!.toISOString()).toBe('2024-01-31T17:00:00.000Z');
  });
});

describe('parseSort', () => {
  it('defaults to newest first', () => {
    expect(parseSort(undefined)).toBe('terbaru');
    expect(parseSort('acak')).toBe('terbaru');
    expect(parseSort('terlama')).toBe('terlama');
  });
});
