import type { EventType, ReportStatus } from '@/db/schema';

export const STATUSES = [
  'menunggu',
  'koordinasi',
  'disposisi',
  'proses',
  'menunggu_validasi',
  'selesai',
  'ditolak',
] as const satisfies readonly ReportStatus[];

/** Statuses of a ticket still being handled. */
export const OPEN_STATUSES: ReportStatus[] = ['menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_validasi'];
const OPEN = OPEN_STATUSES;
const ROUTING: ReportStatus[] = ['menunggu', 'koordinasi', 'disposisi', 'proses'];
const ALL: ReportStatus[] = [...STATUSES];

interface Rule {
  /** Statuses in which the event may happen. */
  from: ReportStatus[];
  /** The status afterwards; 'same' keeps it. */
  to: ReportStatus | 'same';
}

/** The one state machine of SPEC §4: which event may happen in which status, and where it leads. */
export const TRANSITIONS: Record<EventType, Rule> = {
  dibuat: { from: [], to: 'menunggu' },
  diterima: { from: ['menunggu', 'koordinasi', 'disposisi'], to: 'proses' },
  koordinasi: { from: ROUTING, to: 'koordinasi' },
  disposisi: { from: ['koordinasi', 'proses'], to: 'disposisi' },
  dialihkan: { from: ROUTING, to: 'menunggu' },
  estimasi: { from: ['koordinasi', 'disposisi', 'proses'], to: 'same' },
  tanggapan: { from: OPEN, to: 'same' },
  catatan: { from: ALL, to: 'same' },
  tindak_lanjut: { from: ['proses'], to: 'menunggu_validasi' },
  validasi_diterima: { from: ['menunggu_validasi'], to: 'selesai' },
  validasi_ditolak: { from: ['menunggu_validasi'], to: 'proses' },
  ditolak: { from: ROUTING, to: 'ditolak' },
  konfirmasi: { from: ['menunggu_validasi', 'selesai'], to: 'same' },
  dibuka_kembali: { from: ['selesai'], to: 'proses' },
  penilaian: { from: ['selesai'], to: 'same' },
  informasi: { from: OPEN, to: 'same' },
  dukungan: { from: OPEN, to: 'same' },
  eskalasi: { from: OPEN, to: 'same' },
  triase: { from: ['menunggu'], to: 'same' },
  sanggahan: { from: ['menunggu_validasi'], to: 'same' },
  moderasi: { from: ALL, to: 'same' },
  // a supervisor's instruction asks for the work: while the work is waiting or under way
  instruksi: { from: ROUTING, to: 'same' },
};

/** The status after `event` in `status`, or null when the event is not allowed there. */
export function nextStatus(status: ReportStatus, event: EventType): ReportStatus | null {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(status)) return null;
  return rule.to === 'same' ? status : rule.to;
}

export function isOpen(status: ReportStatus): boolean {
  return OPEN.includes(status);
}

/** A reporter may reopen a finished ticket within this many days of Selesai. */
export const REOPEN_WINDOW_DAYS = 14;

export function canReopen(finishedAt: Date, now: Date): boolean {
  return now.getTime() - finishedAt.getTime() <= REOPEN_WINDOW_DAYS * 24 * 3_600_000;
}
