/**
 * Text templates for the demo-data generator: complaint descriptions, official responses and
 * rating comments in Bahasa Indonesia, written in the register of citizen reports to Jakarta's
 * CRM (informal, sometimes terse, sometimes long).
 *
 * Every text is assembled from parts (opening / problem / detail / duration / plea) with slots,
 * so thousands of generated reports do not look identical. All texts here are original; none is
 * taken from real reports. Generated text never contains phone numbers, e-mail addresses or
 * people's names.
 *
 * Everything is pure and deterministic: the only source of randomness is the `rand` argument,
 * always used as `Math.floor(rand() * n)`.
 */

/** A deterministic random source in [0, 1). */
export type Rand = () => number;

type Step =
  | 'diterima'
  | 'koordinasi'
  | 'disposisi'
  | 'tindak_lanjut'
  | 'validasi_ditolak'
  | 'ditolak'
  | 'dibuka_kembali';

/** Per-category text material. `{loc}` is a location phrase; `{street}` / `{kel}` are the raw names. */
interface CategoryBank {
  /** Full problem clauses, starting in lower case, usually containing `{loc}`. */
  problems: string[];
  /** Terse keyword-style problems used in one-line reports (the location is appended). */
  short: string[];
  /** Extra detail sentences (what it looks like, who is affected). */
  details: string[];
  /** Category-specific consequences (clause, lower case); generic ones are used too. */
  impacts?: string[];
  /** Category-specific pleas (full sentence); generic ones are used too. */
  pleas?: string[];
  /** Follow-up work texts written by the handling unit. */
  followUps: string[];
  /** What a citizen says is still wrong when reopening (clause, lower case). */
  remaining: string[];
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

/** Picks an item different from `avoid` (when the list has more than one item). */
function pickOther<T>(rand: Rand, items: readonly T[], avoid: T): T {
  const rest = items.filter((x) => x !== avoid);
  return rest.length > 0 ? pick(rand, rest) : avoid;
}

function chance(rand: Rand, p: number): boolean {
  return Math.floor(rand() * 1000) < p * 1000;
}

function capitalize(s: string): string {
  return s.length > 0 ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Joins parts into sentences: capitalised, each ending in punctuation. */
function sentences(parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const s = capitalize(p);
      return /[.!?]$/.test(s) ? s : `${s}.`;
    })
    .join(' ');
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "RT 03/RW 07" */
function rtRw(rand: Rand): string {
  return `RT ${pad2(1 + Math.floor(rand() * 15))}/RW ${pad2(1 + Math.floor(rand() * 12))}`;
}

/** True for landmark-style places such as "dekat Pasar Senen" that already carry a preposition. */
function hasPreposition(street: string): boolean {
  return /^(dekat|depan|samping|belakang|seberang|sekitar|ujung|pertigaan|perempatan)\b/i.test(
    street,
  );
}

// ---------------------------------------------------------------------------
// Streets and landmarks
// ---------------------------------------------------------------------------

const STREETS = [
  'Jl. Kramat Raya',
  'Jl. Salemba Raya',
  'Jl. Pramuka',
  'Jl. Matraman Raya',
  'Jl. Kalimalang',
  'Jl. Raya Bogor',
  'Jl. Pemuda',
  'Jl. Pegangsaan Dua',
  'Jl. Kemang Raya',
  'Jl. Ciledug Raya',
  'Jl. Panjang',
  'Jl. Kebon Jeruk Raya',
  'Jl. Tanjung Duren Raya',
  'Jl. Pluit Raya',
  'Jl. Muara Karang',
  'Jl. Boulevard Raya',
  'Jl. Raya Pasar Minggu',
  'Jl. Warung Buncit Raya',
  'Jl. Mampang Prapatan Raya',
  'Jl. Tebet Raya',
  'Jl. Casablanca',
  'Jl. Cikini Raya',
  'Jl. Balai Pustaka',
  'Jl. Rawamangun Muka',
  'Jl. Kayu Putih Raya',
  'Jl. Kampung Melayu Besar',
  'Jl. Jatinegara Barat',
  'Jl. Bekasi Raya',
  'Jl. Cipinang Jaya',
  'Jl. Duren Tiga',
  'Jl. Kalibata Raya',
  'Jl. Raya Ragunan',
  'Jl. Lenteng Agung Raya',
  'Jl. Raya Condet',
  'Jl. Cempaka Putih Raya',
  'Jl. Percetakan Negara',
  'Jl. Gunung Sahari Raya',
  'Jl. Mangga Besar Raya',
  'Jl. Pintu Besar',
  'Jl. Kebon Sirih',
  'Jl. Cideng Barat',
  'Jl. Palmerah Barat',
  'Jl. Kemanggisan Raya',
  'Jl. Meruya Ilir',
  'Jl. Kembangan Raya',
  'Jl. Enggano',
  'Jl. Plumpang Semper',
  'Jl. Danau Sunter Utara',
  'Jl. Pademangan Raya',
  'Jl. Cilincing Raya',
  'Jl. Kramat Sentiong',
  'Jl. Rawa Belong',
  'Jl. Kemandoran',
  'Jl. Pesanggrahan Raya',
  'Jl. Bintaro Raya',
  'Jl. Cipete Raya',
  'Jl. Ampera Raya',
  'Jl. Cilandak KKO',
  'Jl. Jagakarsa Raya',
  'Jl. Kebon Baru',
  'Jl. Swadaya',
  'Jl. Masjid',
  'Jl. Pulo Gadung',
  'Jl. Pisangan Lama',
  'Jl. Kampung Bali',
];

const GANG_NAMES = [
  'Masjid',
  'Mushola',
  'Langgar',
  'Sawo',
  'Melati',
  'Rambutan',
  'Kenari',
  'Mangga',
  'Delima',
  'Kober',
  'Sekolah',
  'Bambu',
  'Damai',
  'Kelapa',
  'Haji',
  'Buntu',
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

const LANDMARKS = [
  'Pasar Senen',
  'Stasiun Manggarai',
  'Terminal Kampung Melayu',
  'Halte Transjakarta Harmoni',
  'Pasar Minggu',
  'Stasiun Tebet',
  'Pasar Jatinegara',
  'Pasar Tanah Abang',
  'RSUD Tarakan',
  'Stasiun Duri',
  'Pasar Kramat Jati',
  'Terminal Pulo Gadung',
  'Terminal Blok M',
  'Stasiun Pasar Senen',
  'Kantor Kelurahan',
  'Kantor Kecamatan',
  'Puskesmas Kecamatan',
  'Masjid Raya',
  'Pasar Rawa Bening',
  'Stasiun Cawang',
  'flyover Pramuka',
  'kolong tol',
  'pintu air',
  'SDN setempat',
];

const LANDMARK_PREPS = ['dekat', 'depan', 'samping', 'seberang', 'belakang'];

/** A short street / landmark name typical of Jakarta (e.g. "Jl. Kramat Raya", "Gang Masjid", "dekat Pasar Senen"). */
export function pickStreet(rand: Rand): string {
  const kind = Math.floor(rand() * 10);
  if (kind < 6) return pick(rand, STREETS);
  if (kind < 8) {
    const name = `Gang ${pick(rand, GANG_NAMES)}`;
    return chance(rand, 0.4) ? `${name} ${pick(rand, ROMAN)}` : name;
  }
  return `${pick(rand, LANDMARK_PREPS)} ${pick(rand, LANDMARKS)}`;
}

/** A location phrase with `{street}` / `{kel}` slots; a few are vague (no place name at all). */
function locationPhrase(rand: Rand, street: string): string {
  const at = hasPreposition(street) ? '{street}' : 'di {street}';
  const around = hasPreposition(street) ? '{street}' : 'di sekitar {street}';
  const forms = [
    () => at,
    () => at,
    () => `${at}, Kelurahan {kel}`,
    () => `${at} Kel. {kel}`,
    () => `${at} ${rtRw(rand)}`,
    () => `${around}`,
    () => 'di wilayah Kelurahan {kel}',
    () => `di lingkungan ${rtRw(rand)} Kelurahan {kel}`,
    () => `${at} arah ke Kelurahan {kel}`,
    () => `${at}, {kel}`,
    () => 'di dekat rumah saya',
    () => 'di lingkungan kami',
  ];
  return pick(rand, forms)();
}

// ---------------------------------------------------------------------------
// Shared parts
// ---------------------------------------------------------------------------

const OPENINGS = [
  'Selamat pagi, saya ingin melaporkan',
  'Lapor pak,',
  'Mohon izin melapor,',
  'Permisi, mau lapor',
  'Assalamualaikum, izin menyampaikan keluhan warga:',
  'Saya warga setempat ingin menyampaikan bahwa',
  'Mau menyampaikan keluhan,',
  'Halo admin,',
  'Kepada petugas terkait,',
  'Selamat siang,',
  'Selamat malam pak, maaf mengganggu,',
  'Melalui aplikasi ini saya menyampaikan bahwa',
];

/** Sentence-initial time phrases that read well followed by a problem clause. */
const SINCE = [
  'Sudah seminggu ini',
  'Sejak kemarin',
  'Sudah berbulan-bulan',
  'Dari awal bulan',
  'Hampir tiap hari',
  'Akhir-akhir ini',
  'Sejak musim hujan',
];

const DURATIONS = [
  'Sudah lebih dari seminggu dibiarkan',
  'Sudah lama dibiarkan begitu saja',
  'Kondisi ini sudah berlangsung sekitar dua bulan',
  'Sudah hampir sebulan belum ada penanganan',
  'Kejadiannya berulang terus',
  'Sudah pernah dilaporkan sebelumnya tapi belum ada tindak lanjut',
  'Baru terjadi sejak kemarin sore',
  'Dari awal tahun kondisinya begini terus',
  'Sudah 3 minggu tidak ada perubahan',
  'Sudah dua kali saya lapor, sampai sekarang belum ada yang datang',
  'Warga sudah lapor ke RT tapi katanya harus lewat aplikasi',
];

const IMPACTS = [
  'sangat mengganggu warga',
  'bikin resah warga sekitar',
  'warga jadi tidak nyaman',
  'meresahkan sekali',
  'sangat mengganggu aktivitas warga',
  'kasihan warga yang tiap hari lewat situ',
];

const PLEAS = [
  'Mohon segera ditindaklanjuti.',
  'Tolong segera ditangani, terima kasih.',
  'Mohon bantuannya pak.',
  'Mohon petugas terkait segera turun ke lokasi.',
  'Terima kasih atas perhatiannya.',
  'Tolong dicek ke lokasi ya pak, terima kasih.',
  'Mohon perhatiannya.',
  'Mohon segera ditindaklanjuti, terima kasih.',
  'Semoga cepat direspon.',
  'Mohon jangan sampai dibiarkan lagi.',
];

/** Short pleas for one-line reports (no final punctuation). */
const TERSE_PLEAS = [
  'mohon segera ditindaklanjuti',
  'tolong dicek',
  'mohon ditangani',
  'tolong segera pak',
  'mohon bantuannya',
  'sudah lama dibiarkan',
  'sangat mengganggu',
];

const QUESTIONS = [
  'Kapan mau ditangani?',
  'Apa tidak ada petugas yang cek ke lapangan?',
  'Sampai kapan mau dibiarkan seperti ini?',
  'Laporan sebelumnya kenapa ditutup padahal belum beres?',
];

/** Informal spellings used in casual reports. */
const INFORMAL: [RegExp, string[]][] = [
  [/\byang\b/g, ['yg']],
  [/\bsudah\b/g, ['sdh', 'udah']],
  [/\btidak\b/g, ['tdk', 'gak']],
  [/\buntuk\b/g, ['utk']],
  [/\bdengan\b/g, ['dgn']],
  [/\bkarena\b/g, ['krn']],
  [/\bsampai\b/g, ['sampe']],
  [/\bsaja\b/g, ['aja']],
  [/\bterima kasih\b/g, ['trims', 'makasih']],
  [/\bsegera\b/g, ['segera', 'secepatnya']],
];

function informalize(text: string, rand: Rand): string {
  let out = text;
  for (const [re, subs] of INFORMAL) {
    out = out.replace(re, (word) => (chance(rand, 0.6) ? pick(rand, subs) : word));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Category banks
// ---------------------------------------------------------------------------

const BANKS: Record<string, CategoryBank> = {
  jalan: {
    problems: [
      'jalan berlubang cukup dalam {loc}',
      'ada lubang besar di tengah badan jalan {loc}',
      'aspal {loc} rusak parah dan bergelombang',
      'jalan {loc} amblas di sisi kiri dekat saluran',
      'tutup gorong-gorong di badan jalan {loc} ambles sehingga jalan jadi berlubang',
      'bekas galian kabel {loc} tidak dirapikan kembali, aspalnya dibiarkan terbuka',
      'permukaan jalan {loc} retak-retak dan mulai mengelupas',
      'banyak lubang kecil berderet {loc}, kalau hujan jadi kubangan',
      'tambalan jalan {loc} sudah lepas lagi padahal baru ditambal',
      'polisi tidur {loc} terlalu tinggi dan tidak dicat, motor sering mentok',
      'ada beton jalan yang patah dan menonjol {loc}',
      'paving block jalan lingkungan {loc} banyak yang lepas dan berserakan',
      'sambungan jalan {loc} turun, ada beda tinggi cukup tajam',
      'jalan {loc} rusak setelah dilewati truk proyek tiap hari',
    ],
    short: ['jalan berlubang', 'jalan rusak', 'aspal bolong', 'lubang jalan', 'jalan amblas'],
    details: [
      'Sudah beberapa kali ada pengendara motor yang jatuh di situ',
      'Kalau malam lubangnya tidak kelihatan karena penerangan kurang',
      'Lubangnya kira-kira selebar ban mobil',
      'Saat hujan lubangnya tertutup genangan sehingga tidak terlihat',
      'Kendaraan terpaksa zig-zag menghindari lubang dan bikin macet',
      'Lokasinya persis sebelum tikungan',
      'Yang lewat banyak anak sekolah naik sepeda',
      'Warga sempat menutup pakai batu dan kayu tapi sudah hanyut lagi',
    ],
    impacts: ['membahayakan pengendara motor', 'rawan kecelakaan', 'bikin ban cepat rusak'],
    pleas: [
      'Mohon segera ditambal sebelum ada korban.',
      'Tolong segera diaspal ulang pak.',
      'Mohon diperbaiki secepatnya.',
    ],
    followUps: [
      'Telah dilakukan penambalan jalan berlubang di lokasi oleh Satgas Jalan Suku Dinas Bina Marga. Terima kasih atas laporannya.',
      'Telah dilakukan perbaikan dan pengaspalan ulang pada titik kerusakan jalan sesuai lokasi laporan.',
      'Telah dilakukan penambalan sementara menggunakan aspal dingin; perbaikan permanen dijadwalkan dalam kegiatan pemeliharaan berkala.',
      'Telah dilakukan perapihan bekas galian dan penambalan jalan dengan aspal hotmix.',
      'Telah dilakukan perbaikan jalan amblas dan pemadatan ulang lapisan jalan di lokasi.',
    ],
    remaining: [
      'lubangnya masih ada',
      'tambalannya sudah lepas lagi',
      'baru sebagian yang ditambal, sisanya masih bolong',
      'yang diperbaiki bukan titik yang saya laporkan',
    ],
  },

  trotoar: {
    problems: [
      'trotoar {loc} banyak yang rusak dan ubinnya lepas',
      'trotoar {loc} amblas, pejalan kaki terpaksa turun ke jalan',
      'jalur pemandu tunanetra {loc} terputus dan sebagian sudah pecah',
      'trotoar {loc} dipakai motor untuk jalan pintas',
      'ada lubang besar di trotoar {loc} bekas tutup saluran yang hilang',
      'bollard trotoar {loc} banyak yang patah dan besinya mencuat',
      'trotoar {loc} terlalu sempit dan tertutup tiang',
    ],
    short: ['trotoar rusak', 'trotoar berlubang', 'ubin trotoar lepas'],
    details: [
      'Pejalan kaki, terutama lansia, jadi kesulitan lewat',
      'Pengguna kursi roda tidak bisa melintas sama sekali',
      'Sudah ada yang tersandung di situ',
      'Kalau malam sangat berbahaya karena gelap',
      'Lubangnya cukup dalam, kaki bisa masuk',
    ],
    impacts: ['membahayakan pejalan kaki', 'bikin pejalan kaki tidak nyaman'],
    followUps: [
      'Telah dilakukan perbaikan trotoar dan pemasangan kembali ubin yang lepas oleh Suku Dinas Bina Marga.',
      'Telah dilakukan penutupan lubang pada trotoar serta pemasangan tutup saluran yang baru.',
      'Telah dilakukan pemasangan kembali bollard yang rusak dan perapihan jalur pemandu tunanetra.',
      'Telah dilakukan perbaikan trotoar amblas dan pengecoran ulang di lokasi.',
    ],
    remaining: ['ubinnya masih banyak yang lepas', 'lubang di trotoar belum ditutup'],
  },

  'jaringan-listrik': {
    problems: [
      'lampu penerangan jalan umum {loc} mati sudah lama',
      'beberapa tiang PJU {loc} padam sehingga jalan gelap gulita',
      'lampu jalan {loc} nyala-mati terus',
      'kabel listrik {loc} menjuntai rendah hampir kena kepala',
      'tiang listrik {loc} miring dan dikhawatirkan roboh',
      'lampu PJU {loc} malah menyala di siang hari',
      'ada kabel terkelupas di tiang lampu {loc}, takut kesetrum',
    ],
    short: ['PJU mati', 'lampu jalan padam', 'kabel listrik menjuntai'],
    details: [
      'Jalanan jadi rawan kejahatan di malam hari',
      'Minggu lalu ada kejadian jambret karena gelap',
      'Warga yang pulang kerja malam merasa tidak aman',
      'Anak-anak sering main di dekat tiang itu',
      'Yang padam kurang lebih lima tiang berturut-turut',
    ],
    impacts: ['rawan kejahatan', 'berbahaya untuk pengendara'],
    followUps: [
      'Telah dilakukan penggantian lampu PJU yang padam oleh Satuan Pelaksana Penerangan Jalan Umum Suku Dinas Bina Marga.',
      'Telah dilakukan perbaikan instalasi dan penggantian kabel pada tiang PJU di lokasi.',
      'Telah dilakukan perapihan kabel yang menjuntai berkoordinasi dengan pihak PLN.',
      'Telah dilakukan penegakan tiang yang miring dan pemeriksaan sambungan listrik.',
    ],
    remaining: ['lampunya masih mati', 'sempat menyala sehari lalu padam lagi'],
  },

  telekomunikasi: {
    problems: [
      'kabel fiber optik {loc} menjuntai sampai hampir menyentuh jalan',
      'kabel-kabel provider {loc} semrawut dan melintang rendah',
      'tiang telekomunikasi {loc} miring ke arah rumah warga',
      'ada gulungan kabel bekas ditinggal di tiang {loc}',
      'kabel putus {loc} tergeletak di trotoar',
      'pembangunan menara BTS {loc} tanpa sosialisasi ke warga',
      'tiang provider baru dipasang di tengah trotoar {loc}',
    ],
    short: ['kabel menjuntai', 'kabel semrawut', 'tiang provider miring'],
    details: [
      'Truk yang lewat sering tersangkut kabelnya',
      'Pengendara motor bisa terjerat kalau malam',
      'Tidak jelas kabel itu milik provider mana',
      'Pemandangan jadi kumuh',
      'Kabelnya sudah diikat warga pakai tali rafia tapi turun lagi',
    ],
    impacts: ['membahayakan pengendara', 'bikin semrawut'],
    followUps: [
      'Telah dilakukan penertiban dan perapihan kabel udara bersama pihak penyedia jaringan.',
      'Telah dilakukan pemotongan kabel yang tidak terpakai dan penegakan tiang yang miring.',
      'Telah dilakukan koordinasi dengan operator pemilik kabel; kabel yang menjuntai telah dinaikkan dan diikat kembali.',
      'Telah dilakukan pemeriksaan izin penempatan tiang dan pemindahan tiang dari jalur pejalan kaki.',
    ],
    remaining: ['kabelnya masih menjuntai', 'tiangnya masih miring'],
  },

  'saluran-air': {
    problems: [
      'saluran air {loc} mampet penuh sampah dan lumpur',
      'got {loc} tersumbat sehingga air tidak mengalir',
      'kali {loc} dangkal karena endapan lumpur',
      'tutup saluran {loc} jebol dan berlubang',
      'air got {loc} hitam dan bau menyengat',
      'eceng gondok menutupi permukaan kali {loc}',
      'turap kali {loc} longsor sebagian',
    ],
    short: ['saluran mampet', 'got tersumbat', 'kali dangkal'],
    details: [
      'Kalau hujan sebentar saja air langsung meluap ke jalan',
      'Baunya tercium sampai ke dalam rumah',
      'Jadi sarang nyamuk, warga takut DBD',
      'Sampahnya kebanyakan plastik dan styrofoam',
      'Airnya sama sekali tidak bergerak',
    ],
    impacts: ['bikin genangan', 'bau tidak sedap'],
    pleas: ['Mohon segera dikeruk.', 'Tolong dibersihkan sebelum musim hujan.'],
    followUps: [
      'Telah dilakukan pengerukan lumpur dan pembersihan saluran oleh Satgas Sumber Daya Air.',
      'Telah dilakukan pengangkatan sampah dan sedimen di kali; aliran air kembali lancar.',
      'Telah dilakukan penggantian tutup saluran yang rusak di lokasi.',
      'Telah dilakukan pembersihan eceng gondok menggunakan alat berat amfibi.',
      'Telah dilakukan perbaikan turap yang longsor dan pemasangan karung pasir sementara.',
    ],
    remaining: ['lumpurnya masih tinggi', 'airnya masih tidak mengalir'],
  },

  banjir: {
    problems: [
      'banjir {loc} setinggi lutut dan belum surut',
      'setiap hujan deras jalan {loc} selalu tergenang',
      'genangan air {loc} masih belum surut dari semalam',
      'air sudah masuk ke rumah warga {loc}',
      'pompa air {loc} sepertinya tidak berfungsi saat hujan',
      'tanggul {loc} rembes dan air mulai masuk permukiman',
    ],
    short: ['banjir', 'genangan tinggi', 'air belum surut'],
    details: [
      'Banyak kendaraan mogok',
      'Ada warga lansia yang butuh bantuan evakuasi',
      'Ketinggian air sekitar 50 cm dan terus naik',
      'Anak-anak tidak bisa berangkat sekolah',
      'Saluran di sekitarnya juga penuh sampah',
    ],
    impacts: ['akses warga terputus', 'warga tidak bisa keluar rumah'],
    pleas: ['Mohon segera dikirim pompa.', 'Mohon bantuan penyedotan secepatnya.'],
    followUps: [
      'Telah dilakukan penyedotan genangan menggunakan pompa mobile oleh Suku Dinas Sumber Daya Air.',
      'Telah dilakukan pembersihan saluran penghubung sehingga genangan sudah surut.',
      'Telah dilakukan pengecekan dan perbaikan pompa stasioner di lokasi.',
      'Telah dilakukan penanganan rembesan tanggul dengan karung pasir; genangan sudah surut.',
    ],
    remaining: ['masih tergenang', 'air belum surut juga'],
  },

  'parkir-liar': {
    problems: [
      'parkir liar di bahu jalan {loc} bikin macet',
      'banyak mobil parkir sembarangan {loc} sampai makan setengah jalan',
      'motor-motor parkir di atas trotoar {loc}',
      'ada juru parkir liar {loc} yang memungut tarif seenaknya',
      'mobil parkir di depan pagar rumah warga {loc}, kami tidak bisa keluar',
      'bengkel {loc} memakai badan jalan untuk parkir kendaraan servis',
      'ojek online ngetem berjejer {loc}',
      'truk besar parkir menginap {loc} tiap malam',
      'mobil parkir berlapis dua {loc}',
      'rumah makan {loc} memarkir kendaraan pengunjung di badan jalan',
      'showroom mobil {loc} memajang dagangan di pinggir jalan',
      'mobil-mobil parkir permanen {loc} seperti garasi pribadi',
      'bus pariwisata parkir {loc} sampai menutup satu lajur',
    ],
    short: ['parkir liar', 'parkir sembarangan', 'jukir liar', 'mobil parkir di trotoar'],
    details: [
      'Jalan yang tadinya dua lajur tinggal satu',
      'Pejalan kaki jadi harus jalan di badan jalan',
      'Kejadiannya hampir setiap hari terutama sore',
      'Mobil pemadam atau ambulans bisa kesulitan lewat',
      'Kalau ditegur malah marah-marah',
      'Ada rambu dilarang parkir tapi tidak digubris',
      'Biasanya ramai mulai jam 5 sore sampai malam',
    ],
    impacts: ['bikin macet panjang', 'mengganggu arus lalu lintas', 'menghalangi pejalan kaki'],
    pleas: [
      'Mohon diderek saja biar ada efek jera.',
      'Tolong Dishub rutin patroli di lokasi ini.',
      'Mohon ditertibkan.',
      'Mohon ditindak tegas.',
    ],
    followUps: [
      'Telah dilakukan penertiban parkir liar dan penderekan kendaraan yang melanggar oleh Suku Dinas Perhubungan.',
      'Telah dilakukan penertiban; kendaraan roda dua diangkut dan kendaraan roda empat dikenakan cabut pentil serta penderekan.',
      'Telah dilakukan penertiban parkir liar dan penderekan kendaraan; petugas akan melakukan patroli rutin di lokasi.',
      'Telah dilakukan penertiban juru parkir liar bersama Satpol PP serta pemasangan rambu larangan parkir.',
      'Telah dilakukan penertiban dan penderekan kendaraan yang parkir di bahu jalan dan trotoar.',
    ],
    remaining: [
      'masih ada yang parkir di situ',
      'besoknya sudah parkir lagi',
      'jukirnya masih ada tiap sore',
    ],
  },

  'lalu-lintas': {
    problems: [
      'lampu lalu lintas {loc} mati',
      'kemacetan parah {loc} tiap jam pulang kantor',
      'banyak pengendara melawan arus {loc}',
      'angkot ngetem sembarangan {loc} menyebabkan antrean panjang',
      'putaran balik {loc} selalu semrawut tanpa petugas',
      'rambu lalu lintas {loc} hilang dan tertutup dahan',
      'marka jalan {loc} sudah pudar tidak kelihatan',
    ],
    short: ['macet parah', 'lampu merah mati', 'lawan arus'],
    details: [
      'Sering hampir terjadi tabrakan',
      'Antrean kendaraan bisa sampai ratusan meter',
      'Tidak ada petugas yang mengatur',
      'Paling parah pagi hari saat jam berangkat sekolah',
    ],
    impacts: ['rawan kecelakaan', 'bikin macet panjang'],
    followUps: [
      'Telah dilakukan pengaturan lalu lintas oleh petugas Dinas Perhubungan pada jam sibuk.',
      'Telah dilakukan perbaikan lampu lalu lintas (APILL) dan pengaturan ulang durasi lampu.',
      'Telah dilakukan pengecatan ulang marka jalan dan pemasangan rambu yang hilang.',
      'Telah dilakukan penertiban angkutan umum yang ngetem dan penindakan pengendara yang melawan arus.',
    ],
    remaining: ['masih macet', 'lampunya mati lagi'],
  },

  'pkl-liar': {
    problems: [
      'pedagang kaki lima berjualan di atas trotoar {loc}',
      'PKL {loc} menutup setengah badan jalan',
      'lapak pedagang {loc} dibangun semi permanen di atas saluran',
      'gerobak pedagang ditinggal menginap {loc}',
      'pedagang buah {loc} berjualan sampai ke tengah jalan',
      'PKL kembali berjualan {loc} padahal sudah pernah ditertibkan',
      'tenda pedagang malam {loc} dipasang di jalur pejalan kaki',
    ],
    short: ['PKL liar', 'pedagang di trotoar', 'lapak liar'],
    details: [
      'Sampah sisa dagangan dibuang ke got',
      'Pejalan kaki terpaksa lewat jalan raya',
      'Habis ditertibkan seminggu kemudian balik lagi',
      'Lapaknya makin hari makin banyak',
    ],
    impacts: ['menghalangi pejalan kaki', 'bikin kumuh'],
    followUps: [
      'Telah dilakukan penertiban PKL oleh Satpol PP dan pedagang diarahkan ke lokasi binaan.',
      'Telah dilakukan penertiban serta pengangkutan lapak dan gerobak yang ditinggal di lokasi.',
      'Telah dilakukan pembinaan dan penertiban pedagang; lokasi akan diawasi secara rutin.',
      'Telah dilakukan pembongkaran lapak semi permanen di atas saluran.',
    ],
    remaining: ['pedagangnya sudah balik lagi', 'lapaknya masih ada'],
  },

  'pkl-binaan': {
    problems: [
      'lokasi binaan PKL {loc} kondisinya kumuh dan atapnya bocor',
      'kios di lokasi binaan {loc} banyak yang kosong tapi pedagang malah jualan di luar',
      'toilet di lokasi sementara PKL {loc} rusak dan tidak terawat',
      'penerangan di lokasi binaan {loc} mati sehingga pembeli sepi',
      'saluran air di sentra kuliner {loc} mampet',
      'lantai lokasi binaan {loc} becek dan licin',
    ],
    short: ['lokasi binaan kumuh', 'sentra PKL rusak'],
    details: [
      'Pembeli jadi malas datang',
      'Pedagang sudah mengeluh ke pengelola tapi belum ada perbaikan',
      'Kalau hujan pedagang terpaksa tutup',
      'Tempat sampahnya juga sudah penuh',
    ],
    followUps: [
      'Telah dilakukan perbaikan atap dan penerangan di lokasi binaan oleh Suku Dinas PPKUKM.',
      'Telah dilakukan pembersihan dan perbaikan fasilitas toilet di lokasi binaan.',
      'Telah dilakukan pendataan ulang dan penataan pedagang di lokasi binaan.',
      'Telah dilakukan perbaikan saluran dan lantai di sentra kuliner.',
    ],
    remaining: ['atapnya masih bocor', 'toiletnya masih rusak'],
  },

  reklame: {
    problems: [
      'spanduk liar dipasang di pohon dan tiang listrik {loc}',
      'baliho {loc} sudah robek dan rangkanya miring',
      'banyak stiker sedot WC dan pinjaman online ditempel di tiang {loc}',
      'papan reklame besar {loc} sepertinya tidak ada izinnya',
      'umbul-umbul yang sudah kedaluwarsa masih terpasang {loc}',
      'spanduk acara yang sudah lewat masih menggantung {loc}',
      'reklame rokok dipasang di warung {loc}',
    ],
    short: ['spanduk liar', 'baliho rusak', 'reklame tanpa izin'],
    details: [
      'Rangkanya bisa jatuh kalau angin kencang',
      'Merusak keindahan kota',
      'Spanduknya dipaku langsung ke batang pohon',
      'Menutupi rambu lalu lintas',
    ],
    followUps: [
      'Telah dilakukan penertiban dan penurunan spanduk serta reklame tanpa izin oleh Satpol PP.',
      'Telah dilakukan pembongkaran rangka reklame yang rusak dan membahayakan.',
      'Telah dilakukan pembersihan stiker dan selebaran dari tiang di lokasi.',
      'Telah dilakukan penurunan reklame rokok dan teguran kepada pemilik usaha.',
    ],
    remaining: ['spanduknya dipasang lagi', 'rangkanya masih miring'],
  },

  kdm: {
    problems: [
      'orang-orang merokok di dalam ruang tunggu {loc}',
      'banyak yang merokok di halte {loc} padahal ada tanda dilarang merokok',
      'pengunjung merokok di area taman bermain anak {loc}',
      'ada yang merokok di dalam gedung perkantoran {loc}',
      'kantin di gedung pemerintah {loc} dipakai untuk merokok',
      'tidak ada tanda kawasan dilarang merokok di puskesmas {loc}',
    ],
    short: ['merokok di kawasan dilarang merokok', 'asap rokok di halte'],
    details: [
      'Banyak ibu hamil dan anak kecil di sana',
      'Petugasnya sendiri ikut merokok',
      'Asapnya masuk ke ruangan ber-AC',
      'Puntung rokok berserakan di lantai',
    ],
    followUps: [
      'Telah dilakukan pengawasan dan penindakan terhadap pelanggar Kawasan Dilarang Merokok oleh Satpol PP.',
      'Telah dilakukan sosialisasi kepada pengelola gedung serta pemasangan tanda dilarang merokok.',
      'Telah dilakukan teguran tertulis kepada pengelola dan pemberian sanksi kepada pelanggar.',
    ],
    remaining: ['masih banyak yang merokok', 'tandanya belum dipasang'],
  },

  kebisingan: {
    problems: [
      'suara musik keras dari kafe {loc} sampai lewat tengah malam',
      'knalpot bising balapan liar {loc} tiap malam minggu',
      'kegiatan proyek {loc} tetap jalan sampai dini hari, berisik sekali',
      'genset besar {loc} bunyinya mengganggu warga',
      'hajatan {loc} memutar sound system sampai jam 2 pagi',
      'bengkel las {loc} bising dan asapnya masuk rumah',
      'usaha rumahan {loc} mengeluarkan bau menyengat',
    ],
    short: ['berisik', 'suara bising', 'knalpot bising'],
    details: [
      'Warga tidak bisa istirahat',
      'Ada bayi dan orang sakit di sekitar situ',
      'Sudah ditegur RT tapi tidak diindahkan',
      'Getarannya sampai terasa di kaca jendela',
    ],
    impacts: ['warga tidak bisa tidur', 'sangat mengganggu istirahat'],
    followUps: [
      'Telah dilakukan teguran dan pembinaan kepada pemilik usaha agar mematuhi jam operasional.',
      'Telah dilakukan patroli malam dan pembubaran balap liar bersama pihak kepolisian.',
      'Telah dilakukan pengecekan dan penanggung jawab kegiatan membuat surat pernyataan tidak mengulangi.',
      'Telah dilakukan pemeriksaan lokasi usaha dan pemberian peringatan tertulis.',
    ],
    remaining: ['masih berisik tiap malam', 'suaranya masih keras'],
  },

  trantib: {
    problems: [
      'sering ada tawuran remaja {loc} tengah malam',
      'anak-anak nongkrong dan mabuk-mabukan {loc}',
      'ada bangunan liar di bantaran kali {loc}',
      'warung {loc} menjual minuman keras secara bebas',
      'bangunan kosong {loc} dijadikan tempat judi',
      'pak ogah di putaran {loc} meminta uang dengan memaksa',
      'tembok fasilitas umum {loc} penuh corat-coret',
    ],
    short: ['tawuran', 'mabuk-mabukan', 'bangunan liar'],
    details: [
      'Warga takut keluar rumah malam hari',
      'Beberapa kali ada yang membawa senjata tajam',
      'Sudah dilaporkan ke RT tapi tidak ada perubahan',
      'Biasanya mulai ramai setelah jam 11 malam',
    ],
    impacts: ['meresahkan warga', 'warga merasa tidak aman'],
    followUps: [
      'Telah dilakukan patroli dan pembubaran kerumunan oleh Satpol PP bersama tiga pilar kecamatan.',
      'Telah dilakukan penertiban bangunan liar di lokasi.',
      'Telah dilakukan pengawasan bersama Babinsa dan Bhabinkamtibmas serta penyitaan minuman keras.',
      'Telah dilakukan pengecatan ulang tembok dan penempatan petugas di lokasi rawan.',
    ],
    remaining: ['masih ada yang nongkrong tiap malam', 'bangunannya belum dibongkar'],
  },

  perizinan: {
    problems: [
      'ada pembangunan rumah {loc} yang sepertinya tanpa PBG',
      'bangunan baru {loc} melanggar garis sempadan sampai ke atas saluran',
      'rumah tinggal {loc} diubah jadi gudang tanpa izin',
      'proyek gedung {loc} tidak memasang papan informasi izin',
      'bangunan tambahan {loc} menutup akses jalan warga',
      'ada kegiatan usaha besar {loc} padahal zonanya perumahan',
      'tembok bangunan baru {loc} menempel ke rumah tetangga sampai retak',
    ],
    short: ['bangunan tanpa izin', 'bangunan langgar sempadan'],
    details: [
      'Pekerjaannya dilakukan malam hari',
      'Material bangunan ditumpuk di jalan',
      'Tingginya sudah tiga lantai',
      'Warga sekitar tidak pernah diajak bicara',
    ],
    followUps: [
      'Telah dilakukan pemeriksaan oleh Suku Dinas Citata; pemilik bangunan diberikan surat peringatan.',
      'Telah dilakukan penyegelan bangunan yang tidak memiliki izin.',
      'Telah dilakukan pengecekan dokumen perizinan dan pemilik diminta menghentikan pekerjaan sampai izin terbit.',
      'Telah dilakukan pengukuran garis sempadan dan penerbitan perintah bongkar bagian bangunan yang melanggar.',
    ],
    remaining: ['pembangunannya masih jalan terus', 'segelnya sudah dibuka lagi'],
  },

  pohon: {
    problems: [
      'pohon besar {loc} sudah miring dan rawan tumbang',
      'dahan pohon {loc} patah dan menggantung',
      'ranting pohon {loc} menutupi lampu jalan',
      'pohon tumbang {loc} menutup sebagian jalan',
      'akar pohon {loc} merusak trotoar dan saluran',
      'dahan pohon {loc} sudah menyentuh kabel listrik',
      'pohon {loc} rimbun sekali dan belum pernah dipangkas',
      'batang pohon {loc} keropos di bagian bawah',
      'sisa potongan pohon {loc} ditinggal begitu saja di pinggir jalan',
      'pohon mati {loc} sudah kering dan rapuh',
      'ranting pohon {loc} masuk ke halaman dan atap rumah warga',
      'pohon angsana {loc} condong ke arah jalan',
      'dahan besar pohon {loc} retak setelah hujan angin kemarin',
    ],
    short: ['pohon rawan tumbang', 'dahan patah', 'minta pangkas pohon', 'pohon miring'],
    details: [
      'Kalau angin kencang dahannya bergoyang-goyang',
      'Di bawahnya sering dipakai parkir motor dan tempat orang berteduh',
      'Musim hujan begini takut tumbang menimpa rumah',
      'Daun keringnya juga menyumbat talang dan got',
      'Lampu jalannya jadi tidak berguna karena tertutup daun',
      'Sebagian dahannya sudah jatuh ke jalan',
    ],
    impacts: ['membahayakan pengguna jalan', 'takut menimpa kendaraan'],
    pleas: [
      'Mohon segera dipangkas.',
      'Tolong dirapikan pak sebelum tumbang.',
      'Mohon ditebang saja kalau memang sudah mati.',
    ],
    followUps: [
      'Telah dilakukan pemangkasan pohon oleh Satuan Pelaksana Pertamanan dan Hutan Kota Kecamatan. Terima kasih.',
      'Telah dilakukan pemangkasan dahan dan ranting pohon yang mengarah ke kabel listrik dan lampu jalan.',
      'Telah dilakukan penebangan pohon yang mati dan rawan tumbang serta pengangkutan sisa potongan.',
      'Telah dilakukan evakuasi pohon tumbang dan pembersihan badan jalan.',
      'Telah dilakukan pemangkasan bentuk dan pengurangan beban tajuk pohon agar tidak rawan tumbang.',
      'Telah dilakukan pengangkutan sisa potongan pohon yang tertinggal di lokasi.',
    ],
    remaining: [
      'dahannya masih menggantung',
      'baru dipangkas sedikit',
      'sisa potongannya belum diangkut',
      'pohon yang saya maksud bukan yang dipangkas',
    ],
  },

  taman: {
    problems: [
      'taman {loc} tidak terawat, rumputnya tinggi',
      'ayunan di taman {loc} rusak dan besinya tajam',
      'lampu taman {loc} padam semua',
      'toilet umum di taman {loc} kotor dan tidak ada air',
      'taman {loc} jadi tempat nongkrong sampai larut malam',
      'kolam di taman {loc} airnya hijau dan bau',
      'bangku taman {loc} banyak yang patah',
    ],
    short: ['taman tidak terawat', 'fasilitas taman rusak'],
    details: [
      'Anak-anak jadi tidak bisa bermain dengan aman',
      'Banyak nyamuk karena rumput tidak dipotong',
      'Sampah berserakan di sekitar bangku',
      'Padahal taman ini ramai dipakai warga setiap sore',
    ],
    followUps: [
      'Telah dilakukan perawatan taman berupa pemotongan rumput dan pembersihan area.',
      'Telah dilakukan perbaikan fasilitas bermain anak di taman.',
      'Telah dilakukan perbaikan lampu taman yang padam.',
      'Telah dilakukan pengurasan kolam dan pembersihan toilet taman.',
    ],
    remaining: ['ayunannya masih rusak', 'rumputnya masih tinggi'],
  },

  sampah: {
    problems: [
      'tumpukan sampah {loc} belum diangkut berhari-hari',
      'TPS {loc} penuh sampai meluber ke jalan',
      'orang-orang membuang sampah sembarangan di lahan kosong {loc}',
      'puing bekas bongkaran rumah dibuang {loc}',
      'truk sampah sudah seminggu tidak mengangkut sampah warga {loc}',
      'sampah di pinggir kali {loc} menumpuk',
      'bak sampah {loc} rusak sehingga sampah berserakan',
    ],
    short: ['sampah menumpuk', 'sampah belum diangkut', 'buang sampah sembarangan'],
    details: [
      'Baunya sampai tercium ke rumah warga',
      'Banyak lalat dan tikus',
      'Sebagian sampah sudah terbawa ke saluran air',
      'Pembuangnya datang malam-malam pakai motor',
    ],
    impacts: ['bau tidak sedap', 'jadi sarang penyakit'],
    followUps: [
      'Telah dilakukan pengangkutan sampah oleh Suku Dinas Lingkungan Hidup.',
      'Telah dilakukan pembersihan lokasi serta pemasangan papan larangan membuang sampah.',
      'Telah dilakukan pengangkutan puing menggunakan truk dan alat berat.',
      'Telah dilakukan penjadwalan ulang pengangkutan sampah di lingkungan tersebut.',
    ],
    remaining: ['sampahnya masih menumpuk', 'sudah dibuang lagi di tempat yang sama'],
  },

  'satwa-liar': {
    problems: [
      'ada ular cukup besar masuk ke pekarangan rumah {loc}',
      'ada sarang tawon besar di pohon {loc}',
      'biawak sering masuk ke rumah warga {loc}',
      'monyet lepas berkeliaran {loc}',
      'sarang tawon di plafon rumah warga {loc}',
      'kucing terjebak di gorong-gorong {loc}',
      'ular masuk saluran air {loc}',
    ],
    short: ['ada ular', 'sarang tawon', 'biawak masuk rumah'],
    details: [
      'Ada anak kecil yang sudah tersengat',
      'Warga tidak berani mendekat',
      'Sudah terlihat beberapa kali dalam seminggu',
      'Panjangnya kira-kira dua meter',
    ],
    impacts: ['warga ketakutan', 'membahayakan anak-anak'],
    followUps: [
      'Telah dilakukan evakuasi satwa oleh petugas Pemadam Kebakaran dan Penyelamatan.',
      'Telah dilakukan pemusnahan sarang tawon oleh petugas Damkar.',
      'Telah dilakukan penangkapan satwa dan penyerahan ke BKSDA.',
      'Telah dilakukan penyelamatan hewan yang terjebak di saluran.',
    ],
    remaining: ['ularnya muncul lagi', 'sarangnya masih ada'],
  },

  ppsu: {
    problems: [
      'sampah daun menumpuk di pinggir jalan {loc}, mohon dibersihkan PPSU',
      'rumput liar di median jalan {loc} sudah tinggi',
      'got kecil {loc} perlu dibersihkan',
      'ada bangkai kucing di jalan {loc}',
      'tembok fasilitas umum {loc} perlu dicat ulang karena coretan',
      'paving di gang {loc} lepas perlu dirapikan',
      'tutup got {loc} bergeser dan berbahaya',
    ],
    short: ['minta dibersihkan', 'sampah daun', 'rumput tinggi'],
    details: [
      'Mohon dibantu petugas PPSU',
      'Warga sudah kerja bakti tapi tidak sanggup sendiri',
      'Baunya sudah menyengat',
      'Jalan jadi terlihat kumuh',
    ],
    followUps: [
      'Telah dilakukan pembersihan oleh petugas PPSU Kelurahan.',
      'Telah dilakukan pemotongan rumput dan perapihan median jalan oleh PPSU.',
      'Telah dilakukan pengangkatan bangkai hewan dan penyemprotan disinfektan.',
      'Telah dilakukan pengecatan ulang dan pembersihan coretan oleh PPSU Kelurahan.',
      'Telah dilakukan perapihan paving dan tutup saluran oleh PPSU.',
    ],
    remaining: ['belum dibersihkan', 'masih kotor'],
  },

  pmks: {
    problems: [
      'ada orang dengan gangguan jiwa berkeliaran {loc}',
      'pengemis membawa anak kecil {loc}',
      'manusia silver mangkal di lampu merah {loc}',
      'gelandangan tidur di halte {loc}',
      'pengamen memaksa meminta uang di lampu merah {loc}',
      'lansia terlantar tidur di emperan toko {loc}',
      'anak jalanan ngelem di kolong jembatan {loc}',
    ],
    short: ['ODGJ berkeliaran', 'pengemis', 'manusia silver'],
    details: [
      'Kasihan, sepertinya butuh bantuan',
      'Kadang mengganggu pengendara yang berhenti',
      'Sudah beberapa hari di situ',
      'Warga khawatir dengan keselamatannya',
    ],
    followUps: [
      'Telah dilakukan penjangkauan oleh petugas Suku Dinas Sosial dan yang bersangkutan dibawa ke panti sosial untuk pembinaan.',
      'Telah dilakukan penjangkauan dan yang bersangkutan telah dikembalikan ke keluarganya.',
      'Telah dilakukan patroli dan penjangkauan PMKS di lokasi bersama Satpol PP.',
      'Telah dilakukan penjangkauan; yang bersangkutan dirujuk ke rumah sakit untuk pemeriksaan.',
    ],
    remaining: ['orangnya masih ada di situ', 'sudah kembali lagi'],
  },

  'keluhan-pelayanan': {
    problems: [
      'pelayanan di kantor Kelurahan {kel} lambat sekali',
      'antrean di kantor Kelurahan {kel} tidak teratur dan loket belum buka pada jam pelayanan',
      'petugas di loket PTSP Kelurahan {kel} kurang ramah',
      'pengurusan KK di Kelurahan {kel} sudah sebulan belum jadi',
      'laporan saya sebelumnya soal {street} ditutup padahal belum dikerjakan',
      'telepon kantor Kelurahan {kel} tidak pernah diangkat',
      'jam pelayanan di Kelurahan {kel} tidak sesuai yang tertera',
    ],
    short: ['pelayanan lambat', 'petugas tidak ramah'],
    details: [
      'Saya sudah bolak-balik tiga kali',
      'Tidak ada kejelasan kapan selesai',
      'Petugasnya malah main HP',
      'Informasi persyaratannya berubah-ubah',
    ],
    impacts: ['sangat merugikan warga', 'buang waktu warga'],
    followUps: [
      'Telah dilakukan evaluasi dan pembinaan kepada petugas pelayanan di kelurahan.',
      'Telah dilakukan penyelesaian dokumen pemohon; dokumen dapat diambil di loket pelayanan.',
      'Telah dilakukan penataan sistem antrean dan penyesuaian jadwal petugas loket.',
      'Telah dilakukan peninjauan ulang laporan sebelumnya dan penanganan di lokasi.',
    ],
    remaining: ['belum ada kejelasan', 'dokumennya belum jadi'],
  },

  'fasilitas-gedung': {
    problems: [
      'atap gedung sekolah negeri {loc} bocor',
      'toilet di kantor Kelurahan {kel} rusak dan airnya mati',
      'lift di gedung pemerintah {loc} sering macet',
      'AC di ruang tunggu puskesmas {loc} mati',
      'pagar sekolah {loc} roboh sebagian',
      'plafon ruang kelas sekolah {loc} jebol',
      'tidak ada jalur kursi roda di kantor kecamatan {loc}',
    ],
    short: ['atap bocor', 'fasilitas gedung rusak'],
    details: [
      'Kalau hujan air menetes ke ruang kelas',
      'Warga yang antre kepanasan',
      'Bisa membahayakan murid',
      'Lansia dan difabel kesulitan masuk',
    ],
    followUps: [
      'Telah dilakukan perbaikan atap dan plafon gedung.',
      'Telah dilakukan perbaikan toilet dan instalasi air di gedung kantor.',
      'Telah dilakukan perbaikan lift oleh teknisi pemeliharaan gedung.',
      'Telah dilakukan perbaikan pagar dan pemasangan ram untuk kursi roda.',
    ],
    remaining: ['masih bocor', 'belum diperbaiki'],
  },

  pungli: {
    problems: [
      'ada oknum yang meminta uang tambahan untuk pengurusan surat di Kelurahan {kel}',
      'saat mengurus izin usaha {loc} saya diminta biaya di luar ketentuan',
      'ada pungutan terhadap pedagang {loc} oleh oknum yang mengaku petugas',
      'oknum petugas meminta uang damai saat penertiban {loc}',
      'pengurusan surat pindah di Kelurahan {kel} dimintai uang pelicin',
      'sopir truk dimintai uang oleh oknum {loc}',
    ],
    short: ['pungli', 'pungutan liar'],
    details: [
      'Tidak ada kuitansi yang diberikan',
      'Katanya supaya prosesnya cepat',
      'Jumlahnya tidak sesuai aturan',
      'Kejadiannya lebih dari sekali',
    ],
    impacts: ['sangat merugikan warga'],
    pleas: ['Mohon diusut.', 'Mohon identitas pelapor dirahasiakan.'],
    followUps: [
      'Laporan telah ditindaklanjuti oleh Inspektorat melalui pemeriksaan terhadap pihak terkait; hasilnya ditangani sesuai ketentuan.',
      'Telah dilakukan klarifikasi dan pemeriksaan oleh Inspektorat Pembantu terhadap oknum yang dilaporkan.',
      'Telah dilakukan pemeriksaan; oknum yang terbukti bersalah diberikan sanksi disiplin.',
    ],
    remaining: ['pungutannya masih berjalan', 'belum ada perubahan'],
  },
};

/** Used for unknown category codes. */
const GENERIC_BANK: CategoryBank = {
  problems: [
    'ada masalah {loc} yang perlu segera ditangani',
    'kondisi fasilitas umum {loc} rusak dan tidak terawat',
    'ada gangguan {loc} yang meresahkan warga',
    'lingkungan {loc} kotor dan tidak terurus',
    'fasilitas umum {loc} tidak berfungsi',
    'ada pelanggaran ketertiban {loc}',
  ],
  short: ['fasilitas rusak', 'lingkungan kotor', 'gangguan warga'],
  details: [
    'Warga sudah mengeluh sejak lama',
    'Kondisinya makin hari makin parah',
    'Sudah dibicarakan di rapat RT',
    'Banyak warga yang terdampak',
  ],
  followUps: [
    'Telah dilakukan penanganan di lokasi oleh petugas terkait.',
    'Telah dilakukan pengecekan lapangan dan penanganan sesuai kewenangan.',
    'Telah dilakukan perbaikan dan pembersihan di lokasi laporan.',
  ],
  remaining: ['masalahnya masih sama', 'belum ada perubahan'],
};

function bankFor(categoryCode: string): CategoryBank {
  return Object.prototype.hasOwnProperty.call(BANKS, categoryCode)
    ? BANKS[categoryCode]
    : GENERIC_BANK;
}

// ---------------------------------------------------------------------------
// Complaint descriptions
// ---------------------------------------------------------------------------

interface Parts {
  opening: string;
  problem: string;
  short: string;
  loc: string;
  detail: string;
  detail2: string;
  since: string;
  duration: string;
  impact: string;
  plea: string;
  tersePlea: string;
  question: string;
}

/** Sentence layouts; repeated entries make the common shapes more likely. */
const LAYOUTS: ((p: Parts) => string[])[] = [
  (p) => [`${p.opening} ${p.problem}`, p.detail, p.duration, p.plea],
  (p) => [p.problem, p.plea],
  (p) => [`${p.short} ${p.loc} ${p.tersePlea}`],
  (p) => [`${p.problem}, ${p.impact}`, p.duration, p.plea],
  (p) => [`${p.opening} ${p.problem}`, p.detail, p.detail2, p.impact, p.duration, p.plea],
  (p) => [p.problem, p.detail, p.plea],
  (p) => [`${p.since} ${p.problem}`, p.impact, p.plea],
  (p) => [p.problem, p.detail, p.question],
  (p) => [`${p.opening} ${p.problem}, ${p.impact}`, p.plea],
  (p) => [`${p.since} ${p.problem}`, p.detail, p.duration, p.plea],
  (p) => [`${p.problem} ${p.tersePlea}`],
  (p) => [`${p.opening} ${p.problem}`, p.detail, p.plea],
];

const MIN_LENGTH = 40;
const MAX_LENGTH = 400;

/** Writes a complaint description for the category, in Bahasa Indonesia. Deterministic for a given rand sequence. */
export function describeComplaint(
  categoryCode: string,
  rand: Rand,
  place: { street: string; kelurahan: string },
): string {
  const bank = bankFor(categoryCode);
  const impacts = bank.impacts ? [...bank.impacts, ...IMPACTS] : IMPACTS;
  const pleas = bank.pleas ? [...bank.pleas, ...PLEAS] : PLEAS;
  const loc = locationPhrase(rand, place.street);
  const detail = pick(rand, bank.details);

  const parts: Parts = {
    opening: pick(rand, OPENINGS),
    problem: pick(rand, bank.problems).replace('{loc}', loc),
    short: pick(rand, bank.short),
    loc,
    detail,
    detail2: pickOther(rand, bank.details, detail),
    since: pick(rand, SINCE),
    duration: pick(rand, DURATIONS),
    impact: pick(rand, impacts),
    plea: pick(rand, pleas),
    tersePlea: pick(rand, TERSE_PLEAS),
    question: pick(rand, QUESTIONS),
  };
  const layout = pick(rand, LAYOUTS);
  let body = sentences(layout(parts));

  // Style: formal (as written), casual (informal spellings) or all lower case without the final dot.
  const style = Math.floor(rand() * 20);
  if (style >= 9) body = informalize(body, rand);
  if (style >= 17) body = body.toLowerCase().replace(/\.$/, '');

  let text = fillPlace(body, place);
  if (text.length > MAX_LENGTH) {
    // Too long with these names: keep the problem and the plea only.
    text = fillPlace(sentences([parts.problem, parts.plea]), place);
  }
  if (text.length < MIN_LENGTH) text = `${text.replace(/[.\s]*$/, '.')} ${pick(rand, PLEAS)}`;
  if (style < 17) text = capitalize(text);
  return text;
}

function fillPlace(text: string, place: { street: string; kelurahan: string }): string {
  return text.split('{street}').join(place.street).split('{kel}').join(place.kelurahan);
}

// ---------------------------------------------------------------------------
// Official responses
// ---------------------------------------------------------------------------

/** Handling agency (Dinas) and its city-level unit for each category. */
const AGENCY_NAMES: Record<string, { dinas: string; unit: string }> = {
  jalan: { dinas: 'Dinas Bina Marga', unit: 'Suku Dinas Bina Marga' },
  trotoar: { dinas: 'Dinas Bina Marga', unit: 'Suku Dinas Bina Marga' },
  'jaringan-listrik': { dinas: 'Dinas Bina Marga', unit: 'Suku Dinas Bina Marga (Satpel PJU)' },
  telekomunikasi: { dinas: 'Dinas Bina Marga', unit: 'Suku Dinas Bina Marga' },
  'saluran-air': { dinas: 'Dinas Sumber Daya Air', unit: 'Suku Dinas Sumber Daya Air' },
  banjir: { dinas: 'Dinas Sumber Daya Air', unit: 'Suku Dinas Sumber Daya Air' },
  'parkir-liar': { dinas: 'Dinas Perhubungan', unit: 'Suku Dinas Perhubungan' },
  'lalu-lintas': { dinas: 'Dinas Perhubungan', unit: 'Suku Dinas Perhubungan' },
  'pkl-liar': { dinas: 'Satpol PP', unit: 'Satpol PP Kota Administrasi' },
  'pkl-binaan': { dinas: 'Dinas PPKUKM', unit: 'Suku Dinas PPKUKM' },
  reklame: { dinas: 'Satpol PP', unit: 'Satpol PP Kota Administrasi' },
  kdm: { dinas: 'Satpol PP', unit: 'Satpol PP Kota Administrasi' },
  kebisingan: { dinas: 'Satpol PP', unit: 'Satpol PP Kota Administrasi' },
  trantib: { dinas: 'Satpol PP', unit: 'Satpol PP Kota Administrasi' },
  perizinan: { dinas: 'Dinas Cipta Karya, Tata Ruang dan Pertanahan', unit: 'Suku Dinas Citata' },
  pohon: { dinas: 'Dinas Pertamanan dan Hutan Kota', unit: 'Suku Dinas Pertamanan dan Hutan Kota' },
  taman: { dinas: 'Dinas Pertamanan dan Hutan Kota', unit: 'Suku Dinas Pertamanan dan Hutan Kota' },
  sampah: { dinas: 'Dinas Lingkungan Hidup', unit: 'Suku Dinas Lingkungan Hidup' },
  'satwa-liar': {
    dinas: 'Dinas Penanggulangan Kebakaran dan Penyelamatan',
    unit: 'Suku Dinas Penanggulangan Kebakaran dan Penyelamatan',
  },
  ppsu: { dinas: 'Kelurahan', unit: 'Koordinator PPSU Kelurahan' },
  pmks: { dinas: 'Dinas Sosial', unit: 'Suku Dinas Sosial' },
  'keluhan-pelayanan': { dinas: 'Kelurahan', unit: 'Sekretaris Kelurahan' },
  'fasilitas-gedung': {
    dinas: 'Dinas Cipta Karya, Tata Ruang dan Pertanahan',
    unit: 'Suku Dinas Citata',
  },
  pungli: { dinas: 'Inspektorat Provinsi DKI Jakarta', unit: 'Inspektorat Pembantu Kota' },
};

const GENERIC_AGENCY = { dinas: 'instansi terkait', unit: 'unit kerja terkait' };

const ACCEPTED = [
  'Terima kasih atas laporan Anda. Laporan telah kami terima dan akan segera ditindaklanjuti.',
  'Laporan diterima. Petugas akan melakukan pengecekan ke lokasi.',
  'Terima kasih telah melapor. Laporan sedang kami verifikasi dan akan ditangani sesuai kewenangan.',
  'Laporan sudah kami terima dan dijadwalkan untuk ditangani oleh petugas lapangan.',
  'Baik, laporan Anda kami terima. Tim akan segera meninjau lokasi.',
  'Terima kasih, laporan sedang dalam proses penanganan.',
];

const COORDINATED = [
  'Laporan Anda telah kami koordinasikan dengan {dinas} untuk penanganan lebih lanjut.',
  'Terima kasih atas laporannya. Permasalahan ini merupakan kewenangan {dinas}, laporan sudah kami teruskan.',
  'Laporan telah diteruskan ke {dinas} agar dapat ditindaklanjuti sesuai kewenangan.',
  'Sudah kami koordinasikan dengan {dinas}. Mohon ditunggu tindak lanjutnya.',
];

const DISPOSED = [
  'Laporan telah didisposisikan kepada {unit} Kota Administrasi untuk ditindaklanjuti.',
  'Diteruskan kepada {unit} setempat untuk penanganan di lapangan.',
  'Mohon {unit} segera menindaklanjuti laporan ini sesuai kewenangan.',
  'Laporan didisposisikan ke {unit}; mohon ditangani dan dilaporkan hasilnya.',
];

const FOLLOW_UP_SUFFIXES = [
  '',
  ' Dokumentasi terlampir.',
  ' Terima kasih atas partisipasi Anda.',
  ' Foto sebelum dan sesudah pekerjaan terlampir.',
];

const VALIDATION_REJECTIONS = [
  'Foto tindak lanjut tidak menunjukkan lokasi yang sama dengan laporan. Mohon dilengkapi dokumentasi sebelum dan sesudah.',
  'Tindak lanjut belum menjawab permasalahan yang dilaporkan. Mohon dikerjakan sampai tuntas.',
  'Keterangan tindak lanjut terlalu umum, mohon dijelaskan pekerjaan yang dilakukan.',
  'Dokumentasi buram dan tidak dapat diverifikasi. Mohon unggah ulang foto yang jelas.',
  'Penanganan baru bersifat sementara; mohon disertakan rencana penanganan permanen.',
  'Foto yang dilampirkan sama dengan foto laporan warga. Mohon dilampirkan foto hasil pekerjaan.',
];

const REJECTIONS = [
  'Laporan tidak dapat ditindaklanjuti karena lokasi berada di luar wilayah Provinsi DKI Jakarta.',
  'Lokasi yang dilaporkan merupakan area milik swasta sehingga di luar kewenangan Pemprov DKI Jakarta.',
  'Laporan ini sama dengan laporan sebelumnya yang sedang dalam penanganan, sehingga kami tutup.',
  'Informasi lokasi dan foto kurang jelas sehingga petugas tidak dapat menemukan titik permasalahan. Silakan membuat laporan baru dengan keterangan yang lebih lengkap.',
  'Laporan tidak sesuai dengan kategori pengaduan dan bukan merupakan kewenangan Pemprov DKI Jakarta.',
  'Setelah pengecekan lapangan, tidak ditemukan permasalahan sesuai yang dilaporkan.',
];

const REOPEN_OPENERS = [
  'Belum selesai pak,',
  'Maaf, laporan ini belum tuntas,',
  'Sudah dicek ke lokasi,',
  'Kok sudah ditutup? Faktanya',
  'Tolong dibuka lagi,',
];

const GENERIC_REMAINING = [
  'belum ada petugas yang datang ke lokasi',
  'foto tindak lanjutnya bukan di lokasi yang saya laporkan',
  'kondisinya masih sama seperti sebelumnya',
];

const REOPEN_PLEAS = [
  'Mohon dicek ulang.',
  'Tolong ditindaklanjuti sampai tuntas.',
  'Mohon jangan asal ditutup.',
  'Mohon ditangani lagi.',
];

/** An official's public response text for a step (see the step names in the type). */
export function responseText(step: Step, categoryCode: string, rand: Rand): string {
  const bank = bankFor(categoryCode);
  const agency = Object.prototype.hasOwnProperty.call(AGENCY_NAMES, categoryCode)
    ? AGENCY_NAMES[categoryCode]
    : GENERIC_AGENCY;
  switch (step) {
    case 'diterima':
      return pick(rand, ACCEPTED);
    case 'koordinasi':
      return pick(rand, COORDINATED).replace('{dinas}', agency.dinas);
    case 'disposisi':
      return pick(rand, DISPOSED).replace('{unit}', agency.unit);
    case 'tindak_lanjut':
      return pick(rand, bank.followUps) + pick(rand, FOLLOW_UP_SUFFIXES);
    case 'validasi_ditolak':
      return pick(rand, VALIDATION_REJECTIONS);
    case 'ditolak':
      return pick(rand, REJECTIONS);
    case 'dibuka_kembali': {
      const what = pick(rand, [...bank.remaining, ...GENERIC_REMAINING]);
      return `${pick(rand, REOPEN_OPENERS)} ${what}. ${pick(rand, REOPEN_PLEAS)}`;
    }
    default:
      return pick(rand, ACCEPTED);
  }
}

// ---------------------------------------------------------------------------
// Rating comments
// ---------------------------------------------------------------------------

const RATING_COMMENTS: Record<number, string[]> = {
  1: [
    'Tidak ada tindak lanjut sama sekali, laporan hanya ditutup.',
    'Kecewa, masalahnya belum beres.',
    'Lambat sekali penanganannya.',
    'Foto tindak lanjutnya bukan lokasi yang saya laporkan.',
    'Percuma lapor, tidak ada perubahan.',
  ],
  2: [
    'Ditangani tapi asal-asalan.',
    'Baru dikerjakan setelah lapor berkali-kali.',
    'Cuma sementara, besoknya kembali seperti semula.',
    'Kurang tuntas.',
  ],
  3: [
    'Lumayan, tapi agak lama.',
    'Sudah ditangani, semoga tidak terulang.',
    'Cukup.',
    'Sudah dikerjakan, hasilnya biasa saja.',
  ],
  4: [
    'Terima kasih, sudah ditangani.',
    'Cukup cepat responnya.',
    'Bagus, tinggal dirawat saja.',
    'Terima kasih petugas, semoga rutin dicek.',
  ],
  5: [
    'Mantap, cepat sekali!',
    'Terima kasih banyak pak, sangat membantu.',
    'Respon cepat, pekerjaan rapi. Salut.',
    'Luar biasa, sehari langsung beres.',
    'Terima kasih, pelayanannya memuaskan.',
  ],
};

/** A citizen's rating comment for a score 1..5 in Bahasa Indonesia (null ≈ 35% of the time: no comment). */
export function ratingComment(score: number, rand: Rand): string | null {
  if (chance(rand, 0.35)) return null;
  const s = Math.min(5, Math.max(1, Math.round(Number.isFinite(score) ? score : 3)));
  return pick(rand, RATING_COMMENTS[s]);
}
