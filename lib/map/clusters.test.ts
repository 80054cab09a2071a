import { describe, expect, it } from 'vitest';
import { buildClusterIndex } from './clusters';

const monas = { lat: -6.1754, lng: 106.8272 };
const points = [
  ...Array.from({ length: 30 }, (_, i) => ({
    number: `JK24010100${String(i + 10).padStart(2, '0')}`,
    lat: monas.lat + i * 1e-5,
    lng: monas.lng,
    status: i < 10 ? ('menunggu' as const) : ('selesai' as const),
    categoryCode: 'jalan',
  })),
  { number: 'JK2401010099', lat: -6.3, lng: 106.9, status: 'proses' as const, categoryCode: 'pohon' },
];
const jakarta: [number, number, number, number] = [106.6, -6.4, 107.0, -6.0];

describe('buildClusterIndex', () => {
  it('groups nearby reports into one cluster with status counts when zoomed out', () => {
    const features = buildClusterIndex(points).query(jakarta, 10);
    const cluster = features.find((f) => f.kind === 'cluster');
    expect(cluster).toMatchObject({ kind: 'cluster', count: 30, counts: { menunggu: 10, selesai: 20 } });
    expect(features.filter((f) => f.kind === 'report')).toHaveLength(1);
  });
  it('shows single reports when zoomed in far enough', () => {
    const features = buildClusterIndex(points).query(jakarta, 20);
    expect(features.filter((f) => f.kind === 'report')).toHaveLength(31);
  });
  it('returns nothing outside the viewport', () => {
    expect(buildClusterIndex(points).query([100, 0, 101, 1], 10)).toEqual([]);
  });

  it('keeps per-status counts equal to the cluster size at every zoom', () => {
    const statuses = ['menunggu', 'proses', 'selesai'] as const;
    const many = Array.from({ length: 2000 }, (_, i) => ({
      number: `JK2401${String(i).padStart(6, '0')}`,
      lat: -6.1 - ((i * 7919) % 1000) / 3000,
      lng: 106.7 + ((i * 104729) % 1000) / 3000,
      status: statuses[i % 3],
      categoryCode: 'jalan',
    }));
    const index = buildClusterIndex(many);
    for (let zoom = 0; zoom <= 17; zoom++) {
      let total = 0;
      for (const f of index.query([106, -7, 108, -5], zoom)) {
        if (f.kind === 'cluster') {
          expect(Object.values(f.counts).reduce((a, b) => a + b, 0)).toBe(f.count);
          total += f.count;
        } else total += 1;
      }
      expect(total).toBe(2000);
    }
  });
});
