import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './same-origin';

describe('isSameOrigin', () => {
  it.each([
    ['the page of this host', { origin: 'http://aduan.test', host: 'aduan.test' }, true],
    ['with its port', { origin: 'http://localhost:3170', host: 'localhost:3170' }, true],
    ['behind a proxy that names the public host', { origin: 'https://lapor.jakarta.go.id', host: '127.0.0.1:3000', 'x-forwarded-host': 'lapor.jakarta.go.id' }, true],
    ['host letters in another case', { origin: 'https://Aduan.Test', host: 'aduan.test' }, true],
    ['another site', { origin: 'https://penyerang.example', host: 'aduan.test' }, false],
    ['another port of this host', { origin: 'http://aduan.test:8080', host: 'aduan.test' }, false],
    ['a sub-domain', { origin: 'http://x.aduan.test', host: 'aduan.test' }, false],
    ['no Origin', { host: 'aduan.test' }, false],
    ['an opaque origin (sandboxed frame, file:)', { origin: 'null', host: 'aduan.test' }, false],
    ['not a URL', { origin: 'aduan.test', host: 'aduan.test' }, false],
    ['another scheme', { origin: 'ftp://aduan.test', host: 'aduan.test' }, false],
    ['no Host', { origin: 'http://aduan.test' }, false],
  ])('%s → %s', (_label, headers, expected) => {
    expect(isSameOrigin(new Headers(headers as Record<string, string>))).toBe(expected);
  });
});
