import type { ReportStatus } from '@/db/schema';
import { columnOf, type StoreColumns } from '@/lib/cache/snapshot-codec';
import { Dictionary, restoreDictionary, STATUS_INDEX } from '@/lib/columns';
import { dayRange, type ReportFilters } from '@/lib/reports/filters';

/** One report as the map needs it; `visible` is false once it must leave the map (confidential, no location). */
export interface MapRow {
  id: number;
  number: string;
  lat: number | null;
  lng: number | null;
  status: ReportStatus;
  categoryCode: string;
  channelCode: string;
  kelurahanCode: string | null;
  createdAt: number;
  visible: boolean;
  /** The point stands in for the kelurahan (no pin), or for a place known only roughly. */
  approximate?: boolean;
}

/** The layout of a PointStore snapshot: change it whenever the columns or their meaning change. */
export const POINT_STORE_FORMAT = 1;

/** Spatial buckets of 0.01° (about 1.1 km): a viewport only looks at the buckets it covers. */
const BUCKET_DEG = 0.01;
const BUCKET_SPAN = 1 << 16;
const bucketIndex = (deg: number) => Math.floor(deg / BUCKET_DEG) + BUCKET_SPAN / 2;
const bucketKey = (lat: number, lng: number) => bucketIndex(lat) * BUCKET_SPAN + bucketIndex(lng);

const NO_REGION = 0;

/**
 * Every public map point in compact columns (about 40 bytes a report), patched in place as
 * reports change, so that millions of reports fit in memory and a change costs O(1), not a rebuild.
 */
export class PointStore {
  /** Bumped whenever a point is added, moved, changed or removed: cached aggregates key on it. */
  version = 0;
  private length = 0;
  private capacity = 0;
  lat = new Float64Array(0);
  lng = new Float64Array(0);
  status = new Uint8Array(0);
  category = new Uint16Array(0);
  channel = new Uint16Array(0);
  kelurahan = new Uint16Array(0);
  created = new Float64Array(0);
  alive = new Uint8Array(0);
  /** 1 where the position is approximate (a kelurahan's centre rather than a pin). */
  approximate = new Uint8Array(0);
  /** Ticket numbers JK + 10 digits kept as the number of their digits: millions of strings would burden the GC. */
  private numberDigits = new Float64Array(0);
  private readonly otherNumbers = new Map<number, string>();
  /** The area the points have ever covered (it only grows). */
  bounds = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  private positionById = new Int32Array(0);
  private readonly buckets = new Map<number, number[]>();
  readonly categories = new Dictionary();
  readonly channels = new Dictionary();
  readonly kelurahans = new Dictionary();
  private live = 0;

  /** Number of points on the map. */
  get size(): number {
    return this.live;
  }

  /** Slots in use, including removed points (iterate 0…slots and check `alive`). */
  get slots(): number {
    return this.length;
  }

  /** Applies changed rows; returns true when the map changed. */
  apply(rows: MapRow[]): boolean {
    let changed = false;
    for (const row of rows) changed = this.applyOne(row) || changed;
    if (changed) this.version++;
    return changed;
  }

  private applyOne(row: MapRow): boolean {
    const at = row.id < this.positionById.length ? this.positionById[row.id] - 1 : -1;
    const show = row.visible && row.lat !== null && row.lng !== null;
    if (at < 0) {
      if (!show) return false;
      this.append(row);
      return true;
    }
    if (!show) {
      if (!this.alive[at]) return false;
      this.unbucket(at);
      this.alive[at] = 0;
      this.live--;
      return true;
    }
    const status = STATUS_INDEX.get(row.status)!;
    const moved = !this.alive[at] || this.lat[at] !== row.lat || this.lng[at] !== row.lng;
    const same =
      !moved &&
      this.status[at] === status &&
      this.category[at] === this.categories.id(row.categoryCode) &&
      this.channel[at] === this.channels.id(row.channelCode) &&
      this.approximate[at] === (row.approximate ? 1 : 0) &&
      this.kelurahan[at] === (row.kelurahanCode ? this.kelurahans.id(row.kelurahanCode) : NO_REGION);
    if (same) return false;
    if (moved && this.alive[at]) this.unbucket(at);
    this.write(at, row);
    if (moved) {
      if (!this.alive[at]) this.live++;
      this.alive[at] = 1;
      this.bucket(at);
    }
    return true;
  }

