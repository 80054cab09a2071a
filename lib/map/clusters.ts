import type { ReportStatus } from '@/db/schema';
import { STATUSES } from '@/lib/reports/lifecycle';
import type { PointStore } from './point-store';

export type StatusCounts = Partial<Record<ReportStatus, number>>;
export type BBox = readonly [west: number, south: number, east: number, north: number];

export type MapFeature =
  | { kind: 'cluster'; id: number; lat: number; lng: number; count: number; counts: StatusCounts; expansionZoom: number }
  | { kind: 'report'; lat: number; lng: number; number: string; status: ReportStatus; categoryCode: string };

/** Clusters are grid cells about this many pixels wide at the requested zoom. */
const CELL_PX = 64;
/** Above this zoom every report is shown on its own (up to SINGLES_LIMIT in view). */
export const MAX_CLUSTER_ZOOM = 16;
const SINGLES_LIMIT = 2000;
const MAX_EXPANSION_ZOOM = 18;

/** Cell width in degrees at a zoom: a 256-pixel world tile spans 360°. */
export const cellDegrees = (zoom: number) => (CELL_PX * 360) / (256 * 2 ** zoom);

const OFFSET = 2 ** 23;
const cellKey = (ix: number, iy: number) => (iy + OFFSET) * 2 ** 24 + (ix + OFFSET);

/** What a grid cell holds: counts per status and the mean position of its reports. */
export interface Cell {
  ix: number;
  iy: number;
  count: number;
  sumLat: number;
  sumLng: number;
  counts: Uint32Array;
  /** A slot in the store: the report itself when the cell holds one. */
  first: number;
}

export class CellGrid {
  readonly cells = new Map<number, Cell>();
  total = 0;
  constructor(readonly zoom: number) {}

  add(store: PointStore, at: number): void {
    const size = cellDegrees(this.zoom);
    const ix = Math.floor(store.lng[at] / size);
    const iy = Math.floor(store.lat[at] / size);
    const key = cellKey(ix, iy);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { ix, iy, count: 0, sumLat: 0, sumLng: 0, counts: new Uint32Array(STATUSES.length), first: at };
      this.cells.set(key, cell);
    }
    cell.count++;
    cell.sumLat += store.lat[at];
    cell.sumLng += store.lng[at];
    cell.counts[store.status[at]]++;
    this.total++;
  }

  /**
   * Features of the cells whose reports' mean position lies in the box. Cells are counted whole,
   * so a cluster at the edge of the view has the same count as when it is panned to the middle.
   */
  features(store: PointStore, [west, south, east, north]: BBox): MapFeature[] {
    const size = cellDegrees(this.zoom);
    const [x0, x1, y0, y1] = [Math.floor(west / size), Math.floor(east / size), Math.floor(south / size), Math.floor(north / size)];
    const out: MapFeature[] = [];
    for (const [key, cell] of this.cells) {
      if (cell.ix < x0 || cell.ix > x1 || cell.iy < y0 || cell.iy > y1) continue;
      const lat = cell.sumLat / cell.count;
      const lng = cell.sumLng / cell.count;
      if (lat < south || lat > north || lng < west || lng > east) continue;
      if (cell.count === 1) {
        out.push(single(store, cell.first));
        continue;
      }
      const counts: StatusCounts = {};
      STATUSES.forEach((s, i) => {
        if (cell.counts[i]) counts[s] = cell.counts[i];
      });
      out.push({
        kind: 'cluster',
        id: key,
        lat,
        lng,
        count: cell.count,
        counts,
        expansionZoom: Math.min(this.zoom + 2, MAX_EXPANSION_ZOOM),
      });
    }
    return out;
  }
}

function single(store: PointStore, at: number): MapFeature {
  return {
    kind: 'report',
    lat: store.lat[at],
    lng: store.lng[at],
    number: store.numbers[at],
    status: STATUSES[store.status[at]],
    categoryCode: store.categories.values[store.category[at]],
  };
}

/** Grid of every matching report (for a whole-city cache). */
export function gridAll(store: PointStore, zoom: number, match: (at: number) => boolean): CellGrid {
  const grid = new CellGrid(zoom);
  for (let at = 0; at < store.slots; at++) if (store.alive[at] && match(at)) grid.add(store, at);
  return grid;
}

/** Grid of the matching reports in the cells touching a box (for close zooms, where a box holds few). */
export function gridIn(store: PointStore, zoom: number, bbox: BBox, match: (at: number) => boolean): CellGrid {
  const size = cellDegrees(zoom);
  const [west, south, east, north] = bbox;
  const grid = new CellGrid(zoom);
  const padded = [
    Math.floor(west / size) * size,
    Math.floor(south / size) * size,
    (Math.floor(east / size) + 1) * size,
    (Math.floor(north / size) + 1) * size,
  ] as const;
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
