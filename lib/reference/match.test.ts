import { describe, expect, it } from 'vitest';
import { loadRegions } from '@/lib/regions/jakarta';
import { PROVINCE_AGENCIES } from './agencies';
import { CATEGORIES } from './categories';
import { labelKey } from './label';
import { createAgencyMatcher } from './match-agency';
import { createCategoryMatcher } from './match-category';
import { createPlaceMatcher, type RegionEntry } from './match-place';
import { referenceAgencies } from './offices';

const jakarta: RegionEntry[] = (['kota', 'kecamatan', 'kelurahan'] as const).flatMap((level) =>
  loadRegions(level).features.map((f) => ({ code: f.properties.code, name: f.properties.name, level, parentCode: level === 'kota' ? null : f.properties.parent_code })),
);
const places = createPlaceMatcher(jakarta);
const kelurahanOf = (label: string, kotaCode?: string) => {
  const hit = places.kelurahan(label, { kotaCode });
  return hit && 'place' in hit ? hit.place.kelurahanCode : hit;
};

describe('kelurahan names as archives write them', () => {
  it.each([
    ['the Kemendagri name', 'Gambir', '31.71.01.1001'],
    ['upper case with the KELURAHAN prefix (the CRM export)', 'KELURAHAN GAMBIR', '31.71.01.1001'],
    ['"KEL." and double spaces', 'KEL.  kebon   kelapa', '31.71.01.1005'],
    ['"Kel" without a dot', 'Kel Menteng', '31.71.06.1001'],
    ['a space the official name has not ("KALI BARU" for Kalibaru)', 'KELURAHAN KALI BARU', '31.72.04.1004'],
    ['written together where the official name is spaced ("Pinangranti")', 'PINANGRANTI', '31.75.08.1002'],
    ['"Pal Meriam" for Palmeriam', 'KELURAHAN PAL MERIAM', '31.75.01.1004'],
    ['a Roman numeral ("Pegangsaan II")', 'Kel. Pegangsaan II', '31.72.06.1002'],
    ['a digit ("Jembatan 5")', 'JEMBATAN 5', '31.73.04.1008'],
    ['an abbreviation ("Kp. Melayu")', 'Kp. Melayu', '31.75.03.1001'],
    ['an abbreviation ("Tj. Priok")', 'Tj. Priok', '31.72.02.1001'],
    ['the old name "Sukabumi Ilir"', 'SUKABUMI ILIR', '31.73.05.1002'],
    ['the old name "Meruya Udik"', 'Meruya Udik', '31.73.08.1003'],
    ['the everyday name "Kampung Tengah"', 'KELURAHAN KAMPUNG TENGAH', '31.75.04.1002'],
    ['"Makassar" with a double s', 'Makassar', '31.75.08.1001'],
    ['an island of Kepulauan Seribu in full', 'KELURAHAN PULAU UNTUNG JAWA', '31.01.02.1001'],
    ['an island as "P."', 'P. Tidung', '31.01.02.1002'],
    ['an island without "Pulau"', 'HARAPAN', '31.01.01.1003'],
    ['the kecamatan written after a comma', 'CIPETE UTARA, KEBAYORAN BARU', '31.74.07.1010'],
    ['the kecamatan and kota written after it', 'Gambir Kec. Gambir Jakarta Pusat', '31.71.01.1001'],
  ])('%s: "%s"', (_what, label, code) => {
    expect(kelurahanOf(label)).toBe(code);
  });

  it.each([
    ['a name that is no kelurahan', 'ATLANTIS'],
    ['a part of a name shared by two ("CIPETE": Utara or Selatan)', 'CIPETE'],
    ['nothing', ''],
    ['only the prefix', 'KELURAHAN'],
  ])('does not guess %s', (_what, label) => {
    expect(kelurahanOf(label)).toBeNull();
  });

  it('keeps the Kemendagri codes: every kelurahan is found by its own name', () => {
    for (const r of jakarta.filter((r) => r.level === 'kelurahan')) expect(kelurahanOf(`KELURAHAN ${r.name.toUpperCase()}`)).toBe(r.code);
  });

  describe('a name two kelurahan share', () => {
    // Jakarta has no such pair today; a renamed or merged kelurahan could make one
    const twin: RegionEntry[] = [
      ...jakarta,
      { code: '31.74.99', name: 'Contoh Selatan', level: 'kecamatan', parentCode: '31.74' },
      { code: '31.75.99', name: 'Contoh Timur', level: 'kecamatan', parentCode: '31.75' },
      { code: '31.74.99.1001', name: 'Kembar', level: 'kelurahan', parentCode: '31.74.99' },
      { code: '31.75.99.1001', name: 'Kembar', level: 'kelurahan', parentCode: '31.75.99' },
    ];
    const twins = createPlaceMatcher(twin);
    const of = (label: string, kotaCode?: string | null) => {
      const hit = twins.kelurahan(label, { kotaCode });
      return hit && 'place' in hit ? hit.place.kelurahanCode : hit;
    };

    it('is held, not guessed, when nothing tells them apart', () => {
      expect(of('KELURAHAN KEMBAR')).toEqual({ ambiguous: ['31.74.99.1001', '31.75.99.1001'] });
    });

    it("is resolved by the kota of the report's agency", () => {
      expect(of('KELURAHAN KEMBAR', '31.75')).toBe('31.75.99.1001');
      const agencies = createAgencyMatcher(referenceAgencies(twin), PROVINCE_AGENCIES, twins);
      expect(of('KELURAHAN KEMBAR', agencies.kotaOf('SUKU DINAS BINA MARGA KOTA ADMINISTRASI JAKARTA SELATAN'))).toBe('31.74.99.1001');
      expect(of('KELURAHAN KEMBAR', agencies.kotaOf('KECAMATAN CONTOH TIMUR'))).toBe('31.75.99.1001');
    });

    it('is resolved by a kecamatan or kota written in the label', () => {
      expect(of('Kembar, Contoh Timur')).toBe('31.75.99.1001');
      expect(of('KEMBAR JAKARTA SELATAN')).toBe('31.74.99.1001');
    });

    it('stays held when the kota named has neither', () => {
      expect(of('KELURAHAN KEMBAR', '31.71')).toEqual({ ambiguous: ['31.74.99.1001', '31.75.99.1001'] });
    });
  });

  it('follows a label an admin mapped', () => {
    const mapped = createPlaceMatcher(jakarta, new Map([[labelKey('KELURAHAN GMBR'), '31.71.01.1001']]));
    const hit = mapped.kelurahan('Kelurahan Gmbr');
    expect(hit && 'place' in hit ? hit.place : hit).toEqual({ kelurahanCode: '31.71.01.1001', kecamatanCode: '31.71.01', kotaCode: '31.71' });
  });
});

