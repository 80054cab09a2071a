import { quantile } from 'd3-array';
import { STATUS_INDEX, type FactStore } from './fact-store';

/** What the figures cover: created in [from, until), in a region, of some categories and channels. */
export interface FigureFilters {
  from: number;
  until: number;
  /** A kota, kecamatan or kelurahan code. */
  region: string | null;
  categories: string[];
  channels: string[];
}

/** A share: `met` of `of` tickets, null when none qualify. */
export interface Share {
  of: number;
  met: number;
  share: number | null;
}

export interface Durations {
  count: number;
  /** Hours, interpolated like PostgreSQL's percentile_cont; null without any. */
  medianHours: number | null;
  p90Hours: number | null;
}

export interface Figures {
  reports: number;
  /** Refused tickets (duplicate, not ours, not valid): not counted as work to finish. */
  rejected: number;
  finished: Share;
  firstResponse: Durations;
  finish: Durations;
  /** Answered by the first-response deadline, of tickets answered or past that deadline. */
  responseSla: Share;
  /** Finished by the follow-up deadline (or the estimated date), of tickets finished or past it. */
  finishSla: Share;
  /** Tickets whose follow-up was rejected at least once ("TL ditolak"), of tickets with a follow-up. */
  followUpRejected: Share;
  /** Tickets reopened by the reporter, of tickets ever finished. */
  reopened: Share;
  satisfaction: { count: number; mean: number | null };
}

export interface SeriesPoint {
  /** YYYY-MM-DD for days, YYYY-MM for months. */
  period: string;
  reports: number;
  finished: number;
}

export interface GroupFigures extends Figures {
  key: string;
}

export interface Dashboard {
  overall: Figures;
  granularity: 'hari' | 'bulan';
  series: SeriesPoint[];
  byCategory: GroupFigures[];
  byChannel: GroupFigures[];
  byKota: GroupFigures[];
  /** Keyed by the handling agency's id. */
  byUnit: GroupFigures[];
  /** Keyed by kecamatan code: tickets owned by the kecamatan office or a kelurahan office in it. */
  byKecamatanOffice: GroupFigures[];
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const WIB = 7 * HOUR;
/** Periods up to this many days are charted per day, longer ones per month. */
export const DAILY_SERIES_MAX_DAYS = 92;

const S = (name: Parameters<typeof STATUS_INDEX.get>[0]) => STATUS_INDEX.get(name)!;
const SELESAI = S('selesai');
const DITOLAK = S('ditolak');
const MENUNGGU_VALIDASI = S('menunggu_validasi');

/** Counters for many groups at once, indexed by a small group number. */
class Tally {
  reports: Int32Array;
  rejected: Int32Array;
  finished: Int32Array;
  finishable: Int32Array;
  responseOf: Int32Array;
  responseMet: Int32Array;
  finishOf: Int32Array;
  finishMet: Int32Array;
  followUpOf: Int32Array;
  followUpRejected: Int32Array;
  reopenOf: Int32Array;
  reopened: Int32Array;
  ratings: Int32Array;
  ratingSum: Float64Array;
  responseHours: number[][] | null;
  finishHours: number[][] | null;

  constructor(
    readonly size: number,
    withDurations: boolean,
  ) {
    const ints = () => new Int32Array(size);
    this.reports = ints();
    this.rejected = ints();
    this.finished = ints();
    this.finishable = ints();
    this.responseOf = ints();
    this.responseMet = ints();
    this.finishOf = ints();
    this.finishMet = ints();
    this.followUpOf = ints();
    this.followUpRejected = ints();
    this.reopenOf = ints();
    this.reopened = ints();
    this.ratings = ints();
    this.ratingSum = new Float64Array(size);
    const lists = () => Array.from({ length: size }, () => [] as number[]);
    this.responseHours = withDurations ? lists() : null;
    this.finishHours = withDurations ? lists() : null;
  }

