import type { StaffAction } from '@/lib/auth/permissions';
import { formatDate } from '@/lib/format';

export type RejectReason = 'duplikat' | 'bukan_kewenangan' | 'tidak_valid';

/**
 * What an official's action says to the reporter. Only the reporter is written to this way:
 * supporters and other followers receive status changes only (lib/intake/tracking.ts
 * notifySubscribers). A response, an estimate or a rejection reason is addressed to the person who
 * reported, often asks them for something, and carries their private link; supporters read the
 * same public events on the ticket's page and in its feed, and a popular ticket would otherwise
 * send an SMS to every supporter for every reply.
 */
export interface ReporterMessageInput {
  action: StaffAction;
  number: string;
  /** The unit that acted, as the reporter may know it: never an official's name. */
  unit: string;
  /** What the official wrote (public; internal notes never reach here). */
  body: string | null;
  estimatedAt?: Date | null;
  rejectReason?: RejectReason | null;
  /** The original of a duplicate, only when it is not a confidential ticket. */
  duplicateOf?: string | null;
  /** The reporter's private tracking link. */
  link: string;
}

export interface ReporterMessage {
  subject: string;
  body: string;
}

const REJECT_TEXT: Record<RejectReason, (duplicateOf: string | null) => string> = {
  duplikat: (original) => (original ? `masalah yang sama sudah dilaporkan dengan nomor ${original} dan ditangani di sana` : 'masalah yang sama sudah dilaporkan dan ditangani dalam laporan lain'),
  bukan_kewenangan: () => 'di luar kewenangan Pemerintah Provinsi DKI Jakarta',
  tidak_valid: () => 'laporan tidak dapat ditindaklanjuti (tidak valid)',
};

const quoted = (body: string | null) => (body?.trim() ? `\n\n"${body.trim()}"` : '');
const linkLine = (link: string) => `\n\nPantau laporan, tambahkan informasi atau tanggapi lewat tautan pribadi Anda (jangan dibagikan): ${link}`;

/**
 * The message an action sends its reporter, or null when it sends none of its own. Pure. Only the
 * actions below speak to the reporter; every other one (accepting, routing, supervising, a
 * follow-up waiting for validation, an internal note) reaches them as a status change, like every
 * follower, or not at all.
 */
export function reporterMessage(m: ReporterMessageInput): ReporterMessage | null {
  const compose: Partial<Record<StaffAction, () => ReporterMessage | null>> = {
    tanggapan: () => ({
      subject: `Laporan ${m.number}: tanggapan ${m.unit}`,
      body: `${m.unit} menanggapi laporan Anda ${m.number}:${quoted(m.body)}${linkLine(m.link)}`,
    }),
    estimasi: () =>
      m.estimatedAt
        ? {
            subject: `Laporan ${m.number}: perkiraan selesai ${formatDate(m.estimatedAt, 'id')}`,
            body: `${m.unit} memperkirakan laporan Anda ${m.number} selesai pada ${formatDate(m.estimatedAt, 'id')}.${quoted(m.body)}${linkLine(m.link)}`,
          }
        : null,
    tolak: () => ({
      subject: `Laporan ${m.number} ditolak`,
      body:
        `Laporan Anda ${m.number} ditolak oleh ${m.unit}` +
        (m.rejectReason ? `: ${REJECT_TEXT[m.rejectReason](m.duplicateOf ?? null)}.` : '.') +
        quoted(m.body) +
        linkLine(m.link),
    }),
    // asked only once a validator accepted the follow-up; during validation the tracking page
    // still lets a reporter who looks dispute it
    validasi_terima: () => ({
      subject: `Laporan ${m.number}: apakah sudah selesai?`,
      body:
        `Laporan Anda ${m.number} dinyatakan selesai setelah tindak lanjutnya divalidasi. Apakah masalahnya benar-benar sudah beres? ` +
        `Konfirmasi dan beri penilaian, atau bila belum beres, buka kembali laporan dalam 14 hari (dengan alasan) lewat tautan pribadi Anda (jangan dibagikan): ${m.link}`,
    }),
    validasi_tolak: () => ({
      subject: `Laporan ${m.number}: penanganan dilanjutkan`,
      body: `Tindak lanjut laporan Anda ${m.number} belum diterima validator, jadi pekerjaannya dilanjutkan petugas.${quoted(m.body)}${linkLine(m.link)}`,
    }),
  };
  return compose[m.action]?.() ?? null;
}
