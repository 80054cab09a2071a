import { describe, expect, it } from 'vitest';
import { sameSitePath } from './same-site-path';

describe('sameSitePath', () => {
  it.each([
    ['the home page', '/', '/'],
    ['a page with a query', '/laporan?status=baru&halaman=2', '/laporan?status=baru&halaman=2'],
    ['a ticket with a fragment', '/laporan/JK2603100001#riwayat', '/laporan/JK2603100001#riwayat'],
    ['an English page', '/en/wilayah/31.71.01.1001', '/en/wilayah/31.71.01.1001'],
    ['an encoded query value', '/laporan?q=jalan%20rusak', '/laporan?q=jalan%20rusak'],
    ['a space and non-Latin text come back encoded for the Location header', '/laporan?q=jalan rusak 日本', '/laporan?q=jalan%20rusak%20%E6%97%A5%E6%9C%AC'],
    ['dot segments are resolved', '/a/../laporan', '/laporan'],
  ])('keeps %s', (_label, value, expected) => {
    expect(sameSitePath(value)).toBe(expected);
  });

  it.each([
    ['nothing', null],
    ['empty', ''],
    ['another host, protocol-relative', '//evil.example'],
    ['backslash read as a slash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['a tab browsers drop', '/\t/evil.example'],
    ['a line break browsers drop', '/\n/evil.example'],
    ['encoded tab', '/%09/evil.example'],
    ['encoded backslash', '/%5Cevil.example'],
    ['encoded lower-case backslash', '/%5cevil.example'],
    ['encoded slash', '/%2Fevil.example'],
    ['double-encoded slash', '/%252Fevil.example'],
    ['double-encoded tab', '/%2509/evil.example'],
    ['triple-encoded backslash', '/%25255Cevil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a scheme-relative URL with a scheme of its own', 'http:evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['encoded javascript:', '%6Aavascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['CR LF header injection', '/\r\nSet-Cookie: a=b'],
    ['encoded CR LF', '/%0D%0ASet-Cookie:%20a=b'],
    ['NUL', '/%00'],
    ['a path that resolves to //host', '/.//evil.example'],
    ['an encoded dot path that resolves to //host', '/%2e//evil.example'],
    ['a relative path', 'laporan'],
    ['a broken escape', '/laporan?q=%E0%A4%A'],
    ['over-long', `/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, value) => {
    expect(sameSitePath(value)).toBe('/');
  });

  it('falls back to the given path', () => {
    expect(sameSitePath('//evil.example', '/en')).toBe('/en');
  });
});
