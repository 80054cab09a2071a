import { describe, expect, it } from 'vitest';
import { notificationFor, sitePath } from './service-worker';

describe('notificationFor', () => {
  it('shows the title and text the outbox sent and keeps where a click leads', () => {
    expect(notificationFor({ title: 'Laporan 2605-0001', body: 'Status sekarang: Proses.', url: '/lacak/2605-0001?kunci=abc', tag: 'aduan-2605-0001' })).toEqual({
      title: 'Laporan 2605-0001',
      options: { body: 'Status sekarang: Proses.', tag: 'aduan-2605-0001', icon: '/icons/icon-192.png', data: { url: '/lacak/2605-0001?kunci=abc' } },
    });
  });

  it('shows the portal name for a push without a payload of ours', () => {
    expect(notificationFor(null)).toMatchObject({ title: 'Aduan Jakarta', options: { body: '', data: { url: '/' } } });
  });
});

describe('sitePath', () => {
  it.each([
    ['a path on this site', '/petugas/laporan/2605-0001', '/petugas/laporan/2605-0001'],
    ['another site', 'https://example.com/', '/'],
    ['a protocol-relative address', '//example.com/x', '/'],
    ['a backslash trick', '/\\example.com', '/'],
    ['not a string', 42, '/'],
  ])('%s', (_label, value, expected) => {
    expect(sitePath(value)).toBe(expected);
  });
});
