import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { GET } from './route';

const locationFor = (query: string) => GET(new NextRequest(`http://aduan.test/bahasa?ke=en&${query}`)).headers.get('location');

describe('GET /bahasa', () => {
  it('returns to the page it came from, with the language set', () => {
    const response = GET(new NextRequest('http://aduan.test/bahasa?ke=en&kembali=%2Flaporan%3Fstatus%3Dbaru'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/laporan?status=baru');
    expect(response.headers.get('set-cookie')).toMatch(/=en;/);
  });

  it.each([
    ['kembali=//evil.example'],
    ['kembali=/%5Cevil.example'],
    ['kembali=/%09/evil.example'],
    ['kembali=/%255Cevil.example'],
    ['kembali=https://evil.example'],
    ['kembali=javascript:alert(1)'],
    ['kembali=/%0D%0ASet-Cookie:%20a=b'],
    ['kembali=/.//evil.example'],
  ])('never leaves the site: %s → /', (query) => {
    expect(locationFor(query)).toBe('/');
  });
});
