import type { ReportStatus } from '@/db/schema';
import { STATUSES } from '@/lib/reports/lifecycle';
import { matchesAll, type PointStore } from './point-store';

export type StatusCounts = Partial<Record<ReportStatus, number>>;
export type BBox = readonly [west: number, south: number, east: number, north: number];

export type MapFeature =
  | { kind: 'cluster'; id: number; lat: number; lng: number; count: number; counts: StatusCounts; expansionZoom: number }
  | {
      kind: 'report';
      lat: number;
      lng: number;
      number: string;
      status: ReportStatus;
      categoryCode: string;
      /** Present when the point is approximate: the kelurahan's centre stands in for a missing pin. */
      approximate?: true;
      /** The kelurahan of an approximate point, so that its popup can list the kelurahan's reports. */
      kelurahanCode?: string;
    };

/** Clusters are grid cells about this many pixels wide at the requested zoom. */
const CELL_PX = 64;
/** Above this zoom every report is shown on its own (up to SINGLES_LIMIT in view). */
export const MAX_CLUSTER_ZOOM = 16;
/** ~125 bytes of JSON each: a view with more single reports than this is grouped instead (≤ 60 KB). */
const SINGLES_LIMIT = 400;
/** Six decimals of a degree are ~0.1 m: more would only lengthen the JSON. */
const round = (deg: number) => Math.round(deg * 1e6) / 1e6;
const MAX_EXPANSION_ZOOM = 18;
const S = STATUSES.length;

/** Cell width in degrees at a zoom: a 256-pixel world tile spans 360°. */
export const cellDegrees = (zoom: number) => (CELL_PX * 360) / (256 * 2 ** zoom);

/**
 * Counts per grid cell over a fixed range of cells, in flat typed arrays (no object per cell or
 * per point), so that gridding two million reports is a tight loop.
 */
export class CellGrid {
  readonly size: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly width: number;
  private readonly height: number;
  private readonly count: Uint32Array;
  private readonly sumLat: Float64Array;
  private readonly sumLng: Float64Array;
  private readonly statusCount: Uint32Array;
  private readonly first: Int32Array;
  total = 0;
  /** Reports counted, by status index (STATUSES order). */
  readonly statusTotals = new Uint32Array(S);

  /** Cells a grid over the box would have. */
  static cellsFor(zoom: number, [west, south, east, north]: BBox): number {
    const size = cellDegrees(zoom);
    return (Math.floor(east / size) - Math.floor(west / size) + 1) * (Math.floor(north / size) - Math.floor(south / size) + 1);
  }

  /** A grid covering the box; points outside it are not counted. */
  constructor(
    readonly zoom: number,
    [west, south, east, north]: BBox,
  ) {
    this.size = cellDegrees(zoom);
    this.x0 = Math.floor(west / this.size);
    this.y0 = Math.floor(south / this.size);
    this.width = Math.max(0, Math.floor(east / this.size) - this.x0 + 1);
    this.height = Math.max(0, Math.floor(north / this.size) - this.y0 + 1);
    const n = this.width * this.height;
    this.count = new Uint32Array(n);
    this.sumLat = new Float64Array(n);
    this.sumLng = new Float64Array(n);
    this.statusCount = new Uint32Array(n * S);
    this.first = new Int32Array(n);
  }

  add(store: PointStore, at: number): void {
    const ix = Math.floor(store.lng[at] / this.size) - this.x0;
    const iy = Math.floor(store.lat[at] / this.size) - this.y0;
    if (ix < 0 || iy < 0 || ix >= this.width || iy >= this.height) return;
    const c = iy * this.width + ix;
    if (this.count[c]++ === 0) this.first[c] = at;
    this.sumLat[c] += store.lat[at];
    this.sumLng[c] += store.lng[at];
    this.statusCount[c * S + store.status[at]]++;
    this.statusTotals[store.status[at]]++;
    this.total++;
  }

  /** The counted reports by status. */
  counts(): Record<ReportStatus, number> {
    return Object.fromEntries(STATUSES.map((status, s) => [status, this.statusTotals[s]])) as Record<ReportStatus, number>;
  }

