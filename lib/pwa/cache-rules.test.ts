import { describe, expect, it } from 'vitest';
import { isPrivatePath, newFormToken, pageRule, publicPath, withFreshFormToken } from './cache-rules';

const url = (path: string) => new URL(path, 'https://aduan.example');

describe('pageRule', () => {
  it.each([
    ['the report form', '/lapor'],
    ['the tracker', '/lacak'],
    ['the tracker with a typed number', '/lacak?nomor=JK2306180342'],
    ['a private tracking page', '/lacak/JKR2306180342?kunci=abc'],
    ['a public ticket page', '/laporan/JK2306180342'],
    ['a trailing slash', '/lapor/'],
    ['the internal English route', '/en/lapor'],
  ])('keeps %s for offline use', (_label, path) => {
    expect(pageRule(url(path), 'GET')).toBe('network-first');
  });

  it.each([
    ['the staff workspace', '/petugas'],
    ['a staff ticket page', '/petugas/laporan/JK2306180342'],
    ['the internal route of a staff page', '/id/petugas/akun'],
    ['sign-in', '/masuk'],
    ['the JSON API', '/api/laporan'],
    ['the tracking API', '/api/lacak/JK2306180342'],
    ['Open311', '/open311/v2/requests.json'],
    ['the language switch', '/bahasa?ke=en'],
    ['the service worker itself', '/serwist/sw.js'],
    ['the map', '/'],
    ['the report list', '/laporan'],
    ['a ticket history sub-page', '/laporan/JK2306180342/riwayat'],
    ['the dashboard', '/dasbor'],
    ['a page whose name only starts like a cached one', '/laporanku'],
    ['a page whose name only starts like a staff one', '/petugasan'],
  ])('never caches %s', (_label, path) => {
    expect(pageRule(url(path), 'GET')).toBe('network-only');
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD'])('never caches a %s, even of a cached page', (method) => {
    expect(pageRule(url('/lapor'), method)).toBe('network-only');
  });
});

describe('isPrivatePath and publicPath', () => {
  it.each([
    ['/petugas', true],
    ['/en/petugas/catat', true],
    ['/api', true],
    ['/lapor', false],
    ['/petugasan', false],
  ])('%s private: %s', (path, expected) => {
    expect(isPrivatePath(path)).toBe(expected);
  });

  it.each([
    ['/', '/'],
    ['/id', '/'],
    ['/en/', '/'],
    ['/id/lacak/JK1', '/lacak/JK1'],
    ['/identitas', '/identitas'],
    ['/lapor//', '/lapor'],
  ])('%s is %s', (path, expected) => {
    expect(publicPath(path)).toBe(expected);
  });
});

describe('withFreshFormToken', () => {
  const old = 'AbCdEfGhIjKlMnOpQrStUv';
  const page = `<form><input type="hidden" name="formToken" value="${old}"/></form><script>self.__next_f.push([1,"{\\"formToken\\":\\"${old}\\"}"])</script>`;

  it('replaces the token in the input and in the page data', () => {
    const fresh = withFreshFormToken(page, 'NewTokenNewTokenNewTok');
    expect(fresh).not.toContain(old);
    expect(fresh.split('NewTokenNewTokenNewTok')).toHaveLength(3);
  });

  it('finds the value whatever the order of the attributes', () => {
    expect(withFreshFormToken(`<input value="${old}" type="hidden" name="formToken">`, 'x'.repeat(22))).toBe(`<input value="${'x'.repeat(22)}" type="hidden" name="formToken">`);
  });

  it.each([
    ['a page without the form', '<p>offline</p>'],
    ['a token input without a value of the token shape', '<input name="formToken" value="short">'],
  ])('leaves %s as it is', (_label, html) => {
    expect(withFreshFormToken(html, 'NewTokenNewTokenNewTok')).toBe(html);
  });
});

describe('newFormToken', () => {
  it('has the shape the report form accepts and differs per call', () => {
    const a = newFormToken(crypto.getRandomValues(new Uint8Array(16)));
    const b = newFormToken(crypto.getRandomValues(new Uint8Array(16)));
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(newFormToken(new Uint8Array(16).fill(255))).toBe('_____________________w');
  });
});
