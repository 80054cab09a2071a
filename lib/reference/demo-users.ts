import type { UserRole } from '@/db/schema';

/** Demo staff accounts, one per role. Listed in README; the demo prints them at start. */
export const DEMO_PASSWORD = 'aduan-demo-2026';

export interface DemoUser {
  email: string;
  name: string;
  role: UserRole;
  regionCode?: string;
  agencyCode?: string;
  description: string;
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@aduan.test', name: 'Admin Aduan', role: 'admin', description: 'admin' },
  { email: 'operator@aduan.test', name: 'Operator Pendopo', role: 'operator', agencyCode: 'balaikota', description: 'operator, Pendopo Balai Kota' },
  { email: 'lurah.gambir@aduan.test', name: 'Lurah Gambir', role: 'lurah', regionCode: '31.71.01.1001', agencyCode: 'kel-31.71.01.1001', description: 'lurah, Kelurahan Gambir' },
  { email: 'lurah.menteng@aduan.test', name: 'Lurah Menteng', role: 'lurah', regionCode: '31.71.06.1001', agencyCode: 'kel-31.71.06.1001', description: 'lurah, Kelurahan Menteng' },
  { email: 'camat.gambir@aduan.test', name: 'Camat Gambir', role: 'camat', regionCode: '31.71.01', agencyCode: 'kec-31.71.01', description: 'camat, Kecamatan Gambir' },
  { email: 'walikota.pusat@aduan.test', name: 'Walikota Jakarta Pusat', role: 'walikota', regionCode: '31.71', agencyCode: 'kota-31.71', description: 'walikota, Jakarta Pusat' },
  { email: 'binamarga.pusat@aduan.test', name: 'Staf Sudin Bina Marga Jakarta Pusat', role: 'agency', regionCode: '31.71', agencyCode: 'bina-marga-31.71', description: 'agency staff, Suku Dinas Bina Marga Jakarta Pusat' },
  { email: 'binamarga@aduan.test', name: 'Staf Dinas Bina Marga', role: 'agency', agencyCode: 'bina-marga', description: 'agency staff, Dinas Bina Marga' },
  { email: 'validator@aduan.test', name: 'Validator Biro Pemerintahan', role: 'validator', agencyCode: 'biro-pemerintahan', description: 'validator, Biro Pemerintahan' },
  { email: 'inspektorat@aduan.test', name: 'Staf Inspektorat', role: 'inspektorat', agencyCode: 'inspektorat', description: 'inspektorat' },
];
