import { dayRange, parseFilters, type ReportFilters } from '@/lib/reports/filters';
import { wibDay } from '@/lib/reports/ticket-number';
import type { Dashboard, FigureFilters, GroupFigures, Share } from './figures';

/** League tables rank only units that owned at least this many tickets in the period (shown on the page). */
export const LEAGUE_MIN_TICKETS = Math.max(1, Number(process.env.ADUAN_LEAGUE_MIN_TICKETS ?? 20) || 20);
/** The period shown when the URL names none: the last twelve months up to today. */
const DEFAULT_DAYS = 365;

export interface DashboardQuery {
  /** The filters as the URL and the form hold them, with the period filled in. */
  filters: ReportFilters;
  figures: FigureFilters;
}

/** Reads the dashboard's filters from the URL: period (dari, sampai), region, category, channel. */
export function parseDashboardQuery(params: URLSearchParams | Record<string, string | string[] | undefined>, now: Date): DashboardQuery {
  const parsed = parseFilters(params);
  const today = wibDay(now);
  const sampai = parsed.sampai ?? (parsed.dari && parsed.dari > today ? parsed.dari : today);
  const dari = parsed.dari ?? wibDay(new Date(Date.parse(`${sampai}T12:00:00+07:00`) - (DEFAULT_DAYS - 1) * 86_400_000));
  const filters: ReportFilters = { ...parsed, status: [], dari, sampai };
  const { from, until } = dayRange(filters);
  return {
    filters,
    figures: { from: from!.getTime(), until: until!.getTime(), region: filters.wilayah, categories: filters.kategori, channels: filters.kanal },
  };
}

// ---------------------------------------------------------------- tables

/** A cell: the value a machine reads (CSV, data-value) and, for people, the same value formatted. */
export type Cell = string | number | null;

export interface StatTable {
  id: string;
  columns: { key: string; numeric: boolean }[];
  rows: Cell[][];
  /** League tables: units left out for having fewer tickets than the minimum. */
  unranked?: number;
}

export interface UnitInfo {
  name: string;
  kind: string;
  /** For kelurahan and kecamatan offices: the kecamatan whose government they are part of. */
  kecamatanCode: string | null;
  /** The region an office serves (kelurahan, kecamatan, kota) or a Suku Dinas's kota. */
  regionCode: string | null;
  code: string;
}

export interface TableNames {
  category: (code: string) => string;
  channel: (code: string) => string;
  /** Short names of kota and kecamatan. */
  region: (code: string) => string;
  unit: (id: number) => UnitInfo | undefined;
  /** A unit's satisfaction index (SKM) in the latest survey period, when it had enough respondents. */
  ikm: (agencyCode: string) => number | null;
}

const round = (n: number | null, digits: number) => (n === null ? null : Number(n.toFixed(digits)));
export const percent = (s: Share) => round(s.share === null ? null : s.share * 100, 1);

const QUALITY_COLUMNS = ['laporan', 'selesai_persen', 'sla_tindak_lanjut_persen', 'tl_ditolak_persen', 'dibuka_kembali_persen', 'kepuasan'];
const quality = (g: GroupFigures): Cell[] => [
  g.reports,
  percent(g.finished),
  percent(g.finishSla),
  percent(g.followUpRejected),
  percent(g.reopened),
  round(g.satisfaction.mean, 2),
];

const TIME_COLUMNS = [
  'laporan',
  'selesai_persen',
  'respons_median_jam',
  'respons_p90_jam',
  'selesai_median_jam',
  'selesai_p90_jam',
  'sla_respons_persen',
  'sla_tindak_lanjut_persen',
  'tl_ditolak_persen',
  'dibuka_kembali_persen',
  'tanda_foto_persen',
  'disanggah_persen',
  'kepuasan',
  'jumlah_penilaian',
];
const timesAndQuality = (g: GroupFigures): Cell[] => [
  g.reports,
  percent(g.finished),
  round(g.firstResponse.medianHours, 1),
  round(g.firstResponse.p90Hours, 1),
  round(g.finish.medianHours, 1),
  round(g.finish.p90Hours, 1),
  percent(g.responseSla),
  percent(g.finishSla),
  percent(g.followUpRejected),
  percent(g.reopened),
  percent(g.proofFlagged),
  percent(g.disputed),
  round(g.satisfaction.mean, 2),
  g.satisfaction.count,
];

