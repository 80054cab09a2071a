import type { ReportStatus } from '@/db/schema';
import { isOpen } from '@/lib/reports/lifecycle';

export interface SlaInput {
  status: ReportStatus;
  createdAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
  estimatedCompletionAt: Date | null;
}

export type SlaState = 'tepat_waktu' | 'terlambat' | 'selesai_tepat' | 'selesai_terlambat' | 'ditutup';

export interface SlaClock {
  state: SlaState;
  /** How long the ticket has waited (open) or took (closed), in ms. */
  elapsedMs: number;
  /** The deadline that applies: the estimated date when one was set, else the due date. */
  deadline: Date | null;
}

/** Where a ticket stands against its deadline at `now`. Pure: the time is passed in. */
export function slaClock(report: SlaInput, now: Date): SlaClock {
  const deadline = report.estimatedCompletionAt ?? report.dueAt;
  const end = isOpen(report.status) ? now : (report.finishedAt ?? now);
  const elapsedMs = end.getTime() - report.createdAt.getTime();
  if (report.status === 'ditolak') return { state: 'ditutup', elapsedMs, deadline };
  const late = deadline !== null && end.getTime() > deadline.getTime();
  if (isOpen(report.status)) return { state: late ? 'terlambat' : 'tepat_waktu', elapsedMs, deadline };
  return { state: late ? 'selesai_terlambat' : 'selesai_tepat', elapsedMs, deadline };
}

/** The moment a request is served; one place so that pages stay pure functions of their input. */
export function requestTime(): Date {
  return new Date();
}