describe('category names as archives write them', () => {
  const rows = CATEGORIES.map((c) => ({ code: c.code, nameId: c.nameId, nameEn: c.nameEn }));
  const category = createCategoryMatcher(rows, CATEGORIES);

  it.each([
    ['the name', 'Parkir Liar', 'parkir-liar'],
    ['another case', 'Parkir liar', 'parkir-liar'],
    ['trailing and double spaces (the raw export)', 'Gangguan dan Kebisingan  ', 'kebisingan'],
    ['the part in brackets added', 'Keluhan Fasilitas Gedung Pemda (sekolah, kantor)', 'fasilitas-gedung'],
    ['the long name with the short one in brackets', 'Pekerja Penanganan Prasarana dan Sarana Umum Kelurahan (PPSU)', 'ppsu'],
    ['the long name alone', 'Pekerja Penanganan Prasarana dan Sarana Umum Kelurahan', 'ppsu'],
    ['the short name first', 'PMKS (Penyandang Masalah Kesejahteraan Sosial)', 'pmks'],
    ['the short name last', 'Penyandang Masalah Kesejahteraan Sosial (PMKS)', 'pmks'],
    ['an older name kept as alias', 'Lokasi Binaan dan Lokasi Sementara', 'pkl-binaan'],
    ['a merged name kept as alias', 'Reklame', 'reklame'],
    ['the 2025 name of school admissions', 'Sistem Penerimaan Murid Baru (SPMB)', 'ppdb'],
    ['a sub-category of permits', 'Perizinan Bidang Perumahan dan Kawasan Permukiman', 'perizinan-perumahan'],
    ['the English name', 'Illegal parking', 'parkir-liar'],
    ['the confidential category under its older name', 'Pungutan Liar', 'pungli'],
  ])('%s: "%s"', (_what, label, code) => {
    expect(category(label)).toBe(code);
  });

  it('does not guess an unknown category', () => {
    expect(category('Kategori Karangan')).toBeNull();
    expect(category('')).toBeNull();
  });

  it('follows a renamed category and a label an admin mapped', () => {
    const renamed = createCategoryMatcher(
      rows.map((r) => (r.code === 'jalan' ? { ...r, nameId: 'Jalan dan Jembatan' } : r)),
      CATEGORIES,
      new Map([[labelKey('Jalan Rusak!'), 'jalan']]),
    );
    expect(renamed('JALAN DAN JEMBATAN')).toBe('jalan');
    expect(renamed('Jalan')).toBe('jalan');
    expect(renamed('jalan rusak')).toBe('jalan');
  });
});

