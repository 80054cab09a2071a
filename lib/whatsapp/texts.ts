import type { ImageRejection } from '@/lib/media/process-image';
import { IMAGE_REJECTION_MESSAGE } from '@/lib/media/process-image';

export type Language = 'id' | 'en';

/** What the WhatsApp conversation says, in Bahasa Indonesia and English. */
export const TEXT = {
  greeting: {
    id: 'Halo! Ini layanan pengaduan Pemprov DKI Jakarta (Aduan Jakarta). Mau membuat laporan baru atau melacak tiket? Ketik BATAL kapan saja untuk berhenti, BERHENTI bila tidak ingin menerima kabar status.',
    en: 'Hello! This is the Jakarta provincial government complaint service (Aduan Jakarta). Do you want to make a new report or track a ticket? Type CANCEL at any time to stop, STOP to receive no status messages.',
  },
  makeReport: { id: 'Buat laporan', en: 'Make a report' },
  trackTicket: { id: 'Lacak tiket', en: 'Track a ticket' },
  otherLanguage: { id: 'English', en: 'Bahasa Indonesia' },
  chooseGroup: { id: 'Laporan tentang apa? Pilih kelompoknya.', en: 'What is the report about? Choose a group.' },
  chooseCategory: { id: 'Pilih kategorinya.', en: 'Choose the category.' },
  listButton: { id: 'Pilih kategori', en: 'Choose category' },
  other: { id: 'Lainnya / tidak tahu', en: 'Other / not sure' },
  otherDescription: { id: 'Petugas yang memilihkan kategorinya', en: 'Staff choose the category for you' },
  next: { id: 'Berikutnya…', en: 'More…' },
  back: { id: 'Kembali', en: 'Back' },
  pickFromList: { id: 'Silakan pilih dari daftar (tekan tombol di bawah pesan).', en: 'Please choose from the list (tap the button under the message).' },
  askDescription: {
    id: 'Ceritakan masalahnya: apa yang terjadi, sejak kapan, patokan di dekatnya.',
    en: 'Describe the problem: what happened, since when, a landmark nearby.',
  },
  descriptionTooShort: { id: 'Ceritanya terlalu singkat; tulis setidaknya 10 huruf.', en: 'That is too short; write at least 10 characters.' },
  askPhoto: { id: 'Kirim satu foto masalahnya (boleh dilewati).', en: 'Send one photo of the problem (optional).' },
  skipPhoto: { id: 'Lewati foto', en: 'Skip photo' },
  photoReceived: { id: 'Foto diterima.', en: 'Photo received.' },
  photoTooLarge: { id: 'Foto melebihi 10 MB; kirim yang lebih kecil atau lewati.', en: 'The photo is larger than 10 MB; send a smaller one or skip.' },
  photoUnavailable: { id: 'Foto tidak dapat diambil dari WhatsApp; kirim ulang atau lewati.', en: 'The photo could not be fetched from WhatsApp; send it again or skip.' },
  askPlace: {
    id: 'Di mana lokasinya? Bagikan lokasi (📎 → Lokasi), atau tulis nama kelurahan dan alamatnya.',
    en: 'Where is it? Share a location (📎 → Location), or type the kelurahan and the address.',
  },
  outsideJakarta: { id: 'Titik itu di luar DKI Jakarta. Bagikan lokasi di Jakarta atau tulis alamatnya.', en: 'That point is outside Jakarta. Share a location in Jakarta or type the address.' },
  placeFound: { id: 'Lokasi: Kelurahan {name}.', en: 'Place: Kelurahan {name}.' },
  placeForTriage: { id: 'Alamat dicatat; petugas akan menentukan kelurahannya.', en: 'Address noted; staff will find its kelurahan.' },
  askVisibility: {
    id: 'Boleh laporan ini tampil di situs publik (tanpa nama dan nomor Anda)? Pilih Pribadi bila hanya petugas yang boleh membaca ceritanya.',
    en: 'May this report appear on the public site (without your name or number)? Choose Private if only staff may read your account.',
  },
  public: { id: 'Publik', en: 'Public' },
  private: { id: 'Pribadi', en: 'Private' },
  filed: {
    id: 'Laporan Anda diterima dengan nomor {number}. Pantau, tambahkan informasi atau beri penilaian lewat tautan pribadi ini (jangan dibagikan): {link}\n\nKabar status dikirim ke WhatsApp ini.',
    en: 'Your report was received with number {number}. Follow it, add information or rate it through this private link (do not share it): {link}\n\nStatus updates are sent to this WhatsApp.',
  },
  tooManyReports: {
    id: 'Anda sudah mengirim {limit} laporan dalam satu jam terakhir. Coba lagi nanti.',
    en: 'You have sent {limit} reports in the last hour. Please try again later.',
  },
  askNumber: { id: 'Kirim nomor tiketnya (mis. JK2603100001).', en: 'Send the ticket number (e.g. JK2603100001).' },
  invalidNumber: { id: 'Itu bukan nomor tiket. Nomor tiket seperti JK2603100001.', en: 'That is not a ticket number. A ticket number looks like JK2603100001.' },
  notFound: { id: 'Tiket {number} tidak ditemukan.', en: 'Ticket {number} was not found.' },
  confidential: {
    id: 'Tiket rahasia (JKR…) hanya dapat dipantau lewat tautan pribadi yang dikirim saat laporan dibuat.',
    en: 'Confidential tickets (JKR…) can only be followed through the private link sent when the report was made.',
  },
  tracked: { id: 'Tiket {number}: {status}.', en: 'Ticket {number}: {status}.' },
  lastStep: { id: 'Langkah terakhir ({date}): {step}', en: 'Last step ({date}): {step}' },
  cancelled: { id: 'Dibatalkan; tidak ada laporan yang dikirim. Tulis apa saja untuk mulai lagi.', en: 'Cancelled; no report was sent. Write anything to start again.' },
  expired: {
    id: 'Laporan yang sedang Anda isi dihapus karena tidak ada balasan selama {minutes} menit; belum ada yang terkirim. Tulis apa saja untuk mulai lagi.',
    en: 'The report you were filling in was dropped after {minutes} minutes without a reply; nothing was sent. Write anything to start again.',
  },
  optedOut: {
    id: 'Baik, Anda tidak akan menerima kabar status laporan di WhatsApp ini lagi. Ketik MULAI untuk menerimanya kembali.',
    en: 'All right, you will no longer receive status updates on this WhatsApp. Type START to receive them again.',
  },
  optedIn: { id: 'Kabar status laporan akan dikirim lagi ke WhatsApp ini.', en: 'Status updates will be sent to this WhatsApp again.' },
  unsupported: { id: 'Maaf, pesan jenis ini belum dapat dibaca. Kirim teks, foto atau lokasi.', en: 'Sorry, this kind of message cannot be read yet. Send text, a photo or a location.' },
  languageSet: { id: 'Bahasa: Indonesia.', en: 'Language: English.' },
} satisfies Record<string, Record<Language, string>>;

export type TextKey = keyof typeof TEXT;

/** A text in a language with its {placeholders} filled. */
export function say(key: TextKey, language: Language, values: Record<string, string | number> = {}): string {
  return TEXT[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function photoRejectedText(code: ImageRejection, language: Language): string {
  return `${IMAGE_REJECTION_MESSAGE[code][language]} ${language === 'en' ? 'Send another photo or skip.' : 'Kirim foto lain atau lewati.'}`;
}
