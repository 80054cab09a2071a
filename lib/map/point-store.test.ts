import { describe, expect, it } from 'vitest';
import { parseFilters } from '@/lib/reports/filters';
import { PointStore, type MapRow } from './point-store';

const row = (over: Partial<MapRow> = {}): MapRow => ({
  id: 1,
  number: 'JK2401150001',
  lat: -6.17,
  lng: 106.82,
  status: 'proses',
  categoryCode: 'jalan',
  channelCode: 'jaki',
  kelurahanCode: '31.71.01.1001',
  createdAt: new Date('2024-01-15T03:00:00Z').getTime(),
  visible: true,
  ...over,
});

const inBox = (store: PointStore, box: [number, number, number, number]) => {
  const found: string[] = [];
  store.forEachIn(box, (at) => found.push(store.number(at)));
  return found.sort();
};
const jakarta: [number, number, number, number] = [106.6, -6.4, 107.0, -6.0];

describe('PointStore filters', () => {
  const store = new PointStore();
  store.apply([row(), row({ id: 2, number: 'JK2401150002', categoryCode: 'pohon', channelCode: 'sms', status: 'selesai' })]);
  it.each([
    ['no filters', '', true],
    ['its status', 'status=proses,selesai', true],
    ['another status', 'status=menunggu', false],
    ['its category', 'kategori=jalan', true],
    ['another category', 'kategori=banjir', false],
    ['another channel', 'kanal=sms', false],
    ['its kota', 'kota=31.71', true],
    ['its kecamatan', 'kecamatan=31.71.01', true],
    ['another kecamatan of the same kota', 'kecamatan=31.71.02', false],
    ['another kelurahan', 'kelurahan=31.71.01.1002', false],
    ['a range containing its WIB day', 'dari=2024-01-15&sampai=2024-01-15', true],
    ['a range ending the day before', 'sampai=2024-01-14', false],
  ])('the first report with %s → %s', (_label, query, expected) => {
    expect(store.matcher(parseFilters(new URLSearchParams(query)))(0)).toBe(expected);
  });
});

describe('PointStore changes', () => {
  it('adds, moves, restyles and removes points in place, and counts only real changes', () => {
    const store = new PointStore();
    expect(store.apply([row(), row({ id: 7, number: 'JK2401150007', lat: -6.3, lng: 106.9 })])).toBe(true);
    expect(store.size).toBe(2);
    expect(inBox(store, jakarta)).toEqual(['JK2401150001', 'JK2401150007']);
    const version = store.version;

    expect(store.apply([row()])).toBe(false);
    expect(store.version).toBe(version);

    store.apply([row({ lat: -6.31, lng: 106.91 })]);
    expect(inBox(store, [106.8, -6.2, 106.85, -6.1])).toEqual([]);
    expect(inBox(store, [106.89, -6.32, 106.92, -6.29])).toEqual(['JK2401150001', 'JK2401150007']);

    store.apply([row({ id: 7, number: 'JK2401150007', lat: -6.3, lng: 106.9, status: 'selesai' })]);
    expect(store.matcher(parseFilters(new URLSearchParams('status=selesai')))(1)).toBe(true);

    store.apply([row({ visible: false })]);
    expect(store.size).toBe(1);
    expect(inBox(store, jakarta)).toEqual(['JK2401150007']);

    store.apply([row({ lat: -6.2, lng: 106.8 })]);
    expect(store.size).toBe(2);
    expect(inBox(store, [106.79, -6.21, 106.81, -6.19])).toEqual(['JK2401150001']);
  });

  it('never adds a report that has no location or must stay off the map', () => {
    const store = new PointStore();
    expect(store.apply([row({ lat: null, lng: null }), row({ id: 2, visible: false })])).toBe(false);
    expect(store.size).toBe(0);
  });

  it('keeps whether a point is approximate, and a report given a pin later stops being approximate', () => {
    const store = new PointStore();
    store.apply([row({ approximate: true })]);
    expect(store.approximate[0]).toBe(1);
    expect(store.apply([row({ approximate: true })])).toBe(false);
    expect(store.apply([row({ approximate: false })])).toBe(true);
    expect(store.approximate[0]).toBe(0);
  });

  it('finds points in a box larger than its data without walking empty buckets', () => {
    const store = new PointStore();
    store.apply([row()]);
    expect(inBox(store, [-180, -90, 180, 90])).toEqual(['JK2401150001']);
  });
});
