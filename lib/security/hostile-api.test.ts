import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { seedPrivacyFixture } from '@/db/seed/privacy-fixture';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { loadStaffUser } from '@/db/queries/staff';
import { signBody } from '@/lib/channels/signature';
import { WEBHOOKS } from '@/lib/channels/webhooks';
import { hubSignature } from '@/lib/whatsapp/signature';
import { issueApiKey } from '@/lib/open311/keys';
import { createTestDatabase } from '@/lib/testing/db';
import { hostileFile, hostileText, nastyString, snapshot, tempMediaDir } from '@/lib/testing/hostile';
import { appRoutes } from '../../e2e/routes';

// The upload route reads the client's address and browser cookie through next/headers, which
// only a running server provides: one client here.
vi.mock('next/headers', () => {
  const jar = new Map<string, string>();
  return {
    headers: async () => new Headers({ 'x-aduan-peer': '10.6.0.1', host: 'aduan.test' }),
    cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined), set: (name: string, value: string) => void jar.set(name, value) }),
  };
});
// revalidatePath needs a running Next.js server; here it is replaced by a no-op. Everything else is real.
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));

// Property tests over the real route handlers of every public endpoint, on a real database:
// whatever arrives, the answer is never a 5xx, a refusal carries a message, and a refused request
// (and any GET) leaves every table and the media directory as they were.

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
const modules = import.meta.glob<Record<string, Handler>>('../../app/**/route.ts');

let database: Database;
let mediaDir: string;
let apiKey: string;
const secrets = Object.fromEntries(Object.values(WEBHOOKS).map((k) => [k, `rahasia-uji-${k}`]));

const wa = { ADUAN_WA_PHONE_NUMBER_ID: '1098765432', ADUAN_WA_ACCESS_TOKEN: 'token', ADUAN_WA_APP_SECRET: 'rahasia-wa', ADUAN_WA_VERIFY_TOKEN: 'verifikasi' };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  await seedPrivacyFixture(database.db);
  mediaDir = tempMediaDir();
  // the WhatsApp channel configured too, so its GET handshake is probed like every public GET
  Object.assign(process.env, { ADUAN_MEDIA_DIR: mediaDir, ADUAN_WARM_INDEXES: '0', ...secrets, ...wa });
  (globalThis as { aduanDb?: Database }).aduanDb = database;
  const admin = (await loadStaffUser(database.db, 1))!;
  apiKey = await issueApiKey(database.db, { ...admin, role: 'admin' }, 'Aplikasi uji', new Date());
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

async function handler(pattern: string, method: string): Promise<Handler> {
  const key = `../../app${pattern}/route.ts`;
  const load = modules[key];
  if (!load) throw new Error(`no route module ${key}`);
  return (await load())[method];
}

/** Calls a handler and checks the answer: no 5xx, and a refusal says why. */
async function call(h: Handler, request: NextRequest, params: Record<string, string | string[]> = {}) {
  const response = await h(request, { params: Promise.resolve(params) });
  const body = await response.text();
  expect(response.status, `${request.method} ${request.url} → ${response.status} ${body.slice(0, 200)}`).toBeLessThan(500);
  if (response.status >= 400) expect(body.trim().length, `${request.url}: a refusal without a message`).toBeGreaterThan(5);
  return { status: response.status, body };
}

const param = fc.oneof(nastyString, fc.string({ maxLength: 30 }), fc.constantFrom('JK2611269001', '1', 'kel-31.71.01.1001'));
const queryString = fc
  .array(fc.tuple(fc.constantFrom('status', 'kategori', 'kanal', 'kota', 'kecamatan', 'kelurahan', 'dari', 'sampai', 'bbox', 'zoom', 'urut', 'halaman', 'per_halaman', 'lat', 'lng', 'dekat', 'level', 'tabel', 'ukuran', 'page', 'page_size', 'start_date', 'end_date', 'service_code', 'service_request_id', 'jurisdiction_id', 'kunci', 'ke', 'kembali'), hostileText), { maxLength: 6 })
  .map((pairs) => new URLSearchParams(pairs.map(([k, v]) => [k, v.replaceAll('\u0000', '')])).toString());

/** Every public GET handler, read from app/ (staff handlers sign in first; next-auth's is a library's). */
const GET_ROUTES = appRoutes().filter((r) => r.kind === 'api' && r.methods.includes('GET') && !r.isStaff && !r.pattern.startsWith('/api/auth'));

