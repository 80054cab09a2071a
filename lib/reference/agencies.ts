import type { AgencyKind } from '@/db/schema';

/**
 * The units above the kelurahan, kecamatan and kota offices that CRM routes complaints to: the
 * Perangkat Daerah of DKI Jakarta (dinas, badan, Satpol PP, biro, inspektorat), the BUMD it
 * forwards to and bodies outside the Pemprov. Sources and what is unverified: data/REFERENCE.md.
 * `aliases` are other names the same unit goes by (older names, sub-units, the archive's spellings);
 * they are matched when importing (lib/reference/match.ts).
 */
export interface AgencyDef {
  code: string;
  name: string;
  /** The short name people use ("Dishub"), also matched. */
  short: string;
  kind: Extract<AgencyKind, 'balaikota' | 'dinas' | 'biro' | 'inspektorat' | 'bumd' | 'eksternal'>;
  /** Its unit in every kota, named `${branch} ${kota}` (code officeCode.sudin). */
  branch?: string;
  aliases?: string[];
}

const dinas = (code: string, name: string, short: string, branch: string | null, aliases: string[] = []): AgencyDef => ({
  code,
  name,
  short,
  kind: 'dinas',
  ...(branch ? { branch } : {}),
  aliases,
});

/** Dinas and badan (kind `dinas`: province-level units that handle work), most with a unit per kota. */
export const DINAS: AgencyDef[] = [
  dinas('bina-marga', 'Dinas Bina Marga', 'Bina Marga', 'Suku Dinas Bina Marga', ['DBM', 'Unit Peralatan dan Perbekalan Bina Marga', 'UPT Peralatan dan Perbekalan Bina Marga', 'Unit Pengelola Penerangan Jalan Umum']),
  dinas('perhubungan', 'Dinas Perhubungan', 'Dishub', 'Suku Dinas Perhubungan', [
    'Perhubungan',
    'Unit Pengelola Perparkiran',
    'UP Perparkiran',
    'Unit Pengelola Sistem Pengendalian Lalu Lintas',
    'Unit Pengelola Terminal Angkutan Jalan',
    'Unit Pengelola Pengujian Kendaraan Bermotor',
    'Unit Pengelola Angkutan Perairan',
    'Dinas Perhubungan dan Transportasi',
  ]),
  dinas('satpol-pp', 'Satuan Polisi Pamong Praja', 'Satpol PP', 'Satpol PP', ['Satuan Polisi Pamong Praja Provinsi DKI Jakarta', 'Satpol']),
  dinas('pertamanan', 'Dinas Pertamanan dan Hutan Kota', 'Distamhut', 'Suku Dinas Pertamanan dan Hutan Kota', [
    'Pertamanan dan Hutan Kota',
    'Dinas Pertamanan dan Hutan',
    'Dinas Pertamanan dan Pemakaman',
    'Dinas Kehutanan',
    'Distamhut',
  ]),
  dinas('sda', 'Dinas Sumber Daya Air', 'Dinas SDA', 'Suku Dinas Sumber Daya Air', ['Sumber Daya Air', 'Dinas Tata Air', 'UPK Badan Air Dinas SDA']),
  dinas('citata', 'Dinas Cipta Karya, Tata Ruang dan Pertanahan', 'Citata', 'Suku Dinas Cipta Karya, Tata Ruang dan Pertanahan', ['DCKTRP', 'Dinas Penataan Kota', 'Dinas Tata Ruang']),
  dinas('lingkungan-hidup', 'Dinas Lingkungan Hidup', 'DLH', 'Suku Dinas Lingkungan Hidup', ['Lingkungan Hidup', 'Unit Pelaksana Kebersihan Badan Air', 'UPK Badan Air', 'Dinas Kebersihan']),
  dinas('sosial', 'Dinas Sosial', 'Dinsos', 'Suku Dinas Sosial', ['Sosial']),
  dinas('ukm', 'Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah', 'PPKUKM', 'Suku Dinas PPKUKM', [
    'Dinas PPKUKM',
    'Dinas Koperasi, Usaha Mikro, Kecil dan Menengah serta Perdagangan',
    'Dinas KUMKMP',
    'Dinas Perindustrian dan Energi',
  ]),
  dinas('gulkarmat', 'Dinas Penanggulangan Kebakaran dan Penyelamatan', 'Gulkarmat', 'Suku Dinas Penanggulangan Kebakaran dan Penyelamatan', ['Damkar', 'Pemadam Kebakaran', 'Dinas Pemadam Kebakaran']),
  dinas('dinkes', 'Dinas Kesehatan', 'Dinkes', 'Suku Dinas Kesehatan', ['Kesehatan']),
  dinas('disdik', 'Dinas Pendidikan', 'Disdik', 'Suku Dinas Pendidikan', ['Pendidikan']),
  dinas('dukcapil', 'Dinas Kependudukan dan Pencatatan Sipil', 'Dukcapil', 'Suku Dinas Kependudukan dan Pencatatan Sipil', ['Disdukcapil']),
  dinas('nakertransgi', 'Dinas Tenaga Kerja, Transmigrasi dan Energi', 'Disnakertransgi', 'Suku Dinas Tenaga Kerja, Transmigrasi dan Energi', ['Dinas Tenaga Kerja dan Transmigrasi', 'Disnakertrans']),
  dinas('dprkp', 'Dinas Perumahan Rakyat dan Kawasan Permukiman', 'DPRKP', 'Suku Dinas Perumahan Rakyat dan Kawasan Permukiman', ['Dinas Perumahan dan Gedung Pemda', 'Sudin PRKP', 'Unit Pengelola Rumah Susun', 'UPRS']),
  dinas('kpkp', 'Dinas Ketahanan Pangan, Kelautan dan Pertanian', 'DKPKP', 'Suku Dinas Ketahanan Pangan, Kelautan dan Pertanian', ['Dinas Kelautan, Pertanian dan Ketahanan Pangan', 'KPKP']),
  dinas('parekraf', 'Dinas Pariwisata dan Ekonomi Kreatif', 'Disparekraf', 'Suku Dinas Pariwisata dan Ekonomi Kreatif', ['Dinas Pariwisata dan Kebudayaan', 'Disparbud']),
  dinas('kebudayaan', 'Dinas Kebudayaan', 'Disbud', 'Suku Dinas Kebudayaan'),
  dinas('dispora', 'Dinas Pemuda dan Olahraga', 'Dispora', 'Suku Dinas Pemuda dan Olahraga', ['Dinas Olahraga dan Pemuda']),
  dinas('ppapp', 'Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk', 'DPPAPP', 'Suku Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk', ['Dinas PPAPP']),
  dinas('kominfotik', 'Dinas Komunikasi, Informatika dan Statistik', 'Diskominfotik', 'Suku Dinas Komunikasi, Informatika dan Statistik', ['Kominfotik']),
  dinas('pusip', 'Dinas Perpustakaan dan Kearsipan', 'Dispusip', 'Suku Dinas Perpustakaan dan Kearsipan'),
  dinas('ptsp', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'DPMPTSP', null, ['PTSP', 'DMPTSP', 'Badan Pelayanan Terpadu Satu Pintu', 'BPTSP']),
  dinas('bapenda', 'Badan Pendapatan Daerah', 'Bapenda', 'Suku Badan Pendapatan Daerah', ['Badan Pajak dan Retribusi Daerah', 'BPRD', 'Unit Pelayanan Pajak dan Retribusi Daerah', 'UPPRD']),
  dinas('kesbangpol', 'Badan Kesatuan Bangsa dan Politik', 'Kesbangpol', 'Suku Badan Kesatuan Bangsa dan Politik', ['Bakesbangpol']),
  dinas('bpbd', 'Badan Penanggulangan Bencana Daerah', 'BPBD', null),
  dinas('bp-bumd', 'Badan Pembinaan Badan Usaha Milik Daerah', 'BP BUMD', null),
  dinas('bpkd', 'Badan Pengelola Keuangan Daerah', 'BPKD', null),
  dinas('bpad', 'Badan Pengelolaan Aset Daerah', 'BPAD', null, ['Badan Pengelola Aset Daerah']),
  dinas('bkd', 'Badan Kepegawaian Daerah', 'BKD', null),
  dinas('bpsdm', 'Badan Pengembangan Sumber Daya Manusia', 'BPSDM', null),
  dinas('bappeda', 'Badan Perencanaan Pembangunan Daerah', 'Bappeda', null),
];