describe('agency names as archives write them', () => {
  const agencies = createAgencyMatcher(referenceAgencies(jakarta), PROVINCE_AGENCIES, places);
  const gambir = { kelurahanCode: '31.71.01.1001', kecamatanCode: '31.71.01', kotaCode: '31.71' };
  const holder = (label: string, place: typeof gambir | null = gambir) => {
    const ref = agencies.match(label);
    return ref ? agencies.holder(ref, place) : null;
  };

  it.each([
    ['a Dinas: its unit in the report’s kota', 'DINAS BINA MARGA', 'bina-marga-31.71'],
    ['with commas and "DAN" (the export)', 'DINAS CIPTA KARYA, TATA RUANG, DAN PERTANAHAN', 'citata-31.71'],
    ['an older name', 'DINAS PERTAMANAN DAN HUTAN', 'pertamanan-31.71'],
    ['the province written out', 'Dinas Sosial Provinsi DKI Jakarta', 'sosial-31.71'],
    ['a short name', 'Dishub', 'perhubungan-31.71'],
    ['a sub-unit', 'UNIT PENGELOLA SISTEM PENGENDALIAN LALU LINTAS', 'perhubungan-31.71'],
    ['a sub-unit', 'UNIT PERALATAN DAN PERBEKALAN BINA MARGA', 'bina-marga-31.71'],
    ['a sub-unit', 'UNIT PELAKSANA KEBERSIHAN BADAN AIR', 'lingkungan-hidup-31.71'],
    ['Satpol PP', 'SATUAN POLISI PAMONG PRAJA', 'satpol-pp-31.71'],
    ['a Suku Dinas of another kota', 'SUKU DINAS BINA MARGA KOTA ADMINISTRASI JAKARTA SELATAN', 'bina-marga-31.74'],
    ['a Suku Badan', 'SUKU BADAN KESATUAN BANGSA DAN POLITIK', 'kesbangpol-31.71'],
    ['"Sudin" and a kota abbreviation', 'Sudin SDA Jakbar', 'sda-31.73'],
    ['a badan without units per kota', 'BADAN PEMBINAAN BADAN USAHA MILIK DAERAH', 'bp-bumd'],
    ['a badan the first list missed', 'BADAN PENDAPATAN DAERAH', 'bapenda-31.71'],
    ['a dinas the first list missed', 'DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU', 'ptsp'],
    ['a dinas the first list missed', 'DINAS KETAHANAN PANGAN, KELAUTAN, DAN PERTANIAN', 'kpkp-31.71'],
    ['a biro', 'BIRO PEMERINTAHAN', 'biro-pemerintahan'],
    ['a BUMD as the archive spells it', 'PD AM JAYA', 'pam-jaya'],
    ['a BUMD cut short', 'PT TRANSPORTASI', 'transjakarta'],
    ['a body outside the Pemprov', 'PT PLN (Persero)', 'pln'],
    ['"KELURAHAN": the report’s own kelurahan', 'KELURAHAN', 'kel-31.71.01.1001'],
    ['"KECAMATAN": the report’s own kecamatan', 'KECAMATAN', 'kec-31.71.01'],
    ['a named kecamatan', 'KECAMATAN TEBET', 'kec-31.74.01'],
    ['a walikota', 'WALIKOTA JAKARTA UTARA', 'kota-31.72'],
  ])('%s: "%s"', (_what, label, code) => {
    expect(holder(label)).toBe(code);
  });

  it('marks the bodies outside the Pemprov as external', () => {
    expect(PROVINCE_AGENCIES.filter((a) => a.kind === 'eksternal').map((a) => a.code)).toEqual(expect.arrayContaining(['pln', 'polda-metro']));
  });

  it('does not guess an unknown agency or a bare kind', () => {
    expect(agencies.match('BADAN URUSAN LAIN')).toBeNull();
    expect(agencies.match('DINAS')).toBeNull();
    expect(agencies.match('')).toBeNull();
  });

  it('without a place, a Dinas holds it itself and "KELURAHAN" has no office', () => {
    expect(holder('DINAS BINA MARGA', null)).toBe('bina-marga');
    expect(holder('KELURAHAN', null)).toBeNull();
  });
});
