import { describe, expect, it, vi } from 'vitest';
import { checkPublicUrlAtStart } from './public-url-check';
import { configuredPublicUrls, publicUrl, publicUrlForRequest, publicUrlProblem } from './public-url';

const headers = (h: Record<string, string>) => new Headers(h);
const production = { NODE_ENV: 'production' };
const configured = { ...production, ADUAN_PUBLIC_URL: 'https://aduan.jakarta.go.id/, https://lapor.jakarta.go.id' };
const demo = { NODE_ENV: 'production', ADUAN_DEMO: '1' };
const dev = { NODE_ENV: 'development' };

describe('publicUrlForRequest', () => {
  it.each([
    ['configured: the canonical address for its own host', configured, { host: 'aduan.jakarta.go.id' }, 'https://aduan.jakarta.go.id'],
    ['configured: an alias answers with itself', configured, { host: 'LAPOR.jakarta.go.id' }, 'https://lapor.jakarta.go.id'],
    ['configured: the default port is the same host', configured, { host: 'aduan.jakarta.go.id:443' }, 'https://aduan.jakarta.go.id'],
    ['configured: a forged Host gets the canonical address', configured, { host: 'evil.example' }, 'https://aduan.jakarta.go.id'],
    ['configured: a forged X-Forwarded-Host too', configured, { host: 'aduan.jakarta.go.id', 'x-forwarded-host': 'evil.example' }, 'https://aduan.jakarta.go.id'],
    ['configured: a look-alike suffix is another host', configured, { host: 'aduan.jakarta.go.id.evil.example' }, 'https://aduan.jakarta.go.id'],
    ['configured: the scheme is the configured one, not the request\'s', configured, { host: 'lapor.jakarta.go.id', 'x-forwarded-proto': 'http' }, 'https://lapor.jakarta.go.id'],
    ['demo: the host the visitor used', demo, { host: '192.168.1.20:3000' }, 'http://192.168.1.20:3000'],
    ['demo: behind a TLS proxy', demo, { host: '127.0.0.1:3000', 'x-forwarded-host': 'demo.example.org', 'x-forwarded-proto': 'https' }, 'https://demo.example.org'],
    ['dev: a host with a port', dev, { host: 'localhost:3100' }, 'http://localhost:3100'],
    ['demo: a Host smuggling a path or credentials is refused', demo, { host: 'evil.example/@aduan' }, 'http://localhost:3000'],
    ['demo: a Host with a space is refused', demo, { host: 'a b' }, 'http://localhost:3000'],
    ['demo: a Host with user info is refused', demo, { host: 'user@evil.example' }, 'http://localhost:3000'],
    ['demo: an odd protocol is not echoed', demo, { host: 'demo.example.org', 'x-forwarded-proto': 'javascript' }, 'http://demo.example.org'],
    ['production unconfigured never trusts the Host', production, { host: 'evil.example' }, 'http://localhost:3000'],
  ])('%s', (_label, env, h, expected) => {
    expect(publicUrlForRequest(headers(h), env)).toBe(expected);
  });

  it('keeps a path prefix of the configured address', () => {
    expect(publicUrlForRequest(headers({ host: 'jakarta.go.id' }), { ADUAN_PUBLIC_URL: 'https://jakarta.go.id/aduan/' })).toBe('https://jakarta.go.id/aduan');
  });
});

describe('publicUrl (background jobs: no request)', () => {
  it.each([
    ['the canonical configured address', configured, 'https://aduan.jakarta.go.id'],
    ['the local address in development', dev, 'http://localhost:3000'],
    ['the demo port', { ...demo, PORT: '3456' }, 'http://localhost:3456'],
  ])('%s', (_label, env, expected) => {
    expect(publicUrl(env)).toBe(expected);
  });
});

describe('publicUrlProblem (refusing to start)', () => {
  it.each([
    ['production without the address', production, /ADUAN_PUBLIC_URL is not set/],
    ['production with a bare host name', { ...production, ADUAN_PUBLIC_URL: 'aduan.jakarta.go.id' }, /ADUAN_PUBLIC_URL must be/],
    ['a javascript: address', { ...dev, ADUAN_PUBLIC_URL: 'javascript:alert(1)' }, /ADUAN_PUBLIC_URL must be/],
    ['an address with credentials', { ...production, ADUAN_PUBLIC_URL: 'https://user:pw@aduan.jakarta.go.id' }, /ADUAN_PUBLIC_URL must be/],
  ])('%s', (_label, env, message) => {
    expect(publicUrlProblem(env)).toMatch(message);
  });

  it.each([
    ['production with the address', configured],
    ['the demo', demo],
    ['development', dev],
  ])('%s starts', (_label, env) => {
    expect(publicUrlProblem(env)).toBeNull();
  });

  it('lists the configured addresses canonical first', () => {
    expect(configuredPublicUrls(configured)).toEqual(['https://aduan.jakarta.go.id', 'https://lapor.jakarta.go.id']);
  });
});

describe('checkPublicUrlAtStart', () => {
  it('stops a production process without the address, naming the variable', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      checkPublicUrlAtStart('server', production);
      expect(exit).toHaveBeenCalledWith(1);
      expect(error.mock.calls[0][0]).toMatch(/server cannot start: ADUAN_PUBLIC_URL is not set/);
    } finally {
      exit.mockRestore();
      error.mockRestore();
    }
  });

  it('lets the demo start with a warning, and a configured production without one', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      checkPublicUrlAtStart('server', demo);
      expect(warn.mock.calls[0][0]).toMatch(/ADUAN_PUBLIC_URL is not set \(demo\)/);
      checkPublicUrlAtStart('server', configured);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(exit).not.toHaveBeenCalled();
    } finally {
      exit.mockRestore();
      warn.mockRestore();
    }
  });
});
