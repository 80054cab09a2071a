import type { SlaPolicy } from '@/lib/sla/policy';

/**
 * The categories of the real CRM / JAKI (2023–2025) with their default handling agency. The
 * code is also the Open311 service_code. Sources, routing evidence and what is unverified:
 * data/REFERENCE.md. New categories go at the end: existing databases keep their sort order.
 */
export interface CategoryDef {
  code: string;
  nameId: string;
  nameEn: string;
  groupId: string;
  groupEn: string;
  /** Agency code (see agencies.ts) the kelurahan coordinates to; null = the kelurahan itself. */
  defaultAgency: string | null;
  isConfidential?: boolean;
  /** Relative share in generated demo data (2024 volumes guide these). */
  demoWeight: number;
  /** Other names the same category goes by in the CRM's records (matched when importing). */
  aliases?: string[];
  /** Its own service levels (seeded once, editable by admins); none = the city-wide policy. */
  sla?: SlaPolicy;
}

/** Emergencies: a fire is answered within the hour (CRM is not 112, so not minutes). */
const EMERGENCY: SlaPolicy = { firstResponseHours: 1, followUpHours: 24, silenceRedHours: 12, escalationStepHours: 2, calendar: 'kalender' };
/** Floods and animals in homes: the same day. */
const URGENT: SlaPolicy = { firstResponseHours: 3, followUpHours: 72, silenceRedHours: 24, escalationStepHours: 6, calendar: 'kalender' };
/** Office matters (permits, taxes, staffing, records): counted in working days, 14 of them to settle. */
const OFFICE: SlaPolicy = { firstResponseHours: 24, followUpHours: 14 * 24, silenceRedHours: 7 * 24, escalationStepHours: 48, calendar: 'hari_kerja' };

