import { describe, expect, it } from 'vitest';
import { generateDemo, type DemoBatch } from './generator';
import { loadRegions, locate } from '@/lib/regions/jakarta';
import { CATEGORIES } from '@/lib/reference/categories';
import { CHANNELS } from '@/lib/reference/channels';

/** Any agency code gets a stable id, so the generator runs without a database. */
class AnyAgency extends Map<string, number> {
  override get(code: string) {
    if (!super.has(code)) super.set(code, super.size + 1);
    return super.get(code);
  }
}

const END = new Date('2026-06-01T00:00:00Z');
const HOUR = 3_600_000;

function run(reports: number, seed: number) {
  const reference = {
    kelurahan: loadRegions('kelurahan').features,
    categories: CATEGORIES,
    channels: CHANNELS,
    agencyIdByCode: new AnyAgency(),
  };
  const all: DemoBatch = { reports: [], events: [], ratings: [] };
  for (const b of generateDemo(reference, { reports, months: 12, seed, end: END })) {
    all.reports.push(...b.reports);
    all.events.push(...b.events);
    all.ratings.push(...b.ratings);
  }
  return all;
}

const data = run(20_000, 42);
const share = (pred: (r: DemoBatch['reports'][number]) => boolean) => data.reports.filter(pred).length / data.reports.length;

describe('generateDemo', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const a = run(300, 9);
    const b = run(300, 9);
    const c = run(300, 10);
    expect(a.reports.map((r) => [r.number, r.description, r.lat])).toEqual(b.reports.map((r) => [r.number, r.description, r.lat]));
    expect(a.reports.map((r) => r.description)).not.toEqual(c.reports.map((r) => r.description));
  });

  it('numbers public tickets JK+YYMMDD+sequence and confidential ones JKR+YYMMDD+sequence, each gap-free per day', () => {
    const byDay = { JK: new Map<string, number[]>(), JKR: new Map<string, number[]>() };
    for (const r of data.reports) {
      expect(r.number).toMatch(r.isConfidential ? /^JKR\d{10}$/ : /^JK\d{10}$/);
      const [, series, day, seq] = /^(JKR?)(\d{6})(\d{4})$/.exec(r.number)!;
      const days = byDay[series as keyof typeof byDay];
      days.set(day, [...(days.get(day) ?? []), Number(seq)]);
    }
    for (const days of Object.values(byDay)) {
      for (const seqs of days.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    expect(byDay.JK.size).toBeGreaterThan(300);
    expect(byDay.JKR.size).toBeGreaterThan(20);
  });

  it('puts every located report inside its own kelurahan', () => {
    const located = data.reports.filter((r) => r.lat !== null).slice(0, 2000);
    for (const r of located) expect(locate(r.lat!, r.lng!)?.kelurahanCode).toBe(r.kelurahanCode);
  });

  it('takes about 91% from the JAKI app and ranks Jalan, Pohon and Parkir Liar on top', () => {
    expect(share((r) => r.channelCode === 'jaki')).toBeGreaterThan(0.88);
    expect(share((r) => r.channelCode === 'jaki')).toBeLessThan(0.94);
    const counts = new Map<string, number>();
    for (const r of data.reports) counts.set(r.categoryCode, (counts.get(r.categoryCode) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c]) => c);
    expect(new Set(top)).toEqual(new Set(['jalan', 'pohon', 'parkir-liar']));
  });

  it('finishes about 97% with a median time to finish near 40 hours', () => {
    const older = data.reports.filter((r) => END.getTime() - r.createdAt!.getTime() > 30 * 24 * HOUR);
    const finished = older.filter((r) => r.status === 'selesai' || r.status === 'ditolak');
    expect(finished.length / older.length).toBeGreaterThan(0.95);
    expect(finished.length / older.length).toBeLessThan(0.99);
    const hours = older
      .filter((r) => r.status === 'selesai')
      .map((r) => (r.finishedAt!.getTime() - r.createdAt!.getTime()) / HOUR)
      .sort((a, b) => a - b);
    const median = hours[Math.floor(hours.length / 2)];
    expect(median).toBeGreaterThan(30);
    expect(median).toBeLessThan(50);
  });

  it('includes overdue, rejected-follow-up, reopened, rejected and confidential tickets', () => {
    expect(share((r) => r.status !== 'selesai' && r.status !== 'ditolak' && r.dueAt!.getTime() < END.getTime())).toBeGreaterThan(0.005);
    expect(share((r) => (r.rejectedFollowUpCount ?? 0) > 0)).toBeGreaterThan(0.03);
    expect(share((r) => (r.reopenCount ?? 0) > 0)).toBeGreaterThan(0.01);
    expect(share((r) => r.status === 'ditolak')).toBeGreaterThan(0.015);
    expect(share((r) => r.isConfidential === true)).toBeGreaterThan(0);
    expect(data.reports.filter((r) => r.rejectReason === 'duplikat').every((r) => r.duplicateOfId! < r.id)).toBe(true);
  });

  it('keeps every timeline in time order, starting at filing and never after the end', () => {
    const byReport = new Map<number, number[]>();
    for (const e of data.events) byReport.set(e.reportId, [...(byReport.get(e.reportId) ?? []), e.createdAt!.getTime()]);
    for (const r of data.reports.slice(0, 3000)) {
      const times = byReport.get(r.id)!;
      expect(times[0]).toBe(r.createdAt!.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times[times.length - 1]).toBeLessThanOrEqual(END.getTime());
    }
  });
});

describe('generateDemo escalation levels', () => {
  it('puts open overdue tickets as far up the ladder as the default policy says, and nothing else', () => {
    const open = new Set(['menunggu', 'koordinasi', 'disposisi', 'proses', 'menunggu_validasi']);
    for (const r of data.reports) {
      const deadline = (r.estimatedCompletionAt ?? r.dueAt!).getTime();
      const overdueDays = (END.getTime() - deadline) / (24 * HOUR);
      const expected = !open.has(r.status!) || overdueDays <= 0 ? 0 : Math.min(3, 1 + Math.floor(overdueDays));
      expect(r.escalationLevel).toBe(expected);
    }
    expect(data.reports.some((r) => r.escalationLevel === 3)).toBe(true);
  });
});
