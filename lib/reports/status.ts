import type { ReportStatus } from '@/db/schema';

interface StatusStyle {
  id: string;
  en: string;
  /** Marker and badge colour (SPEC §1: red waiting, yellow in progress, green done). */
  color: string;
  /** Badge classes with AA contrast. */
  badge: string;
}

export const STATUS_STYLE: Record<ReportStatus, StatusStyle> = {
  menunggu: { id: 'Menunggu', en: 'Waiting', color: '#dc2626', badge: 'bg-red-100 text-red-800 ring-red-300' },
  koordinasi: { id: 'Koordinasi', en: 'Coordinated', color: '#ea580c', badge: 'bg-orange-100 text-orange-900 ring-orange-300' },
  disposisi: { id: 'Disposisi', en: 'Handed down', color: '#ea580c', badge: 'bg-orange-100 text-orange-900 ring-orange-300' },
  proses: { id: 'Proses', en: 'In progress', color: '#eab308', badge: 'bg-yellow-100 text-yellow-900 ring-yellow-400' },
  menunggu_validasi: { id: 'Menunggu Validasi', en: 'Awaiting validation', color: '#2563eb', badge: 'bg-blue-100 text-blue-900 ring-blue-300' },
  selesai: { id: 'Selesai', en: 'Finished', color: '#16a34a', badge: 'bg-green-100 text-green-900 ring-green-300' },
  ditolak: { id: 'Ditolak', en: 'Rejected', color: '#6b7280', badge: 'bg-gray-100 text-gray-800 ring-gray-300' },
};

export const EVENT_LABEL: Record<string, { id: string; en: string }> = {
  dibuat: { id: 'Laporan diterima sistem', en: 'Report filed' },
  diterima: { id: 'Diterima dan diproses', en: 'Accepted and in progress' },
  koordinasi: { id: 'Dikoordinasikan ke instansi', en: 'Coordinated to an agency' },
  disposisi: { id: 'Didisposisikan ke suku dinas', en: 'Handed down to the city office' },
  dialihkan: { id: 'Dialihkan ke kelurahan lain', en: 'Re-routed to another kelurahan' },
  estimasi: { id: 'Estimasi waktu selesai', en: 'Estimated completion set' },
  tanggapan: { id: 'Tanggapan', en: 'Response' },
  catatan: { id: 'Catatan internal', en: 'Internal note' },
  tindak_lanjut: { id: 'Tindak lanjut dilaporkan', en: 'Follow-up reported' },
  validasi_diterima: { id: 'Tindak lanjut divalidasi — Selesai', en: 'Follow-up validated — Finished' },
  validasi_ditolak: { id: 'Tindak lanjut ditolak (TL ditolak)', en: 'Follow-up rejected' },
  ditolak: { id: 'Laporan ditolak', en: 'Report rejected' },
  konfirmasi: { id: 'Pelapor mengonfirmasi selesai', en: 'Reporter confirmed' },
  dibuka_kembali: { id: 'Dibuka kembali oleh pelapor', en: 'Reopened by the reporter' },
  penilaian: { id: 'Penilaian pelapor', en: 'Reporter rating' },
  informasi: { id: 'Informasi tambahan dari pelapor', en: 'More information from the reporter' },
  dukungan: { id: 'Dukungan warga', en: 'Support from a resident' },
  eskalasi: { id: 'Dieskalasi', en: 'Escalated' },
  triase: { id: 'Lokasi dan kategori ditetapkan', en: 'Location and category set' },
  sanggahan: { id: 'Disanggah pelapor', en: 'Disputed by the reporter' },
  moderasi: { id: 'Teks atau foto dimoderasi petugas', en: 'Text or photo moderated by staff' },
  instruksi: { id: 'Instruksi pimpinan wilayah', en: 'Instruction from a supervisor' },
};
