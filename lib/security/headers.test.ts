import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isHttpsRequest, securityHeaders, tileSource } from './headers';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('tileSource', () => {
  it.each([
    ['OpenStreetMap', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org'],
    ['{s} subdomains', 'https://{s}.tile.example.org/{z}/{x}/{y}.png', 'https://*.tile.example.org'],
    ['a port', 'http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png', 'http://127.0.0.1:8080'],
    ['a variable inside a label', 'https://a{s}.maps.example/{z}/{x}/{y}', 'https://*.maps.example'],
    ['not a URL', 'javascript:alert(1)', null],
    ['a quote in the host', "https://x'; script-src *", null],
  ])('%s', (_label, url, expected) => {
    expect(tileSource(url)).toBe(expected);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows the configured tile server in img-src and nothing else from outside', () => {
    const csp = contentSecurityPolicy({ tileUrl: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', isProduction: true, isHttps: true });
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: blob: https://*.tile.example.org");
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
  });

  it('has no tile origin when tiles are off, and eval only in development', () => {
    expect(directive(contentSecurityPolicy({ tileUrl: '', isProduction: true, isHttps: false }), 'img-src')).toBe("img-src 'self' data: blob:");
    expect(directive(contentSecurityPolicy({ tileUrl: '', isProduction: false, isHttps: false }), 'script-src')).toContain("'unsafe-eval'");
  });
});

describe('securityHeaders', () => {
  it.each([
    ['production behind TLS', true, true, true],
    ['production over plain HTTP (npm run demo)', true, false, false],
    ['development over TLS', false, true, false],
  ])('HSTS in %s: %s', (_label, isProduction, isHttps, hasHsts) => {
    const headers = securityHeaders({ tileUrl: '', isProduction, isHttps });
    expect('Strict-Transport-Security' in headers).toBe(hasHsts);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });
});

describe('isHttpsRequest', () => {
  it.each([
    ['https URL', 'https://aduan.jakarta.go.id/', null, true],
    ['http URL', 'http://127.0.0.1:3000/', null, false],
    ['TLS ended at the proxy', 'http://10.0.0.5:3000/', 'https', true],
    ['several proxies', 'http://10.0.0.5:3000/', 'https, http', true],
    ['proxy says http', 'https://x/', 'http', false],
  ])('%s', (_label, url, proto, expected) => {
    expect(isHttpsRequest(url, proto)).toBe(expected);
  });
});