  /**
   * Features of the cells whose reports' mean position lies in the box. Cells are counted whole,
   * so a cluster at the edge of the view has the same count as when it is panned to the middle.
   */
  features(store: PointStore, [west, south, east, north]: BBox): MapFeature[] {
    const out: MapFeature[] = [];
    const xFrom = Math.max(0, Math.floor(west / this.size) - this.x0);
    const xTo = Math.min(this.width - 1, Math.floor(east / this.size) - this.x0);
    const yFrom = Math.max(0, Math.floor(south / this.size) - this.y0);
    const yTo = Math.min(this.height - 1, Math.floor(north / this.size) - this.y0);
    for (let iy = yFrom; iy <= yTo; iy++) {
      for (let ix = xFrom; ix <= xTo; ix++) {
        const c = iy * this.width + ix;
        const n = this.count[c];
        if (n === 0) continue;
        const lat = this.sumLat[c] / n;
        const lng = this.sumLng[c] / n;
        if (lat < south || lat > north || lng < west || lng > east) continue;
        if (n === 1) {
          out.push(single(store, this.first[c]));
          continue;
        }
        const counts: StatusCounts = {};
        for (let s = 0; s < S; s++) if (this.statusCount[c * S + s]) counts[STATUSES[s]] = this.statusCount[c * S + s];
        out.push({
          kind: 'cluster',
          id: (this.y0 + iy) * 2 ** 24 + (this.x0 + ix),
          lat: round(lat),
          lng: round(lng),
          count: n,
          counts,
          expansionZoom: Math.min(this.zoom + 2, MAX_EXPANSION_ZOOM),
        });
      }
    }
    return out;
  }
}

function single(store: PointStore, at: number): MapFeature {
  const feature: MapFeature = {
    kind: 'report',
    lat: round(store.lat[at]),
    lng: round(store.lng[at]),
    number: store.number(at),
    status: STATUSES[store.status[at]],
    categoryCode: store.categories.values[store.category[at]],
  };
  if (store.approximate[at]) {
    feature.approximate = true;
    const kelurahan = store.kelurahans.values[store.kelurahan[at]];
    if (kelurahan) feature.kelurahanCode = kelurahan;
  }
  return feature;
}

/** Grid of every matching report (for a whole-city cache). */
export function gridAll(store: PointStore, zoom: number, match: (at: number) => boolean): CellGrid {
  const b = store.bounds;
  const grid = new CellGrid(zoom, store.size ? [b.west, b.south, b.east, b.north] : [0, 0, 0, 0]);
  const alive = store.alive;
  const n = store.slots;
  if (match === matchesAll) {
    for (let at = 0; at < n; at++) if (alive[at]) grid.add(store, at);
  } else {
    for (let at = 0; at < n; at++) if (alive[at] && match(at)) grid.add(store, at);
  }
  return grid;
}

/** Grid of the matching reports in the cells touching a box (for close zooms, where a box holds few). */
export function gridIn(store: PointStore, zoom: number, bbox: BBox, match: (at: number) => boolean): CellGrid {
  const size = cellDegrees(zoom);
  const [west, south, east, north] = bbox;
  const b = store.bounds;
  // whole cells touching the box, but never more than the area the points cover
  const padded = [
    Math.max(Math.floor(west / size) * size, b.west),
    Math.max(Math.floor(south / size) * size, b.south),
    Math.min((Math.floor(east / size) + 1) * size, b.east),
    Math.min((Math.floor(north / size) + 1) * size, b.north),
  ] as const;
  if (padded[0] > padded[2] || padded[1] > padded[3]) return new CellGrid(zoom, [0, 0, 0, 0]);
  const grid = new CellGrid(zoom, padded);
  store.forEachIn(padded, (at) => {
    if (match(at)) grid.add(store, at);
  });
  return grid;
}

/** Close in: every report on its own, unless the view holds too many to draw. */
export function singlesIn(store: PointStore, zoom: number, bbox: BBox, match: (at: number) => boolean): MapFeature[] | null {
  const out: MapFeature[] = [];
  let overflow = false;
  store.forEachIn(bbox, (at) => {
    if (overflow || !match(at)) return;
    if (out.length >= SINGLES_LIMIT) overflow = true;
    else out.push(single(store, at));
  });
  return overflow ? null : out;
}