  figures(g: number): Figures {
    const share = (of: number, met: number): Share => ({ of, met, share: of ? met / of : null });
    const durations = (list: number[] | undefined): Durations =>
      list
        ? { count: list.length, medianHours: quantile(list, 0.5) ?? null, p90Hours: quantile(list, 0.9) ?? null }
        : { count: 0, medianHours: null, p90Hours: null };
    return {
      reports: this.reports[g],
      rejected: this.rejected[g],
      finished: share(this.finishable[g], this.finished[g]),
      firstResponse: durations(this.responseHours?.[g]),
      finish: durations(this.finishHours?.[g]),
      responseSla: share(this.responseOf[g], this.responseMet[g]),
      finishSla: share(this.finishOf[g], this.finishMet[g]),
      followUpRejected: share(this.followUpOf[g], this.followUpRejected[g]),
      reopened: share(this.reopenOf[g], this.reopened[g]),
      satisfaction: { count: this.ratings[g], mean: this.ratings[g] ? this.ratingSum[g] / this.ratings[g] : null },
    };
  }
}

/** The WIB calendar day of an instant, as days since 1970-01-01. */
const wibDayNumber = (ms: number) => Math.floor((ms + WIB) / DAY);
const dayLabel = (dayNumber: number) => new Date(dayNumber * DAY).toISOString().slice(0, 10);

/** The series buckets of a period: a bucket number for each WIB day in it, and each bucket's label. */
function seriesBuckets(from: number, until: number) {
  const first = wibDayNumber(from);
  const last = wibDayNumber(until - 1);
  const days = Math.max(0, last - first + 1);
  const daily = days <= DAILY_SERIES_MAX_DAYS;
  const bucketOfDay = new Int32Array(days);
  const labels: string[] = [];
  for (let d = 0; d < days; d++) {
    const label = daily ? dayLabel(first + d) : dayLabel(first + d).slice(0, 7);
    if (labels[labels.length - 1] !== label) labels.push(label);
    bucketOfDay[d] = labels.length - 1;
  }
  return { first, bucketOfDay, labels, granularity: daily ? ('hari' as const) : ('bulan' as const) };
}

/** Slot test for a region code at its level, or null when it matches nothing. */
function regionColumn(store: FactStore, code: string): { column: Uint16Array; id: number } | null {
  const level = code.split('.').length;
  const [dict, column] =
    level === 2 ? [store.kotas, store.kota] : level === 3 ? [store.kecamatans, store.kecamatan] : [store.kelurahans, store.kelurahan];
  const id = dict.find(code);
  return id === undefined ? null : { column, id };
}

function idSet(ids: (number | undefined)[], size: number): Uint8Array {
  const set = new Uint8Array(size);
  for (const id of ids) if (id !== undefined) set[id] = 1;
  return set;
}

/**
 * Every figure of the dashboard in one pass over the store. Pure: the clock is passed in, and the
 * same store and filters always give the same figures.
 */
export function computeDashboard(
  store: FactStore,
  filters: FigureFilters,
  now: number,
  kecamatanOfUnit: (agencyId: number) => string | null = () => null,
): Dashboard {
  const region = filters.region ? regionColumn(store, filters.region) : undefined;
  const categorySet = filters.categories.length
    ? idSet(filters.categories.map((c) => store.categories.find(c)), store.categories.values.length)
    : null;
  const channelSet = filters.channels.length
    ? idSet(filters.channels.map((c) => store.channels.find(c)), store.channels.values.length)
    : null;
  const buckets = seriesBuckets(filters.from, filters.until);
  const seriesReports = new Int32Array(buckets.labels.length);
  const seriesFinished = new Int32Array(buckets.labels.length);

  let maxAgency = 0;
  for (let at = 0; at < store.slots; at++) if (store.agency[at] > maxAgency) maxAgency = store.agency[at];
  const overall = new Tally(1, true);
  const byCategory = new Tally(store.categories.values.length, false);
  const byChannel = new Tally(store.channels.values.length, false);
  const byKota = new Tally(store.kotas.values.length, true);
  const byUnit = new Tally(maxAgency + 1, true);
  // the kecamatan whose government (its office or one of its kelurahan offices) owns each unit's tickets
  const kecamatanCodes = [''];
  const kecamatanGroup = new Map<string, number>();
  const officeOfUnit = new Int32Array(maxAgency + 1);
  for (let id = 1; id <= maxAgency; id++) {
    const code = kecamatanOfUnit(id);
    if (!code) continue;
    if (!kecamatanGroup.has(code)) kecamatanGroup.set(code, kecamatanCodes.push(code) - 1);
    officeOfUnit[id] = kecamatanGroup.get(code)!;
  }
  const byOffice = new Tally(kecamatanCodes.length, true);
  const tallies: [Tally, Uint16Array | Int32Array | null][] = [
    [overall, null],
    [byCategory, store.category],
    [byChannel, store.channel],
    [byKota, store.kota],
    [byUnit, store.agency],
    [byOffice, null],
  ];

  const matches = region !== null;
  for (let at = 0; matches && at < store.slots; at++) {
    if (!store.alive[at]) continue;
    const created = store.created[at];
    if (created < filters.from || created >= filters.until) continue;
    if (region && region.column[at] !== region.id) continue;
    if (categorySet && !categorySet[store.category[at]]) continue;
    if (channelSet && !channelSet[store.channel[at]]) continue;

    const status = store.status[at];
    const rejected = status === DITOLAK;
    const finished = status === SELESAI && !Number.isNaN(store.finished[at]);
    const responded = !Number.isNaN(store.firstResponse[at]);
    const responseDue = store.firstResponseDue[at];
    const finishDue = store.finishDue[at];
    const responseOf = !rejected && !Number.isNaN(responseDue) && (responded || responseDue <= now);
    const responseMet = responseOf && responded && store.firstResponse[at] <= responseDue;
    const finishOf = !rejected && !Number.isNaN(finishDue) && (finished || finishDue <= now);
    const finishMet = finishOf && finished && store.finished[at] <= finishDue;
    const reopens = store.reopens[at];
    const followUps = store.rejectedFollowUps[at];
    const followUpOf = followUps > 0 || status === MENUNGGU_VALIDASI || status === SELESAI || reopens > 0;
    const reopenOf = status === SELESAI || reopens > 0;
    const rating = store.rating[at];
    const responseHours = responded ? (store.firstResponse[at] - created) / HOUR : 0;
    const finishHours = finished ? (store.finished[at] - created) / HOUR : 0;

    const bucket = buckets.bucketOfDay[wibDayNumber(created) - buckets.first];
    seriesReports[bucket]++;
    if (finished) seriesFinished[bucket]++;

    const office = officeOfUnit[store.agency[at]];
    for (const [t, column] of tallies) {
      const g = column ? column[at] : t === byOffice ? office : 0;
      if (t === byOffice && g === 0) continue;
      t.reports[g]++;
      if (rejected) t.rejected[g]++;
      else t.finishable[g]++;
      if (finished) t.finished[g]++;
      if (responseOf) t.responseOf[g]++;
      if (responseMet) t.responseMet[g]++;
      if (finishOf) t.finishOf[g]++;
      if (finishMet) t.finishMet[g]++;
      if (followUpOf) t.followUpOf[g]++;
      if (followUps > 0) t.followUpRejected[g]++;
      if (reopenOf) t.reopenOf[g]++;
      if (reopens > 0) t.reopened[g]++;
      if (rating > 0) {
        t.ratings[g]++;
        t.ratingSum[g] += rating;
      }
      if (responded) t.responseHours?.[g].push(responseHours);
      if (finished) t.finishHours?.[g].push(finishHours);
    }
  }

  const groups = (t: Tally, key: (g: number) => string): GroupFigures[] => {
    const out: GroupFigures[] = [];
    for (let g = 0; g < t.size; g++) if (t.reports[g] > 0) out.push({ key: key(g), ...t.figures(g) });
    return out.sort((a, b) => b.reports - a.reports || a.key.localeCompare(b.key));
  };
  return {
    overall: overall.figures(0),
    granularity: buckets.granularity,
    series: buckets.labels.map((period, i) => ({ period, reports: seriesReports[i], finished: seriesFinished[i] })),
    byCategory: groups(byCategory, (g) => store.categories.values[g]),
    byChannel: groups(byChannel, (g) => store.channels.values[g]),
    byKota: groups(byKota, (g) => store.kotas.values[g]),
    byUnit: groups(byUnit, (g) => String(g)),
    byKecamatanOffice: groups(byOffice, (g) => kecamatanCodes[g]),
  };
}
