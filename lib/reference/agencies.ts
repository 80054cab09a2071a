import type { AgencyKind } from '@/db/schema';

/** Province-level agencies (Dinas) that have a Suku Dinas in every kota. */
export const DINAS = [
  { code: 'bina-marga', name: 'Dinas Bina Marga', short: 'Bina Marga' },
  { code: 'perhubungan', name: 'Dinas Perhubungan', short: 'Perhubungan' },
  { code: 'satpol-pp', name: 'Satuan Polisi Pamong Praja', short: 'Satpol PP' },
  { code: 'pertamanan', name: 'Dinas Pertamanan dan Hutan Kota', short: 'Pertamanan dan Hutan Kota' },
  { code: 'sda', name: 'Dinas Sumber Daya Air', short: 'Sumber Daya Air' },
  { code: 'citata', name: 'Dinas Cipta Karya, Tata Ruang dan Pertanahan', short: 'Citata' },
  { code: 'lingkungan-hidup', name: 'Dinas Lingkungan Hidup', short: 'Lingkungan Hidup' },
  { code: 'sosial', name: 'Dinas Sosial', short: 'Sosial' },
  { code: 'ukm', name: 'Dinas PPKUKM', short: 'PPKUKM' },
  { code: 'gulkarmat', name: 'Dinas Penanggulangan Kebakaran dan Penyelamatan', short: 'Gulkarmat' },
] as const;

/** Units without a Suku Dinas. */
export const PROVINCE_UNITS: { code: string; name: string; kind: AgencyKind }[] = [
  { code: 'balaikota', name: 'Balai Kota DKI Jakarta', kind: 'balaikota' },
  { code: 'inspektorat', name: 'Inspektorat Provinsi DKI Jakarta', kind: 'inspektorat' },
  { code: 'biro-pemerintahan', name: 'Biro Pemerintahan (Validator)', kind: 'biro' },
  { code: 'pam-jaya', name: 'Perumda PAM Jaya', kind: 'bumd' },
  { code: 'pasar-jaya', name: 'Perumda Pasar Jaya', kind: 'bumd' },
  { code: 'transjakarta', name: 'PT Transportasi Jakarta', kind: 'bumd' },
];

/** Office codes derived from region codes, so that routing never needs a lookup table. */
export const officeCode = {
  kelurahan: (code: string) => `kel-${code}`,
  kecamatan: (code: string) => `kec-${code}`,
  kota: (code: string) => `kota-${code}`,
  sudin: (dinasCode: string, kotaCode: string) => `${dinasCode}-${kotaCode}`,
};

export function kotaTitle(code: string, name: string): string {
  return code === '31.01' ? `Bupati ${name}` : `Walikota ${name}`;
}
