import type { ReportStatus } from '@/db/schema';
import { columnOf, type StoreColumns } from '@/lib/cache/snapshot-codec';
import { Dictionary, restoreDictionary } from '@/lib/columns';
import { durationBucket } from './duration-buckets';

/**
 * One report as the performance figures need it: times as epoch milliseconds (null when not
 * reached), the unit that owns it, and its quality marks. Never any reporter data.
 */
export interface FactRow {
  id: number;
  /** Confidential reports leave the figures (they are only ever an anonymous count). */
  counted: boolean;
  status: ReportStatus;
  categoryCode: string;
  channelCode: string;
  kelurahanCode: string | null;
  kecamatanCode: string | null;
  kotaCode: string | null;
  /** The handling unit: the one whose figures the ticket counts in. */
  agencyId: number | null;
  createdAt: number;
  firstResponseAt: number | null;
  firstResponseDueAt: number | null;
  finishedAt: number | null;
  /** The follow-up deadline: the estimated date when one was set with a reason, else the policy's. */
  finishDueAt: number | null;
  reopenCount: number;
  rejectedFollowUpCount: number;
  /** The reporter's rating 1–5, 0 when not rated. */
  rating: number;
  /** The latest follow-up's photos were flagged (recycled, too early, too far, no metadata). */
  proofFlagged: boolean;
  /** The reporter disputed a follow-up before validation. */
  disputed: boolean;
}

/**
 * Per-report marks, fixed when the report is stored. The low bits are the metrics a report
 * counts in whatever the clock says (their bit number is the metric's index); the high bits are
 * facts the deadline checks need at query time.
 */
export const M = {
  REPORTS: 1 << 0,
  REJECTED: 1 << 1,
  FINISHABLE: 1 << 2,
  FINISHED: 1 << 3,
  RESPONSE_OF: 1 << 4,
  RESPONSE_MET: 1 << 5,
  FINISH_OF: 1 << 6,
  FINISH_MET: 1 << 7,
  FOLLOW_UP_OF: 1 << 8,
  FOLLOW_UP_REJECTED: 1 << 9,
  REOPEN_OF: 1 << 10,
  REOPENED: 1 << 11,
  RATED: 1 << 12,
  RESPONDED: 1 << 13,
  FLAGGED: 1 << 14,
  DISPUTED: 1 << 15,
} as const;
export const METRICS = 16;
export const F = {
  HAS_RESPONSE_DUE: 1 << 20,
  HAS_FINISH_DUE: 1 << 21,
  /** Responded, by the first-response deadline. */
  RESPONDED_IN_TIME: 1 << 22,
  /** Finished, by the follow-up deadline. */
  FINISHED_IN_TIME: 1 << 23,
} as const;
/** The metric bits that do not depend on the clock. */
export const STATIC_METRICS = ((1 << METRICS) - 1) & ~(M.RESPONSE_OF | M.RESPONSE_MET | M.FINISH_OF | M.FINISH_MET);

/** The marks of one report (see M and F). */
export function marksOf(row: FactRow): number {
  const rejected = row.status === 'ditolak';
  const finished = row.status === 'selesai' && row.finishedAt !== null;
  const responded = row.firstResponseAt !== null;
  let m = M.REPORTS | (rejected ? M.REJECTED : M.FINISHABLE);
  if (finished) m |= M.FINISHED;
  if (responded) m |= M.RESPONDED;
  if (row.rejectedFollowUpCount > 0 || row.status === 'menunggu_validasi' || row.status === 'selesai' || row.reopenCount > 0) m |= M.FOLLOW_UP_OF;
  if (row.rejectedFollowUpCount > 0) m |= M.FOLLOW_UP_REJECTED;
  if (row.status === 'selesai' || row.reopenCount > 0) m |= M.REOPEN_OF;
  if (row.reopenCount > 0) m |= M.REOPENED;
  if (row.rating > 0) m |= M.RATED;
  if (row.proofFlagged) m |= M.FLAGGED;
  if (row.disputed) m |= M.DISPUTED;
  if (!rejected && row.firstResponseDueAt !== null) {
    m |= F.HAS_RESPONSE_DUE;
    if (responded && row.firstResponseAt! <= row.firstResponseDueAt) m |= F.RESPONDED_IN_TIME;
  }
  if (!rejected && row.finishDueAt !== null) {
    m |= F.HAS_FINISH_DUE;
    if (finished && row.finishedAt! <= row.finishDueAt) m |= F.FINISHED_IN_TIME;
  }
  return m;
}

/** The layout of a FactStore snapshot: change it whenever the columns, marks or buckets change. */
export const FACT_STORE_FORMAT = 1;

/**
 * Every counted report in compact columns (about 40 bytes a report), patched in place as
 * reports change, so that figures over millions of reports are one pass over typed arrays.
 * Durations are kept as 1 % buckets (see duration-buckets).
 */
export class FactStore {
  /** Bumped on every change: cached figures key on it. */
  version = 0;
  private length = 0;
  private capacity = 0;
  private positionById = new Int32Array(0);
  private live = 0;
  /** The highest handling agency id stored. */
  maxAgency = 0;
  alive = new Uint8Array(0);
  category = new Uint16Array(0);
  channel = new Uint16Array(0);
  kelurahan = new Uint16Array(0);
  kecamatan = new Uint16Array(0);
  kota = new Uint16Array(0);
  agency = new Int32Array(0);
  created = new Float64Array(0);
  responseDue = new Float64Array(0);
  finishDue = new Float64Array(0);
  marks = new Uint32Array(0);
  responseBucket = new Uint16Array(0);
  finishBucket = new Uint16Array(0);
  rating = new Uint8Array(0);
  readonly categories = new Dictionary();
  readonly channels = new Dictionary();
  readonly kelurahans = new Dictionary();
  readonly kecamatans = new Dictionary();
  readonly kotas = new Dictionary();

