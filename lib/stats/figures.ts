import { DURATION_BUCKETS, histogramQuantile } from './duration-buckets';
import { F, M, METRICS, STATIC_METRICS, type FactStore } from './fact-store';

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
  /** Hours, like PostgreSQL's percentile_cont to within 1 % (see duration-buckets); null without any. */
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
  /** Tickets whose latest follow-up's photos were flagged, of tickets with a follow-up. */
  proofFlagged: Share;
  /** Tickets whose follow-up the reporter disputed, of tickets with a follow-up. */
  disputed: Share;
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
const NB = DURATION_BUCKETS;
/** Room for distinct combinations of metrics and rating at first (usually a few dozen occur); doubled when full. */
const INITIAL_KINDS = 64;
const bit = (flag: number) => 31 - Math.clz32(flag);

/** Counters (METRICS per group), rating sums and, optionally, duration histograms for many groups at once. */
class Tally {
  readonly counts: Int32Array;
  readonly ratingSum: Float64Array;
  readonly responseHist: Int32Array | null;
  readonly finishHist: Int32Array | null;

  constructor(
    readonly size: number,
    withDurations: boolean,
  ) {
    this.counts = new Int32Array(size * METRICS);
    this.ratingSum = new Float64Array(size);
    this.responseHist = withDurations ? new Int32Array(size * NB) : null;
    this.finishHist = withDurations ? new Int32Array(size * NB) : null;
  }

  /** Spreads per-kind counts (`K` kinds a group) into the metrics and rating sums. */
  addKinds(kindCounts: Int32Array, kinds: number[], K: number): void {
    for (let g = 0; g < this.size; g++) {
      for (let k = 0; k < kinds.length; k++) {
        const n = kindCounts[g * K + k];
        if (n === 0) continue;
        const key = kinds[k];
        for (let x = key & ((1 << METRICS) - 1); x !== 0; x &= x - 1) this.counts[g * METRICS + 31 - Math.clz32(x & -x)] += n;
        this.ratingSum[g] += n * (key >>> METRICS);
      }
    }
  }

  /** Adds group `from` of `other` into group `into` of this tally. */
  addGroup(into: number, other: Tally, from: number): void {
    for (let k = 0; k < METRICS; k++) this.counts[into * METRICS + k] += other.counts[from * METRICS + k];
    this.ratingSum[into] += other.ratingSum[from];
    if (this.responseHist && other.responseHist && this.finishHist && other.finishHist) {
      for (let b = 0; b < NB; b++) {
        this.responseHist[into * NB + b] += other.responseHist[from * NB + b];
        this.finishHist[into * NB + b] += other.finishHist[from * NB + b];
      }
    }
  }

