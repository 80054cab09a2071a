export type StaffErrorCode =
  | 'tidak_ditemukan'
  | 'tidak_berwenang'
  | 'versi_berubah'
  | 'transisi_tidak_sah'
  | 'keterangan_wajib'
  | 'instansi_tidak_valid'
  | 'kelurahan_tidak_valid'
  | 'tanggal_tidak_valid'
  | 'alasan_wajib'
  | 'laporan_asli_tidak_valid'
  | 'foto_sesudah_wajib'
  | 'bukan_triase'
  | 'lokasi_wajib'
  | 'di_luar_jakarta'
  | 'kategori_wajib'
  | 'alasan_bendera_wajib'
  | 'alasan_moderasi_wajib'
  | 'teks_moderasi_tidak_valid'
  | 'teks_moderasi_sama'
  | 'foto_tidak_ditemukan'
  | 'bukan_foto_sesudah'
  | 'moderasi_tidak_mengubah'
  | 'teks_laporan_privat'
  | 'foto_laporan_publik'
  | 'batas_waktu_tidak_valid'
  | 'sudah_dieskalasi'
  | 'konfirmasi_wajib';

export const STAFF_MESSAGE: Record<StaffErrorCode, { id: string; en: string }> = {
  tidak_ditemukan: { id: 'Laporan tidak ditemukan di wilayah kerja Anda.', en: 'Report not found in your jurisdiction.' },
  tidak_berwenang: { id: 'Anda tidak berwenang melakukan tindakan ini pada laporan ini.', en: 'You are not allowed to do this on this report.' },
  versi_berubah: {
    id: 'Laporan ini baru saja diubah oleh petugas lain — muat ulang halaman.',
    en: 'This ticket was changed by someone else — reload.',
  },
  transisi_tidak_sah: { id: 'Tindakan ini tidak dapat dilakukan pada status laporan sekarang.', en: 'This action is not possible in the current status.' },
  keterangan_wajib: { id: 'Keterangan wajib diisi.', en: 'A note or reason is required.' },
  instansi_tidak_valid: { id: 'Pilih instansi tujuan yang valid.', en: 'Choose a valid receiving agency.' },
  kelurahan_tidak_valid: { id: 'Pilih kelurahan tujuan yang lain dan valid.', en: 'Choose another, valid kelurahan.' },
  tanggal_tidak_valid: { id: 'Tanggal estimasi harus di masa depan.', en: 'The estimated date must be in the future.' },
  alasan_wajib: { id: 'Pilih alasan penolakan.', en: 'Choose a reason for rejecting.' },
  laporan_asli_tidak_valid: { id: 'Nomor laporan asli tidak valid.', en: 'Invalid original report number.' },
  foto_sesudah_wajib: { id: 'Tindak lanjut wajib disertai minimal satu foto sesudah.', en: 'A follow-up needs at least one after-photo.' },
  bukan_triase: { id: 'Laporan ini sudah memiliki lokasi dan kategori.', en: 'This report already has a location and a category.' },
  lokasi_wajib: { id: 'Tentukan lokasi: titik di peta atau kelurahan.', en: 'Set a location: a point or a kelurahan.' },
  di_luar_jakarta: { id: 'Titik itu di luar wilayah DKI Jakarta.', en: 'That point is outside Jakarta.' },
  kategori_wajib: { id: 'Pilih kategori laporan.', en: 'Choose a category.' },
  alasan_bendera_wajib: {
    id: 'Foto tindak lanjut ini ditandai; tuliskan alasan menerimanya.',
    en: 'This follow-up’s photos were flagged; write why you accept it.',
  },
  alasan_moderasi_wajib: {
    id: 'Tuliskan alasan moderasi (minimal 5 karakter, maksimal 500).',
    en: 'Write the reason for moderating (5 to 500 characters).',
  },
  teks_moderasi_tidak_valid: {
    id: 'Teks untuk publik tidak boleh kosong dan paling panjang 2000 karakter.',
    en: 'The public text may not be empty and is at most 2000 characters.',
  },
  teks_moderasi_sama: {
    id: 'Teks baru sama dengan teks yang sekarang tampil atau dengan aslinya (untuk aslinya, pakai “Pulihkan teks asli”).',
    en: 'The new text is the same as the one shown now or as the original (to show the original, use “Restore original text”).',
  },
  foto_tidak_ditemukan: { id: 'Foto itu bukan foto laporan ini.', en: 'That photo does not belong to this report.' },
  bukan_foto_sesudah: {
    id: 'Hanya foto sesudah (tindak lanjut petugas) yang dapat ditandai boleh tampil ke publik.',
    en: 'Only after-photos (an official’s follow-up) can be marked publishable.',
  },
  moderasi_tidak_mengubah: {
    id: 'Tidak ada yang berubah: tampilan publik sudah seperti itu.',
    en: 'Nothing changed: the public already sees it that way.',
  },
  teks_laporan_privat: {
    id: 'Teks laporan privat tidak pernah tampil ke publik; tidak ada yang perlu dimoderasi.',
    en: 'The text of a private report is never public; there is nothing to moderate.',
  },
  batas_waktu_tidak_valid: {
    id: 'Batas waktu instruksi harus setelah sekarang dan paling lama 30 hari lagi.',
    en: 'The instruction’s deadline must be after now and at most 30 days ahead.',
  },
  sudah_dieskalasi: {
    id: 'Laporan ini sudah dieskalasi ke atas tingkat Anda.',
    en: 'This ticket has already been escalated above your level.',
  },
  konfirmasi_wajib: {
    id: 'Centang konfirmasi untuk tindakan ini, lalu kirim lagi.',
    en: 'Tick the confirmation for this action, then send again.',
  },
  foto_laporan_publik: {
    id: 'Foto laporan publik sudah tampil ke publik; tanda “boleh publik” hanya untuk laporan privat. Untuk menyembunyikannya, pakai “Sembunyikan foto”.',
    en: 'Photos of a public report are public already; “publishable” is for private reports. To hide one, use “Hide photo”.',
  },
};

export class StaffError extends Error {
  constructor(public readonly code: StaffErrorCode) {
    super(code);
    this.name = 'StaffError';
  }
}