const columns = (keys: string[], first: string[]) => [
  ...first.map((key) => ({ key, numeric: key === 'peringkat' })),
  ...keys.map((key) => ({ key, numeric: true })),
];

/** Which league a unit belongs to. */
export type League = 'kelurahan' | 'kecamatan' | 'instansi';
export const LEAGUES: League[] = ['kelurahan', 'kecamatan', 'instansi'];

/** The units of a league with their names: kelurahan offices, kecamatan governments, and every other agency. */
function leagueUnits(d: Dashboard, names: TableNames, league: League): { g: GroupFigures; name: string; code: string }[] {
  if (league === 'kecamatan') return d.byKecamatanOffice.map((g) => ({ g, name: `Kecamatan ${names.region(g.key)}`, code: `kec-${g.key}` }));
  return d.byUnit.flatMap((g) => {
    const info = names.unit(Number(g.key));
    if (!info) return [];
    const kelurahan = info.kind === 'kelurahan';
    // bodies outside the Pemprov (PLN, the police) hold tickets but are not the city's to rank
    if (kelurahan !== (league === 'kelurahan') || info.kind === 'kecamatan' || info.kind === 'eksternal') return [];
    return [{ g, name: info.name, code: info.code }];
  });
}

/**
 * Ranks the units of one league on the tickets they own: by share finished within the deadline,
 * then the median time to finish, then volume. Units below the minimum are left out and counted.
 * A kecamatan owns the tickets of its office and of its kelurahan offices; agencies working in
 * its area count for themselves.
 */
export function leagueTable(d: Dashboard, names: TableNames, league: League, minTickets: number) {
  const units = leagueUnits(d, names, league);
  const ranked = units
    .filter((u) => u.g.reports >= minTickets)
    .sort(
      (a, b) =>
        (b.g.finishSla.share ?? -1) - (a.g.finishSla.share ?? -1) ||
        (a.g.finish.medianHours ?? Infinity) - (b.g.finish.medianHours ?? Infinity) ||
        b.g.reports - a.g.reports ||
        a.name.localeCompare(b.name),
    );
  const table: StatTable = {
    id: league,
    columns: columns([...TIME_COLUMNS, 'ikm'], ['peringkat', 'unit']),
    rows: ranked.map((u, i) => [i + 1, u.name, ...timesAndQuality(u.g), names.ikm(u.code)]),
    unranked: units.length - ranked.length,
  };
  return { table, unranked: table.unranked! };
}

/** Every chart's numbers as a table: the page shows them and the CSV download is made from them. */
export function dashboardTables(d: Dashboard, names: TableNames, minTickets: number): StatTable[] {
  return [
    {
      id: 'periode',
      columns: columns(['laporan', 'selesai'], [d.granularity === 'hari' ? 'tanggal' : 'bulan']),
      rows: d.series.map((p) => [p.period, p.reports, p.finished]),
    },
    { id: 'kategori', columns: columns(QUALITY_COLUMNS, ['kategori']), rows: d.byCategory.map((g) => [names.category(g.key), ...quality(g)]) },
    { id: 'kanal', columns: columns(TIME_COLUMNS, ['kanal']), rows: d.byChannel.map((g) => [names.channel(g.key), ...timesAndQuality(g)]) },
    { id: 'kota', columns: columns(TIME_COLUMNS, ['kota']), rows: d.byKota.map((g) => [g.key ? names.region(g.key) : '—', ...timesAndQuality(g)]) },
    ...LEAGUES.map((league) => leagueTable(d, names, league, minTickets).table),
  ];
}

export const TABLE_IDS = ['periode', 'kategori', 'kanal', 'kota', ...LEAGUES] as const;