  /** Reports counted. */
  get size(): number {
    return this.live;
  }

  /** Slots in use, including removed reports (iterate 0…slots and check `alive`). */
  get slots(): number {
    return this.length;
  }

  apply(rows: FactRow[]): void {
    for (const row of rows) this.applyOne(row);
    if (rows.length) this.version++;
  }

  private applyOne(row: FactRow): void {
    let at = row.id < this.positionById.length ? this.positionById[row.id] - 1 : -1;
    if (!row.counted) {
      if (at >= 0 && this.alive[at]) {
        this.alive[at] = 0;
        this.live--;
      }
      return;
    }
    if (at < 0) at = this.append(row.id);
    if (!this.alive[at]) {
      this.alive[at] = 1;
      this.live++;
    }
    this.category[at] = this.categories.id(row.categoryCode);
    this.channel[at] = this.channels.id(row.channelCode);
    this.kelurahan[at] = this.kelurahans.id(row.kelurahanCode);
    this.kecamatan[at] = this.kecamatans.id(row.kecamatanCode);
    this.kota[at] = this.kotas.id(row.kotaCode);
    this.agency[at] = row.agencyId ?? 0;
    if (this.agency[at] > this.maxAgency) this.maxAgency = this.agency[at];
    this.created[at] = row.createdAt;
    this.responseDue[at] = row.firstResponseDueAt ?? Number.NaN;
    this.finishDue[at] = row.finishDueAt ?? Number.NaN;
    this.marks[at] = marksOf(row);
    this.responseBucket[at] = row.firstResponseAt === null ? 0 : durationBucket(row.firstResponseAt - row.createdAt);
    this.finishBucket[at] = row.finishedAt === null ? 0 : durationBucket(row.finishedAt - row.createdAt);
    this.rating[at] = row.rating;
  }

  /** The columns as they are now, for a snapshot (lib/cache/store-snapshot.ts). */
  snapshot(): StoreColumns {
    const n = this.length;
    const columns: StoreColumns['columns'] = { positionById: this.positionById.slice() };
    for (const name of COLUMNS) columns[name] = this[name].slice(0, n);
    return {
      meta: {
        slots: n,
        live: this.live,
        maxAgency: this.maxAgency,
        categories: this.categories.values,
        channels: this.channels.values,
        kelurahans: this.kelurahans.values,
        kecamatans: this.kecamatans.values,
        kotas: this.kotas.values,
      },
      columns,
    };
  }

  /** Fills an empty store from a snapshot; throws when the snapshot does not fit this layout. */
  restore({ meta, columns }: StoreColumns): void {
    if (this.length !== 0) throw new Error('restore into a store in use');
    const n = meta.slots as number;
    const kinds = {} as Record<(typeof COLUMNS)[number], Parameters<typeof columnOf>[2]>;
    for (const name of COLUMNS) {
      kinds[name] = this[name].constructor.name as Parameters<typeof columnOf>[2];
      if (columnOf(columns, name, kinds[name]).length !== n) throw new Error('snapshot columns of another length');
    }
    for (const name of COLUMNS) (this as Record<string, unknown>)[name] = columns[name];
    this.positionById = columnOf(columns, 'positionById', 'Int32Array');
    restoreDictionary(this.categories, meta.categories);
    restoreDictionary(this.channels, meta.channels);
    restoreDictionary(this.kelurahans, meta.kelurahans);
    restoreDictionary(this.kecamatans, meta.kecamatans);
    restoreDictionary(this.kotas, meta.kotas);
    this.length = this.capacity = n;
    this.live = meta.live as number;
    this.maxAgency = meta.maxAgency as number;
    this.version++;
  }

  private append(id: number): number {
    if (this.length === this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    const at = this.length++;
    if (id >= this.positionById.length) {
      const next = new Int32Array(Math.max(id + 1, this.positionById.length * 2, 1024));
      next.set(this.positionById);
      this.positionById = next;
    }
    this.positionById[id] = at + 1;
    return at;
  }

  private grow(capacity: number): void {
    const grow = <A extends Float64Array | Int32Array | Uint32Array | Uint8Array | Uint16Array>(old: A, make: (n: number) => A): A => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    const f64 = (n: number) => new Float64Array(n);
    const u16 = (n: number) => new Uint16Array(n);
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.category = grow(this.category, u16);
    this.channel = grow(this.channel, u16);
    this.kelurahan = grow(this.kelurahan, u16);
    this.kecamatan = grow(this.kecamatan, u16);
    this.kota = grow(this.kota, u16);
    this.agency = grow(this.agency, (n) => new Int32Array(n));
    this.created = grow(this.created, f64);
    this.responseDue = grow(this.responseDue, f64);
    this.finishDue = grow(this.finishDue, f64);
    this.marks = grow(this.marks, (n) => new Uint32Array(n));
    this.responseBucket = grow(this.responseBucket, u16);
    this.finishBucket = grow(this.finishBucket, u16);
    this.rating = grow(this.rating, (n) => new Uint8Array(n));
    this.capacity = capacity;
  }
}

/** The per-slot columns a snapshot carries. */
const COLUMNS = [
  'alive',
  'category',
  'channel',
  'kelurahan',
  'kecamatan',
  'kota',
  'agency',
  'created',
  'responseDue',
  'finishDue',
  'marks',
  'responseBucket',
  'finishBucket',
  'rating',
] as const;