  figures(g: number): Figures {
    const c = (flag: number) => this.counts[g * METRICS + bit(flag)];
    const share = (of: number, met: number): Share => ({ of, met, share: of ? met / of : null });
    const durations = (hist: Int32Array | null, count: number): Durations =>
      hist
        ? { count, medianHours: histogramQuantile(hist, g * NB, count, 0.5), p90Hours: histogramQuantile(hist, g * NB, count, 0.9) }
        : { count, medianHours: null, p90Hours: null };
    const rated = c(M.RATED);
    return {
      reports: c(M.REPORTS),
      rejected: c(M.REJECTED),
      finished: share(c(M.FINISHABLE), c(M.FINISHED)),
      firstResponse: durations(this.responseHist, c(M.RESPONDED)),
      finish: durations(this.finishHist, c(M.FINISHED)),
      responseSla: share(c(M.RESPONSE_OF), c(M.RESPONSE_MET)),
      finishSla: share(c(M.FINISH_OF), c(M.FINISH_MET)),
      followUpRejected: share(c(M.FOLLOW_UP_OF), c(M.FOLLOW_UP_REJECTED)),
      reopened: share(c(M.REOPEN_OF), c(M.REOPENED)),
      proofFlagged: share(c(M.FOLLOW_UP_OF), c(M.FLAGGED)),
      disputed: share(c(M.FOLLOW_UP_OF), c(M.DISPUTED)),
      satisfaction: { count: rated, mean: rated ? this.ratingSum[g] / rated : null },
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
 * same store and filters always give the same figures. Each report is counted once per category,
 * channel, kota and handling unit; the city-wide figures and each kecamatan's government are sums
 * of those groups.
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

  const byCategory = new Tally(store.categories.values.length, false);
  const byChannel = new Tally(store.channels.values.length, true);
  const byKota = new Tally(store.kotas.values.length, true);
  const byUnit = new Tally(store.maxAgency + 1, true);
  const { from, until } = filters;
  const { created, marks, responseDue, finishDue, alive, rating, responseBucket, finishBucket, category, channel, kota, agency } = store;
  const regionIds = region?.column;
  const regionId = region?.id ?? 0;
  const chR = byChannel.responseHist!;
  const chF = byChannel.finishHist!;
  const kotaR = byKota.responseHist!;
  const kotaF = byKota.finishHist!;
  const unitR = byUnit.responseHist!;
  const unitF = byUnit.finishHist!;

  // Reports fall into few distinct combinations of metrics and rating ("kinds"): each group counts
  // its reports per kind, one increment a report, and the kinds are spread into metrics afterwards.
  const kindOf = new Int16Array(1 << (METRICS + 3)).fill(-1);
  const kinds: number[] = [];
  let K = INITIAL_KINDS;
  let catKinds = new Int32Array(byCategory.size * K);
  let chKinds = new Int32Array(byChannel.size * K);
  let kotaKinds = new Int32Array(byKota.size * K);
  let unitKinds = new Int32Array(byUnit.size * K);

  for (let at = 0, end = region === null ? 0 : store.slots; at < end; at++) {
    if (!alive[at]) continue;
    const t = created[at];
    if (t < from || t >= until) continue;
    if (regionIds && regionIds[at] !== regionId) continue;
    if (categorySet && !categorySet[category[at]]) continue;
    if (channelSet && !channelSet[channel[at]]) continue;

    const f = marks[at];
    let m = f & STATIC_METRICS;
    // deadlines: a ticket counts once answered (or finished) or once its deadline has passed
    if (f & F.HAS_RESPONSE_DUE && (f & M.RESPONDED || responseDue[at] <= now)) {
      m |= M.RESPONSE_OF;
      if (f & F.RESPONDED_IN_TIME) m |= M.RESPONSE_MET;
    }
    if (f & F.HAS_FINISH_DUE && (f & M.FINISHED || finishDue[at] <= now)) {
      m |= M.FINISH_OF;
      if (f & F.FINISHED_IN_TIME) m |= M.FINISH_MET;
    }
    const key = m | (rating[at] << METRICS);
    let kind = kindOf[key];
    if (kind < 0) {
      if (kinds.length === K) {
        catKinds = widenRows(catKinds, K);
        chKinds = widenRows(chKinds, K);
        kotaKinds = widenRows(kotaKinds, K);
        unitKinds = widenRows(unitKinds, K);
        K *= 2;
      }
      kind = kindOf[key] = kinds.push(key) - 1;
    }
    const ch = channel[at];
    const ko = kota[at];
    const unit = agency[at];
    catKinds[category[at] * K + kind]++;
    chKinds[ch * K + kind]++;
    kotaKinds[ko * K + kind]++;
    unitKinds[unit * K + kind]++;
    if (m & M.RESPONDED) {
      const b = responseBucket[at];
      chR[ch * NB + b]++;
      kotaR[ko * NB + b]++;
      unitR[unit * NB + b]++;
    }
    const bucket = buckets.bucketOfDay[wibDayNumber(t) - buckets.first];
    seriesReports[bucket]++;
    if (m & M.FINISHED) {
      const b = finishBucket[at];
      chF[ch * NB + b]++;
      kotaF[ko * NB + b]++;
      unitF[unit * NB + b]++;
      seriesFinished[bucket]++;
    }
  }
  for (const [tally, kindCounts] of [
    [byCategory, catKinds],
    [byChannel, chKinds],
    [byKota, kotaKinds],
    [byUnit, unitKinds],
  ] as const) {
    tally.addKinds(kindCounts, kinds, K);
  }

  // the whole selection: every report has exactly one channel
  const overall = new Tally(1, true);
  for (let g = 0; g < byChannel.size; g++) overall.addGroup(0, byChannel, g);
  // each kecamatan's government: its office and its kelurahan offices
  const kecamatanCodes: string[] = [];
  const officeIndex = new Map<string, number>();
  const officeOf: [number, number][] = [];
  for (let id = 1; id < byUnit.size; id++) {
    if (byUnit.counts[id * METRICS] === 0) continue;
    const code = kecamatanOfUnit(id);
    if (!code) continue;
    if (!officeIndex.has(code)) officeIndex.set(code, kecamatanCodes.push(code) - 1);
    officeOf.push([id, officeIndex.get(code)!]);
  }
  const byOffice = new Tally(kecamatanCodes.length, true);
  for (const [unit, office] of officeOf) byOffice.addGroup(office, byUnit, unit);

  const groups = (t: Tally, key: (g: number) => string, from = 0): GroupFigures[] => {
    const out: GroupFigures[] = [];
    for (let g = from; g < t.size; g++) if (t.counts[g * METRICS] > 0) out.push({ key: key(g), ...t.figures(g) });
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

/** Per-group rows of `k` counts copied into rows twice as wide. */
function widenRows(counts: Int32Array<ArrayBuffer>, k: number): Int32Array<ArrayBuffer> {
  const wider = new Int32Array(counts.length * 2);
  for (let g = 0; g < counts.length / k; g++) wider.set(counts.subarray(g * k, (g + 1) * k), g * 2 * k);
  return wider;
}