describe('hostile input to every public GET endpoint', () => {
  it('finds the public GET endpoints in app/', () => {
    expect(GET_ROUTES.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/api/laporan', '/api/peta', '/api/open311/v2/[...path]', '/api/laporan.csv', '/api/dasbor/csv']));
  });

  it.each(GET_ROUTES.map((r) => r.pattern))('GET %s: never a 5xx, never a write', async (pattern) => {
    const h = await handler(pattern.replace('/open311/', '/open311/'), 'GET');
    const before = await snapshot(database, mediaDir);
    await fc.assert(
      fc.asyncProperty(queryString, param, fc.array(param, { minLength: 1, maxLength: 3 }), fc.constantFrom('json', 'xml', ''), async (query, rawValue, rawSegments, format) => {
        // what HTTP can carry: a lone surrogate arrives as U+FFFD
        const value = rawValue.toWellFormed();
        const segments = rawSegments.map((s) => s.toWellFormed());
        const params: Record<string, string | string[]> = {};
        for (const [, rest, name] of [...pattern.matchAll(/\[(\.\.\.)?(\w+)\]/g)]) {
          params[name] = rest ? [...segments.slice(0, -1), `${segments.at(-1)}${format ? `.${format}` : ''}`] : value;
        }
        const path = pattern.replace(/\[(\.\.\.)?(\w+)\]/g, (_m, _r, name: string) => encodeURIComponent([params[name]].flat().join('/')));
        await call(h, new NextRequest(`http://aduan.test${path}?${query}`), params);
      }),
      { numRuns: 25 },
    );
    expect(await snapshot(database, mediaDir)).toEqual(before);
  });
});

describe('hostile input to Open311 POST requests', () => {
  const fields = fc.record(
    {
      api_key: fc.oneof(hostileText, fc.constant('KUNCI')),
      service_code: fc.oneof(hostileText, fc.constantFrom('jalan', 'pungli', 'tanpa-kategori')),
      lat: fc.oneof(hostileText, fc.double().map(String)),
      long: fc.oneof(hostileText, fc.double().map(String)),
      address_string: hostileText,
      description: hostileText,
      email: hostileText,
      phone: hostileText,
      first_name: hostileText,
      last_name: hostileText,
      media_url: hostileText,
      media: hostileFile,
    },
    { requiredKeys: [] },
  );

  it('answers every form with a coded Open311 error or a filed request, never a 5xx or a partial write', async () => {
    const post = await handler('/api/open311/v2/[...path]', 'POST');
    await fc.assert(
      fc.asyncProperty(fields, fc.constantFrom('requests.json', 'requests.xml', 'requests', 'services.json'), async (f, path) => {
        const form = new FormData();
        for (const [k, v] of Object.entries(f)) {
          if (k === 'media') form.append('media', new File([new Uint8Array(v as Buffer)], 'foto.jpg', { type: 'image/jpeg' }));
          else form.append(k, v === 'KUNCI' ? apiKey : (v as string));
        }
        const before = await snapshot(database, mediaDir);
        const answer = await call(post, new NextRequest(`http://aduan.test/open311/v2/${path}`, { method: 'POST', body: form }), { path: [path] });
        if (answer.status >= 400) {
          expect(await snapshot(database, mediaDir)).toEqual(before);
          if (path.endsWith('.json')) expect(JSON.parse(answer.body)[0].description).toMatch(/\w/);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('hostile input to the report upload route (POST /api/laporan/kirim)', () => {
  const fields = fc.record(
    {
      formToken: fc.oneof(hostileText, fc.constant('TOKEN')),
      kategori: fc.oneof(hostileText, fc.constantFrom('jalan', 'pungli')),
      deskripsi: fc.oneof(hostileText, fc.constant('Jalan berlubang besar di depan sekolah dasar.')),
      privasi: hostileText,
      lat: fc.oneof(hostileText, fc.double().map(String)),
      lng: fc.oneof(hostileText, fc.double().map(String)),
      kelurahan: fc.oneof(hostileText, fc.constant('31.71.01.1001')),
      telepon: hostileText,
      email: hostileText,
      foto_waktu: hostileText,
      foto_lat: hostileText,
      foto: hostileFile,
    },
    { requiredKeys: [] },
  );

  it('answers every form from this site with a filed report or a refusal with a reason, never a 5xx or a partial write', async () => {
    const post = await handler('/api/laporan/kirim', 'POST');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fields, fc.constantFrom('http://aduan.test', 'https://penyerang.example', ''), async (f, origin) => {
        const form = new FormData();
        for (const [k, v] of Object.entries(f)) {
          if (k === 'foto') form.append('foto', new File([new Uint8Array(v as Buffer)], 'foto.jpg', { type: 'image/jpeg' }));
          else form.append(k, v === 'TOKEN' ? `token-uji-rute-${++n}-abcdefgh` : (v as string));
        }
        const headers: Record<string, string> = origin ? { origin, host: 'aduan.test' } : { host: 'aduan.test' };
        const before = await snapshot(database, mediaDir);
        const answer = await call(post, new NextRequest('http://aduan.test/api/laporan/kirim', { method: 'POST', body: form, headers }));
        if (origin !== 'http://aduan.test') expect(answer.status).toBe(403);
        if (answer.status >= 400) {
          // a refused form counts nothing against the limits either
          expect(await snapshot(database, mediaDir)).toEqual(before);
          expect(JSON.parse(answer.body)).toMatchObject({ ok: false });
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('hostile input to the signed channel webhooks', () => {
  const value = fc.oneof(hostileText, fc.integer(), fc.double(), fc.constant(null), fc.constant([]), fc.constant({}));
  const body = fc.oneof(
    fc.dictionary(fc.constantFrom('id', 'from', 'text', 'messageId', 'subject', 'platform', 'postId', 'postUrl', 'author', 'trackingId', 'name', 'phone', 'email', 'lat', 'lng', 'kelurahan', 'kategori', 'images', 'attachments'), value).map((o) => Buffer.from(JSON.stringify(o))),
    hostileText.map((t) => Buffer.from(t)),
    hostileFile,
  );

  it.each(Object.keys(WEBHOOKS))('POST /api/kanal/%s, signed or not: never a 5xx, a refusal writes nothing', async (kind) => {
    const post = await handler(`/api/kanal/${kind}`, 'POST');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, isSigned) => {
        const timestamp = String(Math.floor(Date.now() / 1000) + n++);
        const secret = secrets[WEBHOOKS[kind as keyof typeof WEBHOOKS]];
        const headers: Record<string, string> = { 'x-aduan-timestamp': timestamp, 'content-type': 'application/json' };
        headers['x-aduan-signature'] = isSigned ? `sha256=${signBody(secret, timestamp, payload)}` : 'sha256=00';
        const before = await snapshot(database, mediaDir);
        const answer = await call(post, new NextRequest(`http://aduan.test/api/kanal/${kind}`, { method: 'POST', body: new Uint8Array(payload), headers }));
        // A signed message's receipt is kept even when its content is refused: it is the replay
        // guard (the same signature is never processed twice), not part of any report.
        const { webhook_receipts: _r1, ...was } = before.counts;
        const after = await snapshot(database, mediaDir);
        const { webhook_receipts: _r2, ...is } = after.counts;
        if (answer.status >= 400) expect({ ...after, counts: is }).toEqual({ ...before, counts: was });
      }),
      { numRuns: 40 },
    );
  });
});

describe('hostile input to the WhatsApp webhook', () => {
  const value = fc.oneof(hostileText, fc.integer(), fc.double(), fc.constant(null), fc.constant([]), fc.constant({}));
  const message = fc.dictionary(fc.constantFrom('from', 'id', 'timestamp', 'type', 'text', 'interactive', 'image', 'location', 'button'), value);
  const body = fc.oneof(
    fc
      .record({ messages: fc.array(message, { maxLength: 3 }), statuses: fc.array(fc.dictionary(fc.constantFrom('id', 'status', 'timestamp', 'errors'), value), { maxLength: 3 }) })
      .map((v) => Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'W', changes: [{ field: 'messages', value: { metadata: { phone_number_id: wa.ADUAN_WA_PHONE_NUMBER_ID }, ...v } }] }] }))),
    hostileText.map((t) => Buffer.from(t)),
    hostileFile,
  );

  it('POST /api/kanal/whatsapp, signed or not: never a 5xx, a refusal writes nothing', async () => {
    const post = await handler('/api/kanal/whatsapp', 'POST');
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, isSigned) => {
        const headers = { 'content-type': 'application/json', 'x-hub-signature-256': isSigned ? hubSignature(wa.ADUAN_WA_APP_SECRET, payload) : `sha256=${'0'.repeat(64)}` };
        const before = await snapshot(database, mediaDir);
        const answer = await call(post, new NextRequest('http://aduan.test/api/kanal/whatsapp', { method: 'POST', body: new Uint8Array(payload), headers }));
        if (!isSigned) expect(answer.status).toBe(401);
        if (answer.status >= 400) expect(await snapshot(database, mediaDir)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('GET /api/kanal/whatsapp with any parameters: the challenge only for the verify token', async () => {
    const get = await handler('/api/kanal/whatsapp', 'GET');
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (token, challenge) => {
        const url = new URL('http://aduan.test/api/kanal/whatsapp');
        url.search = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': challenge }).toString();
        const answer = await call(get, new NextRequest(url));
        expect(answer.status).toBe(token === wa.ADUAN_WA_VERIFY_TOKEN && challenge ? 200 : 403);
      }),
      { numRuns: 30 },
    );
  });
});
