import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderProxyConfig } from './nginx-config';
import { findNginx, startProxy, type RunningProxy } from './nginx';

const source = readFileSync(resolve(__dirname, '../../deploy/nginx.conf'), 'utf8');

describe('renderProxyConfig', () => {
  it('replaces only the upstream servers, the listen line and the cache directories', () => {
    const text = renderProxyConfig(source, { port: 4100, upstreams: ['http://127.0.0.1:3400', '127.0.0.1:3401'], cacheDir: '/tmp/c' });
    expect(text).toContain('  server 127.0.0.1:3400 max_fails=3 fail_timeout=10s;\n  server 127.0.0.1:3401 max_fails=3 fail_timeout=10s;');
    expect(text).not.toContain('app1:3000');
    expect(text).toContain('listen 127.0.0.1:4100;');
    expect(text).toContain('proxy_cache_path /tmp/c/aduan ');
    expect(text).not.toContain('/var/cache/nginx');
    // the rules themselves are the production file's, line for line
    const rules = (t: string) => t.slice(t.indexOf('map $cookie_bahasa'));
    expect(rules(text).replace('listen 127.0.0.1:4100;', 'listen 80;')).toBe(rules(source));
  });

  it.each([
    ['no upstream', [], /at least one upstream/],
    ['an upstream that is not host:port', ['app1'], /not an upstream address/],
  ])('refuses %s', (_, upstreams: string[], error) => {
    expect(() => renderProxyConfig(source, { port: 4100, cacheDir: '/tmp/c', upstreams })).toThrow(error);
  });

  it('refuses a file whose listen line it cannot find', () => {
    expect(() => renderProxyConfig(source.replace('listen 80;', 'listen 8080;'), { port: 4100, upstreams: ['127.0.0.1:1'], cacheDir: '/tmp/c' })).toThrow(/listen 80/);
  });
});

/*
 * The rules at work in front of a stand-in app that numbers its answers: the same number twice
 * means the second answer came from the cache. Runs where nginx is installed (CI installs it).
 */