/** Units without a branch per kota: Balai Kota, the Inspektorat, Sekretariat units, BUMD and outside bodies. */
export const PROVINCE_UNITS: AgencyDef[] = [
  { code: 'balaikota', name: 'Balai Kota DKI Jakarta', short: 'Balai Kota', kind: 'balaikota', aliases: ['Pendopo Balai Kota', 'Gubernur', 'Sekretariat Daerah'] },
  { code: 'inspektorat', name: 'Inspektorat Provinsi DKI Jakarta', short: 'Inspektorat', kind: 'inspektorat' },
  { code: 'biro-pemerintahan', name: 'Biro Pemerintahan (Validator)', short: 'Biro Pemerintahan', kind: 'biro', aliases: ['Biro Tata Pemerintahan', 'Biro Tapem'] },
  { code: 'biro-hukum', name: 'Biro Hukum', short: 'Biro Hukum', kind: 'biro' },
  { code: 'biro-ortala', name: 'Biro Organisasi dan Reformasi Birokrasi', short: 'Biro Organisasi dan RB', kind: 'biro', aliases: ['Biro Organisasi dan Tata Laksana', 'Biro Ortala'] },
  { code: 'biro-perekonomian', name: 'Biro Perekonomian dan Keuangan', short: 'Biro Perekonomian', kind: 'biro', aliases: ['Biro Perekonomian'] },
  { code: 'biro-pembangunan', name: 'Biro Pembangunan dan Lingkungan Hidup', short: 'Biro Pembangunan', kind: 'biro', aliases: ['Biro Pembangunan'] },
  { code: 'biro-kessos', name: 'Biro Kesejahteraan Sosial', short: 'Biro Kessos', kind: 'biro', aliases: ['Biro Pendidikan dan Mental Spiritual', 'Biro Dikmental'] },
  { code: 'biro-umum', name: 'Biro Umum dan Administrasi Pimpinan', short: 'Biro Umum', kind: 'biro', aliases: ['Biro Umum', 'Biro Administrasi Pimpinan'] },
  { code: 'biro-pbj', name: 'Biro Pengadaan Barang dan Jasa', short: 'Biro PBJ', kind: 'biro', aliases: ['Unit Layanan Pengadaan', 'Badan Pelayanan Pengadaan Barang/Jasa', 'BPPBJ'] },
  { code: 'setwan', name: 'Sekretariat DPRD Provinsi DKI Jakarta', short: 'Setwan', kind: 'biro', aliases: ['Sekretariat DPRD', 'Sekretariat Dewan'] },
  // BUMD (badan usaha milik daerah) that CRM forwards to
  { code: 'pam-jaya', name: 'Perumda Air Minum Jaya', short: 'PAM JAYA', kind: 'bumd', aliases: ['Perumda PAM Jaya', 'PD PAM Jaya', 'PD AM Jaya', 'PDAM Jaya', 'PDAM DKI', 'PT PAM Lyonnaise Jaya', 'Palyja', 'PT Aetra Air Jakarta', 'Aetra'] },
  { code: 'pal-jaya', name: 'Perumda Pengelolaan Air Limbah Jaya', short: 'PAL JAYA', kind: 'bumd', aliases: ['PD PAL Jaya'] },
  { code: 'pasar-jaya', name: 'Perumda Pasar Jaya', short: 'Pasar Jaya', kind: 'bumd', aliases: ['PD Pasar Jaya'] },
  { code: 'transjakarta', name: 'PT Transportasi Jakarta', short: 'Transjakarta', kind: 'bumd', aliases: ['PT Transportasi', 'PT Transjakarta', 'TransJakarta', 'TJ'] },
  { code: 'mrt-jakarta', name: 'PT MRT Jakarta (Perseroda)', short: 'MRT Jakarta', kind: 'bumd', aliases: ['PT Mass Rapid Transit Jakarta', 'PT MRT Jakarta', 'MRT'] },
  { code: 'lrt-jakarta', name: 'PT LRT Jakarta', short: 'LRT Jakarta', kind: 'bumd', aliases: ['LRT'] },
  { code: 'jakpro', name: 'PT Jakarta Propertindo (Perseroda)', short: 'Jakpro', kind: 'bumd', aliases: ['PT Jakarta Propertindo'] },
  { code: 'sarana-jaya', name: 'Perumda Pembangunan Sarana Jaya', short: 'Sarana Jaya', kind: 'bumd', aliases: ['PD Pembangunan Sarana Jaya'] },
  { code: 'food-station', name: 'PT Food Station Tjipinang Jaya (Perseroda)', short: 'Food Station', kind: 'bumd', aliases: ['PT Food Station Tjipinang Jaya'] },
  { code: 'dharma-jaya', name: 'Perumda Dharma Jaya', short: 'Dharma Jaya', kind: 'bumd', aliases: ['PD Dharma Jaya'] },
  { code: 'bank-dki', name: 'PT Bank DKI', short: 'Bank DKI', kind: 'bumd' },
  { code: 'jaya-ancol', name: 'PT Pembangunan Jaya Ancol Tbk', short: 'Ancol', kind: 'bumd', aliases: ['PT Pembangunan Jaya Ancol', 'Taman Impian Jaya Ancol'] },
  { code: 'jiep', name: 'PT Jakarta Industrial Estate Pulogadung', short: 'JIEP', kind: 'bumd' },
  { code: 'jaktour', name: 'PT Jakarta Tourisindo', short: 'Jaktour', kind: 'bumd' },
  // bodies outside the Pemprov (instansi vertikal, BUMN) that CRM forwards to
  { code: 'pln', name: 'PT PLN (Persero) UID Jakarta Raya', short: 'PLN', kind: 'eksternal', aliases: ['PT PLN', 'PT PLN (Persero)', 'Perusahaan Listrik Negara', 'PLN Disjaya'] },
  { code: 'polda-metro', name: 'Polda Metro Jaya', short: 'Polda Metro Jaya', kind: 'eksternal', aliases: ['Kepolisian Daerah Metro Jaya', 'Kepolisian', 'Polri', 'Ditlantas Polda Metro Jaya', 'Polisi'] },
  { code: 'telkom', name: 'PT Telkom Indonesia (Persero)', short: 'Telkom', kind: 'eksternal', aliases: ['PT Telekomunikasi Indonesia', 'Telkom Indonesia', 'IndiHome'] },
  { code: 'kai', name: 'PT Kereta Api Indonesia (Persero) dan KAI Commuter', short: 'KAI', kind: 'eksternal', aliases: ['PT KAI', 'KAI Commuter', 'PT KCI', 'PT Kereta Commuter Indonesia', 'KRL'] },
  { code: 'bpn', name: 'Kantor Wilayah Badan Pertanahan Nasional DKI Jakarta', short: 'BPN', kind: 'eksternal', aliases: ['Badan Pertanahan Nasional', 'ATR/BPN', 'Kantor Pertanahan'] },
  { code: 'bbwscc', name: 'Balai Besar Wilayah Sungai Ciliwung Cisadane', short: 'BBWSCC', kind: 'eksternal', aliases: ['BBWS Ciliwung Cisadane', 'Kementerian PUPR'] },
  { code: 'jasa-marga', name: 'PT Jasa Marga (Persero) Tbk', short: 'Jasa Marga', kind: 'eksternal', aliases: ['PT Jasa Marga'] },
  { code: 'pgn', name: 'PT Perusahaan Gas Negara Tbk', short: 'PGN', kind: 'eksternal', aliases: ['Perusahaan Gas Negara'] },
  { code: 'bptj', name: 'Badan Pengelola Transportasi Jabodetabek', short: 'BPTJ', kind: 'eksternal' },
];

/** Every unit above the offices of a region, in list order. */
export const PROVINCE_AGENCIES: AgencyDef[] = [...DINAS, ...PROVINCE_UNITS];

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
