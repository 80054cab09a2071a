export type IntakeErrorCode =
  | 'kategori_tidak_dikenal'
  | 'di_luar_jakarta'
  | 'kelurahan_tidak_dikenal'
  | 'lokasi_wajib'
  | 'terlalu_sering'
  | 'laporan_tidak_ditemukan'
  | 'kunci_salah'
  | 'tidak_bisa_dibuka_kembali'
  | 'sudah_dinilai'
  | 'belum_selesai'
  | 'tidak_menunggu_validasi'
  | 'sudah_didukung'
  | 'kontak_tidak_valid'
  | 'konfirmasi_terlalu_sering'
  | 'tautan_dukungan_salah';

/** Messages people read, Bahasa Indonesia first. */
export const INTAKE_MESSAGE: Record<IntakeErrorCode, { id: string; en: string }> = {
  kategori_tidak_dikenal: { id: 'Kategori tidak dikenal. Pilih kategori dari daftar.', en: 'Unknown category. Choose one from the list.' },
  di_luar_jakarta: {
    id: 'Lokasi berada di luar wilayah DKI Jakarta. Geser penanda ke lokasi di Jakarta atau pilih kelurahan.',
    en: 'The location is outside Jakarta. Move the pin to a place in Jakarta or choose a kelurahan.',
  },
  kelurahan_tidak_dikenal: { id: 'Kelurahan tidak dikenal.', en: 'Unknown kelurahan.' },
  lokasi_wajib: {
    id: 'Tentukan lokasi: gunakan GPS, geser penanda di peta, atau pilih kota, kecamatan dan kelurahan.',
    en: 'Give a location: use GPS, drag the pin on the map, or choose city, district and kelurahan.',
  },
  terlalu_sering: {
    id: 'Terlalu banyak laporan dari perangkat ini dalam waktu singkat. Silakan coba lagi nanti.',
    en: 'Too many reports from this device in a short time. Please try again later.',
  },
  laporan_tidak_ditemukan: { id: 'Laporan tidak ditemukan.', en: 'Report not found.' },
  kunci_salah: {
    id: 'Tautan pemantauan tidak valid. Gunakan tautan pribadi yang Anda terima saat melapor.',
    en: 'Invalid tracking link. Use the private link you received when you reported.',
  },
  tidak_bisa_dibuka_kembali: {
    id: 'Laporan hanya dapat dibuka kembali dalam 14 hari setelah dinyatakan selesai.',
    en: 'A report can only be reopened within 14 days of being finished.',
  },
  sudah_dinilai: { id: 'Anda sudah memberi penilaian untuk laporan ini.', en: 'You have already rated this report.' },
  belum_selesai: { id: 'Penilaian dan konfirmasi hanya untuk laporan yang sudah selesai.', en: 'Ratings and confirmations are for finished reports only.' },
  tidak_menunggu_validasi: {
    id: 'Sanggahan hanya bisa diajukan selama tindak lanjut menunggu validasi.',
    en: 'A dispute can only be made while the follow-up waits for validation.',
  },
  sudah_didukung: { id: 'Anda sudah mendukung laporan ini dari perangkat ini.', en: 'You have already supported this report from this device.' },
  kontak_tidak_valid: {
    id: 'Nomor HP atau surel tidak valid. Perbaiki, atau kosongkan untuk mendukung tanpa kontak.',
    en: 'Invalid phone number or e-mail. Correct it, or leave it empty to support without a contact.',
  },
  konfirmasi_terlalu_sering: {
    id: 'Terlalu banyak permintaan konfirmasi ke kontak ini. Coba lagi dalam satu jam.',
    en: 'Too many confirmation requests to this contact. Try again in an hour.',
  },
  tautan_dukungan_salah: { id: 'Tautan konfirmasi tidak valid atau sudah dipakai.', en: 'The confirmation link is invalid or was already used.' },
};

export class IntakeError extends Error {
  constructor(public readonly code: IntakeErrorCode) {
    super(code);
    this.name = 'IntakeError';
  }
}
