import { describe, expect, it } from 'vitest';
import { slaClock } from './clock';

const created = new Date('2024-03-01T02:00:00Z');
const days = (n: number) => new Date(created.getTime() + n * 86_400_000);
const base = { createdAt: created, dueAt: days(7), finishedAt: null, estimatedCompletionAt: null };

describe('slaClock', () => {
  it.each([
    ['open within 7 days', { ...base, status: 'proses' as const }, days(3), 'tepat_waktu', 3],
    ['open past 7 days', { ...base, status: 'menunggu' as const }, days(8), 'terlambat', 8],
    ['an estimated date extends the deadline', { ...base, status: 'proses' as const, estimatedCompletionAt: days(20) }, days(10), 'tepat_waktu', 10],
    ['finished on time', { ...base, status: 'selesai' as const, finishedAt: days(2) }, days(30), 'selesai_tepat', 2],
    ['finished late', { ...base, status: 'selesai' as const, finishedAt: days(9) }, days(30), 'selesai_terlambat', 9],
    ['rejected tickets have no deadline verdict', { ...base, status: 'ditolak' as const, finishedAt: days(1) }, days(30), 'ditutup', 1],
  ])('%s', (_label, report, now, state, elapsedDays) => {
    const clock = slaClock(report, now);
    expect(clock.state).toBe(state);
    expect(clock.elapsedMs).toBe(elapsedDays * 86_400_000);
  });
});
