import { describe, expect, it } from 'vitest';
import { pointMatcher } from './point-filter';
import { parseFilters } from '@/lib/reports/filters';
import type { MapPoint } from '@/db/queries/map-points';

const point: MapPoint = {
  number: 'JK2401150001',
  lat: -6.17,
  lng: 106.82,
  status: 'proses',
  categoryCode: 'jalan',
  channelCode: 'jaki',
  kelurahanCode: '31.71.01.1001',
  createdAt: new Date('2024-01-15T03:00:00Z').getTime(),
};

describe('pointMatcher', () => {
  it.each([
    ['no filters', '', true],
    ['its status', 'status=proses,selesai', true],
    ['another status', 'status=selesai', false],
    ['its category', 'kategori=jalan', true],
    ['another category', 'kategori=pohon', false],
    ['another channel', 'kanal=sms', false],
    ['its kota', 'kota=31.71', true],
    ['its kecamatan', 'kecamatan=31.71.01', true],
    ['another kecamatan of the same kota', 'kecamatan=31.71.02', false],
    ['another kelurahan', 'kelurahan=31.71.01.1002', false],
    ['a range containing its WIB day', 'dari=2024-01-15&sampai=2024-01-15', true],
    ['a range ending the day before', 'sampai=2024-01-14', false],
  ])('%s → %s', (_label, query, expected) => {
    expect(pointMatcher(parseFilters(new URLSearchParams(query)))(point)).toBe(expected);
  });
});
