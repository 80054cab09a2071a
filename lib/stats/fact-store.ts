import type { ReportStatus } from '@/db/schema';
import { STATUSES } from '@/lib/reports/lifecycle';

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
}

export const STATUS_INDEX = new Map<ReportStatus, number>(STATUSES.map((s, i) => [s, i]));

/** Strings stored once, referenced by a small integer; 0 is "none". */
export class Dictionary {
  readonly values: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);
  id(value: string | null): number {
    if (!value) return 0;
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.index.set(value, id);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.index.get(value);
  }
}

const NONE = Number.NaN;

/**
 * Every counted report in compact columns (about 80 bytes a report), patched in place as
 * reports change, so that figures over millions of reports are one pass over typed arrays.
 */
export class FactStore {
  /** Bumped on every change: cached figures key on it. */
  version = 0;
  private length = 0;
  private capacity = 0;
  private positionById = new Int32Array(0);
  private live = 0;
  alive = new Uint8Array(0);
  status = new Uint8Array(0);
  category = new Uint16Array(0);
  channel = new Uint16Array(0);
  kelurahan = new Uint16Array(0);
  kecamatan = new Uint16Array(0);
  kota = new Uint16Array(0);
  agency = new Int32Array(0);
  created = new Float64Array(0);
  firstResponse = new Float64Array(0);
  firstResponseDue = new Float64Array(0);
  finished = new Float64Array(0);
  finishDue = new Float64Array(0);
  reopens = new Uint8Array(0);
  rejectedFollowUps = new Uint8Array(0);
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
    this.status[at] = STATUS_INDEX.get(row.status)!;
    this.category[at] = this.categories.id(row.categoryCode);
    this.channel[at] = this.channels.id(row.channelCode);
    this.kelurahan[at] = this.kelurahans.id(row.kelurahanCode);
    this.kecamatan[at] = this.kecamatans.id(row.kecamatanCode);
    this.kota[at] = this.kotas.id(row.kotaCode);
    this.agency[at] = row.agencyId ?? 0;
    this.created[at] = row.createdAt;
    this.firstResponse[at] = row.firstResponseAt ?? NONE;
    this.firstResponseDue[at] = row.firstResponseDueAt ?? NONE;
    this.finished[at] = row.finishedAt ?? NONE;
    this.finishDue[at] = row.finishDueAt ?? NONE;
    this.reopens[at] = Math.min(255, row.reopenCount);
    this.rejectedFollowUps[at] = Math.min(255, row.rejectedFollowUpCount);
    this.rating[at] = row.rating;
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
    const grow = <A extends Float64Array | Int32Array | Uint8Array | Uint16Array>(old: A, make: (n: number) => A): A => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    const f64 = (n: number) => new Float64Array(n);
    const u8 = (n: number) => new Uint8Array(n);
    const u16 = (n: number) => new Uint16Array(n);
    this.alive = grow(this.alive, u8);
    this.status = grow(this.status, u8);
    this.category = grow(this.category, u16);
    this.channel = grow(this.channel, u16);
    this.kelurahan = grow(this.kelurahan, u16);
    this.kecamatan = grow(this.kecamatan, u16);
    this.kota = grow(this.kota, u16);
    this.agency = grow(this.agency, (n) => new Int32Array(n));
    this.created = grow(this.created, f64);
    this.firstResponse = grow(this.firstResponse, f64);
    this.firstResponseDue = grow(this.firstResponseDue, f64);
    this.finished = grow(this.finished, f64);
    this.finishDue = grow(this.finishDue, f64);
    this.reopens = grow(this.reopens, u8);
    this.rejectedFollowUps = grow(this.rejectedFollowUps, u8);
    this.rating = grow(this.rating, u8);
    this.capacity = capacity;
  }
}