  private append(row: MapRow): void {
    if (this.length === this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    const at = this.length++;
    if (row.id >= this.positionById.length) {
      const next = new Int32Array(Math.max(row.id + 1, this.positionById.length * 2, 1024));
      next.set(this.positionById);
      this.positionById = next;
    }
    this.positionById[row.id] = at + 1;
    this.write(at, row);
    this.alive[at] = 1;
    this.live++;
    this.bucket(at);
  }

  private write(at: number, row: MapRow): void {
    this.lat[at] = row.lat!;
    this.lng[at] = row.lng!;
    this.status[at] = STATUS_INDEX.get(row.status)!;
    this.category[at] = this.categories.id(row.categoryCode);
    this.channel[at] = this.channels.id(row.channelCode);
    this.kelurahan[at] = row.kelurahanCode ? this.kelurahans.id(row.kelurahanCode) : NO_REGION;
    this.created[at] = row.createdAt;
    this.approximate[at] = row.approximate ? 1 : 0;
    if (TICKET.test(row.number)) {
      this.numberDigits[at] = Number(row.number.slice(2));
      this.otherNumbers.delete(at);
    } else {
      this.numberDigits[at] = -1;
      this.otherNumbers.set(at, row.number);
    }
    const b = this.bounds;
    if (row.lng! < b.west) b.west = row.lng!;
    if (row.lng! > b.east) b.east = row.lng!;
    if (row.lat! < b.south) b.south = row.lat!;
    if (row.lat! > b.north) b.north = row.lat!;
  }

  /** The columns as they are now, for a snapshot (lib/cache/store-snapshot.ts). */
  snapshot(): StoreColumns {
    const n = this.length;
    return {
      meta: {
        slots: n,
        live: this.live,
        // JSON has no Infinity: an empty store's bounds are written as nulls
        bounds: this.size > 0 ? this.bounds : null,
        statuses: [...STATUS_INDEX.keys()],
        categories: this.categories.values,
        channels: this.channels.values,
        kelurahans: this.kelurahans.values,
        otherNumbers: [...this.otherNumbers],
      },
      columns: {
        lat: this.lat.slice(0, n),
        lng: this.lng.slice(0, n),
        status: this.status.slice(0, n),
        category: this.category.slice(0, n),
        channel: this.channel.slice(0, n),
        kelurahan: this.kelurahan.slice(0, n),
        created: this.created.slice(0, n),
        alive: this.alive.slice(0, n),
        approximate: this.approximate.slice(0, n),
        numberDigits: this.numberDigits.slice(0, n),
        positionById: this.positionById.slice(),
      },
    };
  }

  /** Fills an empty store from a snapshot; throws when the snapshot does not fit this layout. */
  restore({ meta, columns }: StoreColumns): void {
    if (this.length !== 0) throw new Error('restore into a store in use');
    if (JSON.stringify(meta.statuses) !== JSON.stringify([...STATUS_INDEX.keys()])) throw new Error('snapshot of other statuses');
    const n = meta.slots as number;
    const lat = columnOf(columns, 'lat', 'Float64Array');
    if (lat.length !== n) throw new Error('snapshot columns of another length');
    this.lat = lat;
    this.lng = columnOf(columns, 'lng', 'Float64Array');
    this.status = columnOf(columns, 'status', 'Uint8Array');
    this.category = columnOf(columns, 'category', 'Uint16Array');
    this.channel = columnOf(columns, 'channel', 'Uint16Array');
    this.kelurahan = columnOf(columns, 'kelurahan', 'Uint16Array');
    this.created = columnOf(columns, 'created', 'Float64Array');
    this.alive = columnOf(columns, 'alive', 'Uint8Array');
    this.approximate = columnOf(columns, 'approximate', 'Uint8Array');
    this.numberDigits = columnOf(columns, 'numberDigits', 'Float64Array');
    this.positionById = columnOf(columns, 'positionById', 'Int32Array');
    restoreDictionary(this.categories, meta.categories);
    restoreDictionary(this.channels, meta.channels);
    restoreDictionary(this.kelurahans, meta.kelurahans);
    for (const [at, number] of meta.otherNumbers as [number, string][]) this.otherNumbers.set(at, number);
    if (meta.bounds) this.bounds = { ...(meta.bounds as PointStore['bounds']) };
    this.length = this.capacity = n;
    this.live = meta.live as number;
    for (let at = 0; at < n; at++) if (this.alive[at]) this.bucket(at);
    this.version++;
  }

  /** The ticket number of a slot. */
  number(at: number): string {
    const digits = this.numberDigits[at];
    return digits < 0 ? this.otherNumbers.get(at)! : `JK${String(digits).padStart(10, '0')}`;
  }

  private grow(capacity: number): void {
    const grow = <A extends Float64Array | Uint8Array | Uint16Array>(old: A, make: (n: number) => A): A => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.lat = grow(this.lat, (n) => new Float64Array(n));
    this.lng = grow(this.lng, (n) => new Float64Array(n));
    this.created = grow(this.created, (n) => new Float64Array(n));
    this.numberDigits = grow(this.numberDigits, (n) => new Float64Array(n));
    this.status = grow(this.status, (n) => new Uint8Array(n));
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.approximate = grow(this.approximate, (n) => new Uint8Array(n));
    this.category = grow(this.category, (n) => new Uint16Array(n));
    this.channel = grow(this.channel, (n) => new Uint16Array(n));
    this.kelurahan = grow(this.kelurahan, (n) => new Uint16Array(n));
    this.capacity = capacity;
  }

  private bucket(at: number): void {
    const key = bucketKey(this.lat[at], this.lng[at]);
    const list = this.buckets.get(key);
    if (list) list.push(at);
    else this.buckets.set(key, [at]);
  }

  private unbucket(at: number): void {
    const key = bucketKey(this.lat[at], this.lng[at]);
    const list = this.buckets.get(key);
    if (!list) return;
    const i = list.indexOf(at);
    if (i >= 0) {
      list[i] = list[list.length - 1];
      list.pop();
    }
    if (list.length === 0) this.buckets.delete(key);
  }

  /** Calls `visit` for every live point inside the box (west, south, east, north), bucket by bucket. */
  forEachIn([west, south, east, north]: readonly [number, number, number, number], visit: (at: number) => void): void {
    const span = (bucketIndex(east) - bucketIndex(west) + 1) * (bucketIndex(north) - bucketIndex(south) + 1);
    // A box wider than the data: walking the buckets we have is cheaper than walking empty ones.
    if (span > this.buckets.size) {
      for (const list of this.buckets.values()) {
        for (const at of list) {
          if (this.lat[at] >= south && this.lat[at] <= north && this.lng[at] >= west && this.lng[at] <= east) visit(at);
        }
      }
      return;
    }
    for (let by = bucketIndex(south); by <= bucketIndex(north); by++) {
      for (let bx = bucketIndex(west); bx <= bucketIndex(east); bx++) {
        const list = this.buckets.get(by * BUCKET_SPAN + bx);
        if (!list) continue;
        for (const at of list) {
          if (this.lat[at] >= south && this.lat[at] <= north && this.lng[at] >= west && this.lng[at] <= east) visit(at);
        }
      }
    }
  }

  /** The in-memory twin of the SQL filter conditions: a test on a point's slot. */
  matcher(filters: ReportFilters): (at: number) => boolean {
    const table = (wanted: string[], dictionary: Dictionary) =>
      wanted.length ? new Set(wanted.map((w) => dictionary.find(w)).filter((id) => id !== undefined)) : null;
    const status = filters.status.length ? new Set(filters.status.map((s) => STATUS_INDEX.get(s))) : null;
    const category = table(filters.kategori, this.categories);
    const channel = table(filters.kanal, this.channels);
    const region = filters.wilayah;
    const inRegion = region
      ? new Set(
          this.kelurahans.values
            .map((code, id) => (code && (code === region || code.startsWith(`${region}.`)) ? id : -1))
            .filter((id) => id >= 0),
        )
      : null;
    const { from, until } = dayRange(filters);
    const fromMs = from?.getTime() ?? -Infinity;
    const untilMs = until?.getTime() ?? Infinity;
    if (!status && !category && !channel && !inRegion && !from && !until) return matchesAll;
    return (at) =>
      (!status || status.has(this.status[at])) &&
      (!category || category.has(this.category[at])) &&
      (!channel || channel.has(this.channel[at])) &&
      (!inRegion || inRegion.has(this.kelurahan[at])) &&
      this.created[at] >= fromMs &&
      this.created[at] < untilMs;
  }
}

/** The matcher of no filters: callers may skip calling it. */
export const matchesAll = (_at: number) => true;

const TICKET = /^JK\d{10}$/;