export const CATEGORIES: CategoryDef[] = [
  { code: 'jalan', nameId: 'Jalan', nameEn: 'Roads', groupId: 'Infrastruktur', groupEn: 'Infrastructure', defaultAgency: 'bina-marga', demoWeight: 26014 },
  { code: 'trotoar', nameId: 'Trotoar', nameEn: 'Sidewalks', groupId: 'Infrastruktur', groupEn: 'Infrastructure', defaultAgency: 'bina-marga', demoWeight: 5200 },
  { code: 'jaringan-listrik', nameId: 'Jaringan Listrik', nameEn: 'Power lines and street lights', groupId: 'Infrastruktur', groupEn: 'Infrastructure', defaultAgency: 'bina-marga', demoWeight: 6100, aliases: ['Penerangan Jalan Umum (PJU)', 'Lampu Penerangan Jalan'] },
  { code: 'telekomunikasi', nameId: 'Jaringan/Menara Telekomunikasi', nameEn: 'Telecom cables and towers', groupId: 'Infrastruktur', groupEn: 'Infrastructure', defaultAgency: 'bina-marga', demoWeight: 4300 },
  { code: 'saluran-air', nameId: 'Saluran Air, Kali/Sungai', nameEn: 'Drains, canals and rivers', groupId: 'Air dan Banjir', groupEn: 'Water and flooding', defaultAgency: 'sda', demoWeight: 7400, aliases: ['Saluran Air', 'Kali/Sungai', 'Drainase'] },
  { code: 'banjir', nameId: 'Penanganan Banjir', nameEn: 'Flood response', groupId: 'Air dan Banjir', groupEn: 'Water and flooding', defaultAgency: 'sda', demoWeight: 2600, aliases: ['Banjir', 'Genangan'], sla: URGENT },
  { code: 'parkir-liar', nameId: 'Parkir Liar', nameEn: 'Illegal parking', groupId: 'Lalu Lintas', groupEn: 'Traffic', defaultAgency: 'perhubungan', demoWeight: 19152, aliases: ['Juru Parkir Liar'] },
  { code: 'lalu-lintas', nameId: 'Arus Lalu Lintas', nameEn: 'Traffic flow', groupId: 'Lalu Lintas', groupEn: 'Traffic', defaultAgency: 'perhubungan', demoWeight: 9800, aliases: ['Kemacetan', 'Kemacetan Lalu Lintas'] },
  { code: 'pkl-liar', nameId: 'PKL Liar', nameEn: 'Unlicensed street vendors', groupId: 'Ketertiban Umum', groupEn: 'Public order', defaultAgency: 'satpol-pp', demoWeight: 11800 },
  { code: 'pkl-binaan', nameId: 'Lokasi PKL Binaan', nameEn: 'Licensed vendor sites', groupId: 'Ketertiban Umum', groupEn: 'Public order', defaultAgency: 'ukm', demoWeight: 900, aliases: ['Lokasi Binaan dan Lokasi Sementara'] },
  { code: 'reklame', nameId: 'Reklame/Spanduk', nameEn: 'Billboards and banners', groupId: 'Ketertiban Umum', groupEn: 'Public order', defaultAgency: 'satpol-pp', demoWeight: 5600, aliases: ['Reklame', 'Spanduk'] },
  { code: 'kdm', nameId: 'Kawasan Dilarang Merokok', nameEn: 'No-smoking areas', groupId: 'Ketertiban Umum', groupEn: 'Public order', defaultAgency: 'satpol-pp', demoWeight: 1100 },
  { code: 'kebisingan', nameId: 'Gangguan dan Kebisingan', nameEn: 'Nuisance and noise', groupId: 'Ketertiban Umum', groupEn: 'Public order', defaultAgency: 'satpol-pp', demoWeight: 5900 },
  { code: 'trantib', nameId: 'Gangguan Ketenteraman dan Ketertiban', nameEn: 'Public peace and order', groupId: 'Ketertiban Umum', groupEn: 'Public order', defaultAgency: 'satpol-pp', demoWeight: 8200, aliases: ['Ketenteraman dan Ketertiban Umum', 'Trantibum'] },
  { code: 'perizinan', nameId: 'Perizinan', nameEn: 'Permits and zoning', groupId: 'Bangunan dan Perizinan', groupEn: 'Buildings and permits', defaultAgency: 'citata', demoWeight: 4100, sla: OFFICE },
  { code: 'pohon', nameId: 'Pohon', nameEn: 'Trees', groupId: 'Lingkungan', groupEn: 'Environment', defaultAgency: 'pertamanan', demoWeight: 19683 },
  { code: 'taman', nameId: 'Taman', nameEn: 'Parks', groupId: 'Lingkungan', groupEn: 'Environment', defaultAgency: 'pertamanan', demoWeight: 2300 },
  { code: 'sampah', nameId: 'Sampah', nameEn: 'Waste', groupId: 'Lingkungan', groupEn: 'Environment', defaultAgency: 'lingkungan-hidup', demoWeight: 9400 },
  { code: 'satwa-liar', nameId: 'Satwa Liar', nameEn: 'Wild animals', groupId: 'Lingkungan', groupEn: 'Environment', defaultAgency: 'gulkarmat', demoWeight: 1500, sla: URGENT },
  { code: 'ppsu', nameId: 'PPSU', nameEn: 'Neighbourhood maintenance crews (PPSU)', groupId: 'Lingkungan', groupEn: 'Environment', defaultAgency: null, demoWeight: 9000, aliases: ['Pekerja Penanganan Prasarana dan Sarana Umum Kelurahan'] },
  { code: 'pmks', nameId: 'PMKS', nameEn: 'People in need of social welfare (PMKS)', groupId: 'Sosial', groupEn: 'Social', defaultAgency: 'sosial', demoWeight: 4200, aliases: ['Penyandang Masalah Kesejahteraan Sosial'] },
  { code: 'keluhan-pelayanan', nameId: 'Keluhan Pelayanan', nameEn: 'Public service complaints', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: null, demoWeight: 4500 },
  { code: 'fasilitas-gedung', nameId: 'Keluhan Fasilitas Gedung Pemda', nameEn: 'Government building facilities', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'citata', demoWeight: 1300 },
  // further categories of the real CRM, seen in its 2023 archive; rarer, so absent from generated data
  { code: 'fasos-fasum', nameId: 'Fasilitas Sosial/Fasilitas Umum (Fasos/Fasum)', nameEn: 'Social and public facilities', groupId: 'Infrastruktur', groupEn: 'Infrastructure', defaultAgency: 'citata', demoWeight: 0 },
  { code: 'jembatan-jpo', nameId: 'Jembatan/JPO/Halte', nameEn: 'Bridges, footbridges and bus stops', groupId: 'Infrastruktur', groupEn: 'Infrastructure', defaultAgency: 'bina-marga', demoWeight: 0 },
  { code: 'tutup-saluran', nameId: 'Tutup Saluran', nameEn: 'Drain covers', groupId: 'Air dan Banjir', groupEn: 'Water and flooding', defaultAgency: 'sda', demoWeight: 0 },
  { code: 'pdam', nameId: 'PDAM/PAM', nameEn: 'Piped water', groupId: 'Air dan Banjir', groupEn: 'Water and flooding', defaultAgency: 'pam-jaya', demoWeight: 0 },
  { code: 'transportasi-publik', nameId: 'Transportasi Publik', nameEn: 'Public transport', groupId: 'Lalu Lintas', groupEn: 'Traffic', defaultAgency: 'transjakarta', demoWeight: 0, aliases: ['Angkutan Umum', 'Transportasi Umum'] },
  { code: 'perlengkapan-lalu-lintas', nameId: 'Perlengkapan Lalu Lintas', nameEn: 'Traffic signs and signals', groupId: 'Lalu Lintas', groupEn: 'Traffic', defaultAgency: 'perhubungan', demoWeight: 0 },
  { code: 'kebakaran', nameId: 'Penanganan Kebakaran', nameEn: 'Fire response', groupId: 'Ketertiban Umum', groupEn: 'Public order', defaultAgency: 'gulkarmat', demoWeight: 0, sla: EMERGENCY },
  { code: 'tata-ruang', nameId: 'Tata Ruang dan Bangunan', nameEn: 'Spatial planning and buildings', groupId: 'Bangunan dan Perizinan', groupEn: 'Buildings and permits', defaultAgency: 'citata', demoWeight: 0 },
  { code: 'pertanahan', nameId: 'Pertanahan', nameEn: 'Land affairs', groupId: 'Bangunan dan Perizinan', groupEn: 'Buildings and permits', defaultAgency: 'citata', demoWeight: 0, sla: OFFICE },
  { code: 'rusun', nameId: 'Rusun/Hunian Vertikal', nameEn: 'Public housing blocks', groupId: 'Bangunan dan Perizinan', groupEn: 'Buildings and permits', defaultAgency: 'dprkp', demoWeight: 0 },
  { code: 'tpu', nameId: 'TPU (Tempat Pemakaman Umum)', nameEn: 'Public cemeteries', groupId: 'Lingkungan', groupEn: 'Environment', defaultAgency: 'pertamanan', demoWeight: 0 },
  { code: 'bansos', nameId: 'Bantuan Sosial', nameEn: 'Social assistance', groupId: 'Sosial', groupEn: 'Social', defaultAgency: 'sosial', demoWeight: 0 },
  { code: 'rptra', nameId: 'RPTRA', nameEn: 'Child-friendly public spaces (RPTRA)', groupId: 'Sosial', groupEn: 'Social', defaultAgency: 'ppapp', demoWeight: 0 },
  { code: 'konflik-sosial', nameId: 'Konflik Sosial', nameEn: 'Social conflict', groupId: 'Sosial', groupEn: 'Social', defaultAgency: 'kesbangpol', demoWeight: 0 },
  { code: 'pbb', nameId: 'Pajak Bumi dan Bangunan (PBB)/BPHTB', nameEn: 'Property tax', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'bapenda', demoWeight: 0, sla: OFFICE },
  { code: 'kepegawaian', nameId: 'Hubungan Kepegawaian', nameEn: 'Civil-service staffing', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'bkd', demoWeight: 0, sla: OFFICE },
  { code: 'pendidikan', nameId: 'Guru/Pendidik dan Tenaga Kependidikan', nameEn: 'Teachers and school staff', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'disdik', demoWeight: 0, sla: OFFICE },
  { code: 'batas-wilayah', nameId: 'Batas Wilayah', nameEn: 'Administrative boundaries', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'biro-pemerintahan', demoWeight: 0, sla: OFFICE },
  { code: 'kerjasama', nameId: 'Fasilitasi Kerjasama/Kolaborasi Pemda DKI', nameEn: 'Partnerships with the city government', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: null, demoWeight: 0 },
  // reports from channels that do not say what they are about wait here until triage
  { code: 'belum-dikategorikan', nameId: 'Belum dikategorikan', nameEn: 'Not yet categorised', groupId: 'Lainnya', groupEn: 'Other', defaultAgency: null, demoWeight: 0 },
  { code: 'pungli', nameId: 'Penyalahgunaan Wewenang / Pungli', nameEn: 'Abuse of authority / extortion', groupId: 'Rahasia', groupEn: 'Confidential', defaultAgency: 'inspektorat', isConfidential: true, demoWeight: 600, aliases: ['Pungutan Liar', 'Penyalahgunaan Wewenang', 'Pungli'] },
  // seen in other slices of the 2023 archive, or named in Pemprov DKI publications (data/REFERENCE.md)
  { code: 'perizinan-perdagangan', nameId: 'Perizinan Bidang Perdagangan', nameEn: 'Trade permits', groupId: 'Bangunan dan Perizinan', groupEn: 'Buildings and permits', defaultAgency: 'ukm', demoWeight: 0, sla: OFFICE },
  { code: 'perizinan-trantib', nameId: 'Perizinan Bidang Ketenteraman, Ketertiban dan Perlindungan Masyarakat', nameEn: 'Public-order permits', groupId: 'Bangunan dan Perizinan', groupEn: 'Buildings and permits', defaultAgency: 'satpol-pp', demoWeight: 0, sla: OFFICE },
  { code: 'perizinan-perumahan', nameId: 'Perizinan Bidang Perumahan dan Kawasan Permukiman', nameEn: 'Housing and settlement permits', groupId: 'Bangunan dan Perizinan', groupEn: 'Buildings and permits', defaultAgency: 'citata', demoWeight: 0, sla: OFFICE },
  { code: 'pelayanan-perhubungan', nameId: 'Pelayanan Perhubungan', nameEn: 'Transport services', groupId: 'Lalu Lintas', groupEn: 'Traffic', defaultAgency: 'perhubungan', demoWeight: 0 },
  { code: 'pencemaran', nameId: 'Pencemaran Lingkungan', nameEn: 'Pollution', groupId: 'Lingkungan', groupEn: 'Environment', defaultAgency: 'lingkungan-hidup', demoWeight: 0, aliases: ['Polusi Udara', 'Pencemaran Udara', 'Pencemaran Air', 'Limbah'] },
  { code: 'perpustakaan', nameId: 'Perpustakaan dan Kearsipan', nameEn: 'Libraries and archives', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'pusip', demoWeight: 0, sla: OFFICE },
  { code: 'ppdb', nameId: 'Pendaftaran (PPDB)', nameEn: 'School admissions (PPDB)', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'disdik', demoWeight: 0, aliases: ['Penerimaan Peserta Didik Baru', 'Sistem Penerimaan Murid Baru (SPMB)'], sla: OFFICE },
  { code: 'adminduk-wna', nameId: 'Layanan Administrasi Kependudukan Orang Asing', nameEn: 'Civil registration of foreign residents', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'dukcapil', demoWeight: 0, sla: OFFICE },
  { code: 'adminduk', nameId: 'Layanan Administrasi Kependudukan', nameEn: 'Civil registration (ID cards, family cards, certificates)', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'dukcapil', demoWeight: 0, aliases: ['Administrasi Kependudukan', 'Kependudukan dan Pencatatan Sipil'], sla: OFFICE },
  { code: 'kesehatan', nameId: 'Layanan Kesehatan', nameEn: 'Health services', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'dinkes', demoWeight: 0, aliases: ['Kesehatan', 'Fasilitas Kesehatan', 'COVID-19', 'Vaksinasi COVID-19'] },
  { code: 'ketenagakerjaan', nameId: 'Ketenagakerjaan', nameEn: 'Employment', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'nakertransgi', demoWeight: 0, sla: OFFICE },
  { code: 'pajak-daerah', nameId: 'Pajak Daerah', nameEn: 'Local taxes', groupId: 'Pelayanan', groupEn: 'Services', defaultAgency: 'bapenda', demoWeight: 0, aliases: ['Pajak Kendaraan Bermotor', 'Pajak Reklame'], sla: OFFICE },
];

/** The category of reports whose category is not known yet: they wait in triage. */
export const UNCATEGORISED = 'belum-dikategorikan';
