import { describe, expect, it } from 'vitest';
import { cellDegrees, gridAll, gridIn, singlesIn, type MapFeature } from './clusters';
import { PointStore, type MapRow } from './point-store';

const monas = { lat: -6.1754, lng: 106.8272 };
const rows: MapRow[] = [
  ...Array.from({ length: 30 }, (_, i) => ({
    id: i + 1,
    number: `JK24010100${String(i + 10).padStart(2, '0')}`,
    lat: monas.lat + i * 1e-5,
    lng: monas.lng,
    status: i < 10 ? ('menunggu' as const) : ('selesai' as const),
    categoryCode: 'jalan',
    channelCode: 'jaki',
    kelurahanCode: '31.71.01.1001',
    createdAt: 0,
    visible: true,
  })),
  { id: 99, number: 'JK2401010099', lat: -6.3, lng: 106.9, status: 'proses', categoryCode: 'pohon', channelCode: 'sms', kelurahanCode: null, createdAt: 0, visible: true },
];
const store = new PointStore();
store.apply(rows);
const all = () => true;
const jakarta = [106.6, -6.4, 107.0, -6.0] as const;
const reports = (features: MapFeature[]) => features.filter((f) => f.kind === 'report');

describe('grid clustering', () => {
  it('groups nearby reports into one cluster with status counts when zoomed out', () => {
    const features = gridAll(store, 10, all).features(store, jakarta);
    expect(features.find((f) => f.kind === 'cluster')).toMatchObject({ count: 30, counts: { menunggu: 10, selesai: 20 }, expansionZoom: 12 });
    expect(reports(features)).toEqual([{ kind: 'report', lat: -6.3, lng: 106.9, number: 'JK2401010099', status: 'proses', categoryCode: 'pohon' }]);
  });

  it('puts a cluster at the mean position of its reports', () => {
    const cluster = gridAll(store, 10, all).features(store, jakarta).find((f) => f.kind === 'cluster')!;
    expect(cluster.lat).toBeCloseTo(monas.lat + 14.5e-5, 6);
    expect(cluster.lng).toBeCloseTo(monas.lng, 6);
  });

  it('shows single reports when zoomed in far enough', () => {
    expect(reports(singlesIn(store, 20, jakarta, all)!)).toHaveLength(31);
  });

  it('marks a single report at its kelurahan centre as approximate, with its kelurahan; a pinned one carries neither', () => {
    const approximate = new PointStore();
    approximate.apply([{ ...rows[0], approximate: true }, { ...rows[1], lat: -6.2, approximate: false }]);
    const singles = reports(singlesIn(approximate, 20, jakarta, all)!);
    expect(singles.find((f) => f.number === rows[0].number)).toMatchObject({ approximate: true, kelurahanCode: '31.71.01.1001' });
    expect(singles.find((f) => f.number === rows[1].number)).not.toHaveProperty('approximate');
    expect(singles.find((f) => f.number === rows[1].number)).not.toHaveProperty('kelurahanCode');
  });

  it('counts the grid\'s reports by status, for headlines that agree with the map', () => {
    expect(gridAll(store, 10, all).counts()).toMatchObject({ menunggu: 10, selesai: 20, proses: 1, ditolak: 0 });
  });

  it('returns nothing outside the viewport', () => {
    expect(gridAll(store, 10, all).features(store, [100, 0, 101, 1])).toEqual([]);
    expect(gridIn(store, 14, [100, 0, 101, 1], all).features(store, [100, 0, 101, 1])).toEqual([]);
  });

  it('counts whole cells at the edge of the view, so clusters do not change as the map pans', () => {
    const size = cellDegrees(14);
    const edge = [monas.lng - size / 10, monas.lat - size / 10, monas.lng + size / 10, monas.lat + size / 10] as const;
    const [cluster] = gridIn(store, 14, edge, all).features(store, edge);
    expect(cluster).toMatchObject({ kind: 'cluster', count: 30 });
  });

  it('applies the filter before grouping', () => {
    const features = gridAll(store, 10, (at) => store.status[at] !== 0).features(store, jakarta);
    expect(features.find((f) => f.kind === 'cluster')).toMatchObject({ count: 20, counts: { selesai: 20 } });
  });

  it('gives up on singles when a view holds too many to draw', () => {
    const crowded = new PointStore();
    crowded.apply(Array.from({ length: 500 }, (_, i) => ({ ...rows[0], id: i + 1, number: `JK2401019${String(i).padStart(3, '0')}`, lat: monas.lat + (i % 50) * 1e-5, lng: monas.lng + Math.floor(i / 50) * 1e-5 })));
    expect(singlesIn(crowded, 18, jakarta, all)).toBeNull();
  });
});

describe('grid clustering at the edge of the view', () => {
  it('leaves out a cell whose reports lie outside the view, so every marker sent can be clicked', () => {
    const size = cellDegrees(14);
    // a box that touches the cell of the 30 reports but ends before any of them
    const box = [monas.lng - size / 10, monas.lat - size / 10, monas.lng + size / 10, monas.lat - size / 100] as const;
    expect(gridIn(store, 14, box, all).features(store, box)).toEqual([]);
  });
});
