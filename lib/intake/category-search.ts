/**
 * The words people use for a problem, per category code: citizens type "lubang" or "macet", not
 * the CRM's "Jalan" or "Arus Lalu Lintas". Bahasa Indonesia first, everyday Jakarta words and
 * abbreviations included, with a few English words for the English form.
 */
export const CATEGORY_SYNONYMS: Record<string, string[]> = {
  jalan: ['lubang', 'jalan berlubang', 'jalan rusak', 'aspal', 'retak', 'amblas', 'ambles', 'polisi tidur', 'pothole', 'road'],
  trotoar: ['pedestrian', 'pejalan kaki', 'paving', 'ubin', 'guiding block', 'sidewalk', 'pavement'],
  'jaringan-listrik': ['lampu jalan', 'pju', 'lampu mati', 'penerangan', 'gelap', 'kabel listrik', 'tiang listrik', 'pln', 'korsleting', 'street light'],
  telekomunikasi: ['kabel semrawut', 'kabel menjuntai', 'kabel optik', 'fiber', 'tiang kabel', 'bts', 'menara'],
  'saluran-air': ['banjir', 'genangan', 'got', 'selokan', 'drainase', 'gorong-gorong', 'mampet', 'tersumbat', 'kali', 'sungai', 'drain'],
  banjir: ['banjir', 'genangan', 'kebanjiran', 'rob', 'air naik', 'pompa', 'tanggul', 'flood'],
  'parkir-liar': ['parkir', 'parkir sembarangan', 'juru parkir', 'jukir', 'parking'],
  'lalu-lintas': ['macet', 'kemacetan', 'lalin', 'putar balik', 'traffic jam', 'congestion'],
  'pkl-liar': ['pkl', 'pedagang kaki lima', 'pedagang', 'lapak', 'gerobak', 'jualan', 'street vendor'],
  'pkl-binaan': ['pkl', 'lokbin', 'loksem'],
  reklame: ['baliho', 'spanduk', 'billboard', 'poster', 'iklan', 'umbul-umbul'],
  kdm: ['rokok', 'merokok', 'asap rokok', 'smoking'],
  kebisingan: ['berisik', 'bising', 'suara keras', 'musik keras', 'sound system', 'knalpot', 'noise'],
  trantib: ['tawuran', 'keributan', 'mabuk', 'preman', 'balap liar', 'judi', 'ormas'],
  perizinan: ['izin', 'ijin', 'imb', 'pbg', 'tanpa izin', 'permit'],
  pohon: ['pohon tumbang', 'tumbang', 'dahan', 'ranting', 'pangkas', 'pemangkasan', 'tree'],
  taman: ['rumput', 'bangku taman', 'park'],
  sampah: ['tumpukan sampah', 'buang sampah', 'tps', 'bau', 'limbah', 'garbage', 'trash', 'rubbish'],
  'satwa-liar': ['ular', 'biawak', 'monyet', 'tawon', 'sarang tawon', 'lebah', 'buaya', 'snake'],
  ppsu: ['pasukan oranye', 'oranye', 'petugas kebersihan'],
  pmks: ['gelandangan', 'pengemis', 'anak jalanan', 'odgj', 'manusia gerobak', 'pengamen', 'homeless', 'beggar'],
  'keluhan-pelayanan': ['pelayanan', 'petugas', 'antre', 'antri', 'lambat', 'ktp', 'kk', 'dukcapil'],
  'fasilitas-gedung': ['gedung', 'kantor kelurahan', 'kantor kecamatan', 'toilet', 'lift'],
  'fasos-fasum': ['fasum', 'fasos', 'fasilitas umum'],
  'jembatan-jpo': ['jembatan', 'jpo', 'jembatan penyeberangan', 'halte', 'bus stop', 'bridge'],
  'tutup-saluran': ['tutup got', 'lubang got', 'penutup saluran', 'manhole', 'drain cover'],
  pdam: ['air mati', 'air bersih', 'air keruh', 'pipa bocor', 'pam', 'pdam', 'ledeng', 'water'],
  'transportasi-publik': ['transjakarta', 'busway', 'angkot', 'mikrotrans', 'jaklingko', 'krl', 'mrt', 'lrt', 'bus'],
  'perlengkapan-lalu-lintas': ['lampu merah', 'lampu lalu lintas', 'apill', 'rambu', 'marka', 'zebra cross', 'traffic light'],
  kebakaran: ['api', 'terbakar', 'damkar', 'hidran', 'fire'],
  'tata-ruang': ['bangunan liar', 'bangli', 'zonasi', 'tata ruang'],
  pertanahan: ['tanah', 'sertifikat', 'sengketa tanah', 'lahan'],
  rusun: ['rusunawa', 'rusunami', 'apartemen'],
  tpu: ['makam', 'kuburan', 'pemakaman', 'cemetery'],
  bansos: ['bantuan', 'kjp', 'kjmu', 'sembako', 'blt'],
  rptra: ['taman bermain', 'ruang bermain', 'playground'],
  'konflik-sosial': ['konflik', 'bentrok', 'sara'],
  pbb: ['pajak', 'njop'],
  kepegawaian: ['asn', 'pns', 'pegawai'],
  pendidikan: ['guru', 'sekolah', 'pendidik'],
  'batas-wilayah': ['batas', 'rt', 'rw'],
  kerjasama: ['kolaborasi', 'csr'],
  pungli: ['pungli', 'pungutan liar', 'suap', 'sogok', 'korupsi', 'uang pelicin', 'calo', 'bribe'],
};

export interface SearchableCategory {
  code: string;
  name: string;
  group: string;
}

/** Lower case, no accents or punctuation, single spaces: "Saluran Air, Kali/Sungai" → "saluran air kali sungai". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const words = (text: string) => normalise(text).split(' ').filter(Boolean);

/**
 * How well one category fits the query (0 = not at all). Every word typed must begin a word of
 * the category's name, group, code or synonyms; a whole synonym or name typed out ranks first,
 * then words of the name, then the rest.
 */
export function categoryScore(category: SearchableCategory, query: string): number {
  const q = normalise(query);
  if (!q) return 0;
  const synonyms = (CATEGORY_SYNONYMS[category.code] ?? []).map(normalise);
  const nameWords = words(category.name);
  const queryWords = q.split(' ');
  const all = [...nameWords, ...words(category.group), ...words(category.code), ...synonyms.flatMap((s) => s.split(' '))];
  if (!queryWords.every((w) => all.some((a) => a.startsWith(w)))) return 0;
  // among equals, the category whose own name says it: "banjir" → Penanganan Banjir, then Saluran Air
  const inName = queryWords.every((w) => nameWords.some((a) => a.startsWith(w))) ? 0.5 : 0;
  if (normalise(category.name) === q || synonyms.includes(q)) return 4 + inName;
  if (synonyms.some((s) => s.startsWith(q) || s.includes(` ${q}`))) return 3 + inName;
  return inName ? 2 : 1;
}

/** The categories that fit the query, best first (the list's own order among equals). */
export function searchCategories<T extends SearchableCategory>(categories: T[], query: string): T[] {
  if (!normalise(query)) return categories;
  return categories
    .map((category, index) => ({ category, index, score: categoryScore(category, query) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.category);
}
