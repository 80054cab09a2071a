import { describe, expect, it } from 'vitest';
import { leagueTable, parseDashboardQuery, type TableNames, type UnitInfo } from './dashboard';
import type { Dashboard, GroupFigures } from './figures';

const share = (of: number, met: number) => ({ of, met, share: of ? met / of : null });
const group = (key: string, reports: number, onTime: number, medianHours: number): GroupFigures => ({
  key,
  reports,
  rejected: 0,
  finished: share(reports, reports),
  firstResponse: { count: reports, medianHours: 1, p90Hours: 2 },
  finish: { count: reports, medianHours, p90Hours: medianHours * 2 },
  responseSla: share(reports, reports),
  finishSla: share(reports, onTime),
  followUpRejected: share(reports, 0),
  reopened: share(reports, 0),
  proofFlagged: share(reports, 0),
  disputed: share(reports, 0),
  satisfaction: { count: 0, mean: null },
});

const units: Record<number, UnitInfo> = {
  1: { name: 'Kelurahan Gambir', kind: 'kelurahan', kecamatanCode: '31.71.01', regionCode: null, code: 'kel-31.71.01.1001' },
  2: { name: 'Kelurahan Kebon Kelapa', kind: 'kelurahan', kecamatanCode: '31.71.01', regionCode: null, code: 'kel-31.71.01.1005' },
  3: { name: 'Kelurahan Cideng', kind: 'kelurahan', kecamatanCode: '31.71.01', regionCode: null, code: 'kel-31.71.01.1003' },
  4: { name: 'Suku Dinas Bina Marga Jakarta Pusat', kind: 'sudin', kecamatanCode: null, regionCode: '31.71', code: 'bina-marga-31.71' },
  5: { name: 'PT PLN (Persero) UID Jakarta Raya', kind: 'eksternal', kecamatanCode: null, regionCode: null, code: 'pln' },
};
const names: TableNames = {
  category: (c) => c,
  channel: (c) => c,
  region: (c) => (c === '31.71.01' ? 'Gambir' : c),
  unit: (id) => units[id],
  ikm: (code) => (code === 'kel-31.71.01.1005' ? 91.5 : null),
};
const dashboard = {
  byUnit: [group('1', 40, 30, 50), group('2', 40, 36, 70), group('3', 5, 5, 10), group('4', 60, 30, 90), group('5', 60, 60, 10)],
  byKecamatanOffice: [group('31.71.01', 85, 71, 60)],
} as Dashboard;

describe('leagueTable', () => {
  it('ranks only units with the minimum number of tickets, best on-time share first', () => {
    const { table, unranked } = leagueTable(dashboard, names, 'kelurahan', 20);
    expect(table.rows.map((r) => [r[0], r[1]])).toEqual([
      [1, 'Kelurahan Kebon Kelapa'],
      [2, 'Kelurahan Gambir'],
    ]);
    expect(unranked).toBe(1);
    // the unit's satisfaction index sits beside its speed
    expect(table.rows[0][table.columns.findIndex((c) => c.key === 'ikm')]).toBe(91.5);
    expect(leagueTable(dashboard, names, 'kelurahan', 1).table.rows).toHaveLength(3);
  });

  it('puts agencies in their own league and kecamatan governments in theirs; bodies outside the Pemprov in none', () => {
    expect(leagueTable(dashboard, names, 'instansi', 20).table.rows.map((r) => r[1])).toEqual(['Suku Dinas Bina Marga Jakarta Pusat']);
    expect(leagueTable(dashboard, names, 'kecamatan', 20).table.rows.map((r) => r[1])).toEqual(['Kecamatan Gambir']);
  });
});

describe('parseDashboardQuery', () => {
  const now = new Date('2026-11-25T20:00:00Z'); // 26 Nov, 03:00 WIB

  it('covers the last twelve months up to today (WIB) when the URL names no period', () => {
    const q = parseDashboardQuery({}, now);
    expect([q.filters.dari, q.filters.sampai]).toEqual(['2025-11-27', '2026-11-26']);
    expect(q.figures.from).toBe(Date.parse('2025-11-27T00:00:00+07:00'));
    expect(q.figures.until).toBe(Date.parse('2026-11-27T00:00:00+07:00'));
  });

  it('keeps region, category and channel, and drops what it cannot read', () => {
    const q = parseDashboardQuery({ dari: '2026-07-01', sampai: '2026-07-31', kecamatan: '31.71.01', kategori: 'jalan', kanal: 'bad value!' }, now);
    expect(q.figures).toMatchObject({ region: '31.71.01', categories: ['jalan'], channels: [] });
    expect(q.filters.sampai).toBe('2026-07-31');
  });
});
