import { describe, expect, it } from 'vitest';
import { loadRegions, locate, placeOf } from './jakarta';

describe('locate (point → kelurahan)', () => {
  it.each([
    ['Monas', -6.1754, 106.8272, '31.71.01.1001', 'Gambir', '31.71.01', '31.71'],
    ['Bundaran HI', -6.195, 106.823, '31.71.06.1001', 'Menteng', '31.71.06', '31.71'],
    ['Ancol', -6.1225, 106.833, '31.72.05.1003', 'Ancol', '31.72.05', '31.72'],
    ['Jakarta International Stadium', -6.12531, 106.86011, null, 'Papanggo', null, '31.72'],
  ])('%s lies in its kelurahan', (_label, lat, lng, code, name, kecamatan, kota) => {
    const hit = locate(lat, lng);
    expect(hit).not.toBeNull();
    if (code) expect(hit!.kelurahanCode).toBe(code);
    expect(hit!.kelurahanName.toLowerCase()).toBe(name.toLowerCase());
    if (kecamatan) expect(hit!.kecamatanCode).toBe(kecamatan);
    expect(hit!.kotaCode).toBe(kota);
  });

  it.each([
    ['the Java Sea north of Ancol', -6.0, 106.85],
    ['Soekarno-Hatta airport (Tangerang)', -6.1256, 106.6559],
    ['Depok', -6.4025, 106.7942],
    ['not a number', Number.NaN, 106.8],
  ])('%s is in no kelurahan', (_label, lat, lng) => {
    expect(locate(lat, lng)).toBeNull();
  });
});

describe('placeOf (point → names, for the report form)', () => {
  it('names the kelurahan, kecamatan and kota of Monas', () => {
    expect(placeOf(-6.1754, 106.8272)).toEqual({
      kelurahan: { code: '31.71.01.1001', name: 'Gambir' },
      kecamatan: { code: '31.71.01', name: 'Gambir' },
      kota: { code: '31.71', name: 'Jakarta Pusat' },
    });
    expect(placeOf(-6.0, 106.85)).toBeNull();
  });
});

describe('boundary data', () => {
  it('has 6 kota, 44 kecamatan and 267 kelurahan, each with an existing parent', () => {
    const kota = loadRegions('kota').features;
    const kecamatan = loadRegions('kecamatan').features;
    const kelurahan = loadRegions('kelurahan').features;
    expect([kota.length, kecamatan.length, kelurahan.length]).toEqual([6, 44, 267]);
    const kotaCodes = new Set(kota.map((f) => f.properties.code));
    const kecCodes = new Set(kecamatan.map((f) => f.properties.code));
    expect(kecamatan.every((f) => kotaCodes.has(f.properties.parent_code))).toBe(true);
    expect(kelurahan.every((f) => kecCodes.has(f.properties.parent_code))).toBe(true);
  });
});
