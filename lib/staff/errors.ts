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
  | 'alasan_bendera_wajib';

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
};

export class StaffError extends Error {
  constructor(public readonly code: StaffErrorCode) {
    super(code);
    this.name = 'StaffError';
  }
}