describe.skipIf(!findNginx())('the caching proxy (nginx with deploy/nginx.conf)', () => {
  let app: Server;
  let proxy: RunningProxy;
  let answers = 0;

  beforeAll(async () => {
    app = createServer((req, res) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'private, no-cache, no-store' };
      if (req.url?.includes('pasang-kuki')) headers['set-cookie'] = 'aduan_perangkat=abc; Path=/; HttpOnly';
      const seen = { n: ++answers, forwardedFor: req.headers['x-forwarded-for'], forwardedHost: req.headers['x-forwarded-host'] };
      res.writeHead(200, headers).end(JSON.stringify(seen));
    });
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    const free = createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const { port } = free.address() as AddressInfo;
    await new Promise((r) => free.close(r));
    proxy = await startProxy({ port, upstreams: [`127.0.0.1:${(app.address() as AddressInfo).port}`] });
  });
  afterAll(async () => {
    await proxy?.stop();
    app?.close();
  });

  const ask = async (path: string, init: RequestInit = {}) => {
    const answer = await fetch(`${proxy.url}${path}`, init);
    const body = (await answer.json()) as { n: number; forwardedFor?: string; forwardedHost?: string };
    return { cache: answer.headers.get('x-cache'), ...body };
  };

  it.each([
    ['the map page', '/'],
    ['the list', '/laporan?urut=terbaru'],
    ['a ticket page', '/laporan/JK2605000001'],
    ['a ticket page at its English address', '/en/laporan/JK2605000001'],
    ['a region', '/wilayah/31.71.01.1001'],
    ['the dashboard and its figures', '/api/dasbor?periode=30'],
    ['map points', '/api/peta?bbox=106.8,-6.2,106.9,-6.1&zoom=14'],
    ['a feed', '/api/laporan.rss'],
    ['a public photo', '/api/foto/12'],
    ['Open311 requests', '/open311/v2/requests.json'],
  ])('keeps %s for the next anonymous visitor', async (_, path) => {
    const first = await ask(path);
    const second = await ask(path);
    expect(second).toMatchObject({ cache: 'HIT', n: first.n });
  });

  it.each([
    ['the staff workspace', '/petugas', {}],
    ['an encoded staff address', '/%70etugas/laporan/JK2605000001', {}],
    ['a staff address behind a public one', '/laporan/../petugas', {}],
    ['sign-in', '/masuk', {}],
    ['the session endpoint', '/api/auth/session', {}],
    ['the reporter\'s private page', '/lacak/JK2605000001?kunci=abcdefabcdefabcdefabcdef', {}],
    ['a tracking key on a public address', '/skm/kel-31.71.01.1001?nomor=JK2605000001&kunci=abcdef', {}],
    ['an Open311 key', '/open311/v2/requests.json?api_key=rahasia', {}],
    ['the report form', '/lapor', {}],
    ['a staff session', '/laporan', { cookie: 'authjs.session-token=eyJ' }],
    ['a staff session behind TLS', '/laporan', { cookie: 'bahasa=en; __Secure-authjs.session-token=eyJ' }],
    ['a staff session in chunks', '/', { cookie: '__Secure-authjs.session-token.0=eyJ; __Secure-authjs.session-token.1=abc' }],
    ['a sign-in halfway (second step)', '/dasbor', { cookie: 'aduan_masuk_kode=abc' }],
    ['a request with credentials', '/api/laporan', { authorization: 'Bearer abc' }],
  ])('never serves or keeps %s', async (_, path, headers: Record<string, string>) => {
    const first = await ask(path, { headers });
    const second = await ask(path, { headers });
    expect([first.cache, second.cache]).toEqual(['BYPASS', 'BYPASS']);
    expect(second.n).toBe(first.n + 1);
    // and an anonymous visitor right after does not get what the signed-in one got
    const anonymous = await ask(path);
    expect(anonymous.n).not.toBe(second.n);
  });

  it('never keeps a POST', async () => {
    await ask('/laporan/JK2605000002');
    const posted = await ask('/laporan/JK2605000002', { method: 'POST', body: 'a=1' });
    const after = await ask('/laporan/JK2605000002');
    expect(after.n).not.toBe(posted.n);
  });

  it('never keeps an answer that sets a cookie', async () => {
    const first = await ask('/laporan/pasang-kuki');
    const second = await ask('/laporan/pasang-kuki');
    expect(second.n).toBe(first.n + 1);
  });

  it('keeps a copy per language, by the bahasa cookie alone', async () => {
    const id = await ask('/laporan/JK2605000003');
    const en = await ask('/laporan/JK2605000003', { headers: { cookie: 'bahasa=en' } });
    expect(en.n).not.toBe(id.n);
    expect(await ask('/laporan/JK2605000003', { headers: { cookie: 'aduan_perangkat=x; bahasa=en' } })).toMatchObject({ cache: 'HIT', n: en.n });
    // anything but "en" is Indonesian, as the app reads it
    expect(await ask('/laporan/JK2605000003', { headers: { cookie: 'bahasa=fr', 'accept-language': 'en-US' } })).toMatchObject({ cache: 'HIT', n: id.n });
  });

  it('overwrites the client address and host that a client sent', async () => {
    const answer = await ask('/petugas', { headers: { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-host': 'evil.example' } });
    expect(answer.forwardedFor).toBe('127.0.0.1');
    expect(answer.forwardedHost).toBe(new URL(proxy.url).host);
  });

  it('refuses the instances\' internal change route', async () => {
    expect((await fetch(`${proxy.url}/api/intern/segarkan`, { method: 'POST' })).status).toBe(404);
  });

  it('lets a copy go within two seconds', async () => {
    const first = await ask('/laporan/JK2605000004');
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await ask('/laporan/JK2605000004')).n).not.toBe(first.n);
  });
});
