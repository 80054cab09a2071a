import type { EventType, ReportStatus } from '@/db/schema';
import { officeCode } from '@/lib/reference/agencies';
import type { CategoryDef } from '@/lib/reference/categories';
import { nextStatus } from '@/lib/reports/lifecycle';
import { logNormal, type Rand } from './random';
import { ratingComment, responseText } from './templates';

const HOUR = 3_600_000;

export interface PlannedEvent {
  type: EventType;
  from: ReportStatus | null;
  to: ReportStatus;
  at: number;
  agency?: string;
  actorLabel?: string;
  body?: string;
  data?: Record<string, unknown>;
}

export interface LifecyclePlan {
  events: PlannedEvent[];
  status: ReportStatus;
  handlingAgency: string;
  firstResponseAt: number | null;
  finishedAt: number | null;
  estimatedCompletionAt: number | null;
  reopenCount: number;
  rejectedFollowUpCount: number;
  rejectReason: 'duplikat' | 'bukan_kewenangan' | 'tidak_valid' | null;
  rating: { score: number; comment: string | null; at: number } | null;
}

export interface PlanInput {
  createdAt: number;
  end: number;
  category: CategoryDef;
  kelurahanOffice: string;
  kotaCode: string;
  hasEarlierReport: boolean;
}

class Truncated extends Error {}

const VALIDATOR = 'biro-pemerintahan';

/**
 * Simulates one ticket's life with the real state machine, cutting it off at `end`, so every
 * generated timeline is one the portal itself could have produced.
 */
export function planLifecycle(rand: Rand, input: PlanInput): LifecyclePlan {
  const { category } = input;
  const plan: LifecyclePlan = {
    events: [],
    status: 'menunggu',
    handlingAgency: category.isConfidential ? 'inspektorat' : input.kelurahanOffice,
    firstResponseAt: null,
    finishedAt: null,
    estimatedCompletionAt: null,
    reopenCount: 0,
    rejectedFollowUpCount: 0,
    rejectReason: null,
    rating: null,
  };
  let t = input.createdAt;

  const emit = (
    type: EventType,
    hoursLater: number,
    extra: Omit<PlannedEvent, 'type' | 'from' | 'to' | 'at'> = {},
  ) => {
    const at = t + Math.max(hoursLater, 0.02) * HOUR;
    if (at > input.end) throw new Truncated();
    const from = type === 'dibuat' ? null : plan.status;
    const to = from === null ? 'menunggu' : nextStatus(from, type);
    if (!to) throw new Error(`generator produced ${type} in ${from}`);
    t = at;
    plan.events.push({ type, from, to, at, ...extra });
    plan.status = to;
    if (plan.firstResponseAt === null && from !== null && type !== 'catatan') plan.firstResponseAt = at;
    if (to === 'selesai' && from !== 'selesai') plan.finishedAt = at;
    if (to === 'ditolak') plan.finishedAt = at;
    if (type === 'dibuka_kembali') plan.finishedAt = null;
  };
  const say = (step: Parameters<typeof responseText>[0]) => responseText(step, category.code, rand);

  try {
    t -= 0.02 * HOUR;
    emit('dibuat', 0.02, { actorLabel: 'warga' });
    const unit = plan.handlingAgency;
    const firstDelay = rand() < 0.06 ? logNormal(rand, 30, 0.6) : logNormal(rand, 2.5, 1.1);

    if (!category.isConfidential && rand() < 0.03) {
      const reason =
        input.hasEarlierReport && rand() < 0.5 ? 'duplikat' : rand() < 0.5 ? 'bukan_kewenangan' : 'tidak_valid';
      plan.rejectReason = reason;
      emit('ditolak', firstDelay, { agency: unit, body: say('ditolak'), data: { reason } });
      return plan;
    }

    let worker = unit;
    if (!category.isConfidential && category.defaultAgency && rand() < 0.65) {
      const dinas = category.defaultAgency;
      emit('koordinasi', firstDelay, { agency: unit, body: say('koordinasi'), data: { to: dinas } });
      plan.handlingAgency = dinas;
      worker = dinas;
      if (rand() < 0.8) {
        const sudin = officeCode.sudin(dinas, input.kotaCode);
        emit('disposisi', logNormal(rand, 1.5, 0.8), { agency: dinas, body: say('disposisi'), data: { to: sudin } });
        plan.handlingAgency = sudin;
        worker = sudin;
      }
      emit('diterima', logNormal(rand, 2, 0.9), { agency: worker, body: say('diterima') });
    } else {
      emit('diterima', firstDelay, { agency: worker, body: say('diterima') });
    }

    const fate = rand();
    let workHours = logNormal(rand, 24, 1.0);
    if (fate < 0.015) workHours = 24 * 400; // abandoned: stays open and overdue
    else if (fate < 0.04) workHours = logNormal(rand, 20 * 24, 0.5);
    if (rand() < 0.08 && ['jalan', 'trotoar', 'saluran-air', 'pohon', 'taman'].includes(category.code)) {
      const estimateDays = 10 + Math.floor(rand() * 20);
      plan.estimatedCompletionAt = t + estimateDays * 24 * HOUR;
      emit('estimasi', logNormal(rand, 3, 0.7), {
        agency: worker,
        body: `Estimasi selesai dalam ${estimateDays} hari: menunggu jadwal pekerjaan dan material.`,
        data: { days: estimateDays },
      });
      workHours = estimateDays * 24 * (0.5 + rand() * 0.5);
    }
    if (rand() < 0.15) emit('tanggapan', workHours * 0.3, { agency: worker, body: say('diterima') });
    if (rand() < 0.1) emit('catatan', 0.5 + rand() * 4, { agency: worker, body: 'Sudah dicek oleh petugas lapangan.' });

    const finish = (work: number) => {
      emit('tindak_lanjut', work, { agency: worker, body: say('tindak_lanjut'), data: { photos: 1 } });
      while (rand() < 0.08 && plan.rejectedFollowUpCount < 2) {
        plan.rejectedFollowUpCount++;
        emit('validasi_ditolak', logNormal(rand, 4, 0.8), { agency: VALIDATOR, body: say('validasi_ditolak') });
        emit('tindak_lanjut', logNormal(rand, 18, 0.8), { agency: worker, body: say('tindak_lanjut'), data: { photos: 1 } });
      }
      emit('validasi_diterima', logNormal(rand, 4, 0.8), { agency: VALIDATOR, body: 'Tindak lanjut sesuai.' });
    };
    finish(workHours);

    if (rand() < 0.03) {
      plan.reopenCount++;
      emit('dibuka_kembali', logNormal(rand, 30, 0.6), { actorLabel: 'warga', body: say('dibuka_kembali') });
      finish(logNormal(rand, 24, 0.8));
    }
    if (rand() < 0.3) {
      const score = pickScore(rand, plan.reopenCount + plan.rejectedFollowUpCount);
      const comment = ratingComment(score, rand);
      emit('penilaian', logNormal(rand, 12, 1), { actorLabel: 'warga', body: comment ?? undefined, data: { score } });
      plan.rating = { score, comment, at: t };
    }
  } catch (e) {
    if (!(e instanceof Truncated)) throw e;
  }
  return plan;
}

/** Ratings lean high, lower when the ticket needed redoing. */
function pickScore(rand: Rand, troubles: number): number {
  const x = rand() - troubles * 0.15;
  if (x < 0.1) return 1;
  if (x < 0.18) return 2;
  if (x < 0.3) return 3;
  if (x < 0.55) return 4;
  return 5;
}
