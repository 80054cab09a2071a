import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { reports } from '@/db/schema';
import { seedReference } from '@/db/seed/reference';
import { ACTION_BODY_LIMIT_MB } from '@/lib/intake/form-limits';
import { createTestDatabase } from '@/lib/testing/db';
import { snapshot, tempMediaDir } from '@/lib/testing/hostile';

// The request's headers and cookies as next/headers gives them to fileWebReport: one browser.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-aduan-peer': '10.7.0.1', host: 'aduan.test' }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const { POST } = await import('./route');
const { installPeerHeader } = await import('@/lib/server/peer-header');
installPeerHeader();

let database: Database;
let mediaDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = tempMediaDir();
  Object.assign(process.env, { ADUAN_MEDIA_DIR: mediaDir, ADUAN_WARM_INDEXES: '0' });
  (globalThis as { aduanDb?: Database }).aduanDb = database;
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

async function form(formToken: string, description = 'Trotoar amblas di depan halte, berbahaya bagi pejalan kaki.'): Promise<FormData> {
  const data = new FormData();
  for (const [k, v] of Object.entries({ formToken, kategori: 'jalan', deskripsi: description, kelurahan: '31.71.01.1001', privasi: 'publik' })) data.append(k, v);
  const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#806040' } }).jpeg().toBuffer();
  data.append('foto', new File([new Uint8Array(photo)], 'trotoar.jpg', { type: 'image/jpeg' }));
  data.append('foto_waktu', '');
  data.append('foto_lat', '');
  data.append('foto_lng', '');
  return data;
}

const post = (body: BodyInit, headers: Record<string, string> = { origin: 'http://aduan.test', host: 'aduan.test' }) =>
  POST(new NextRequest('http://aduan.test/api/laporan/kirim', { method: 'POST', body, headers }));

async function reportsWith(text: string): Promise<number> {
  return (await database.db.select({ id: reports.id }).from(reports).where(eq(reports.description, text))).length;
}

describe('POST /api/laporan/kirim', () => {
  it('files the report and answers with its number and private link', async () => {
    const answer = await post(await form('rute-kirim-pertama-abcdefgh'));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, number: expect.stringMatching(/^JK\d{10}$/), trackingUrl: expect.stringMatching(/^\/lacak\/JK\d{10}\?kunci=/) });
  });

  it('the same form token sent twice (a lost answer, a replay from the queue) makes one ticket', async () => {
    const text = 'Lampu jalan mati sepanjang gang, dikirim dua kali dari antrean.';
    const first = await (await post(await form('rute-kirim-ulang-abcdefgh', text))).json();
    const second = await post(await form('rute-kirim-ulang-abcdefgh', text));
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(first);
    expect(await reportsWith(text)).toBe(1);
  });

  it.each([
    ['another site', { origin: 'https://penyerang.example', host: 'aduan.test' }],
    ['no Origin', { host: 'aduan.test' }],
  ])('refuses a request from %s with 403 and files nothing', async (_label, headers) => {
    const text = 'Laporan lintas asal yang tidak boleh tersimpan di basis data.';
    const before = await snapshot(database, mediaDir);
    const answer = await post(await form('rute-kirim-asing-abcdefgh', text), headers);
    expect(answer.status).toBe(403);
    expect((await answer.json()).formError.id).toMatch(/situs lain/);
    expect(await snapshot(database, mediaDir)).toEqual(before);
  });

  it('refuses a body over the limit before reading it, by its length or as it streams', async () => {
    const before = await snapshot(database, mediaDir);
    const big = await form('rute-kirim-besar-abcdefgh');
    big.append('foto', new File([new Uint8Array(ACTION_BODY_LIMIT_MB * 1024 * 1024 + 1)], 'besar.jpg', { type: 'image/jpeg' }));
    const declared = await post(new Uint8Array(10), { origin: 'http://aduan.test', host: 'aduan.test', 'content-length': String(ACTION_BODY_LIMIT_MB * 1024 * 1024 + 1), 'content-type': 'multipart/form-data; boundary=x' });
    expect(declared.status).toBe(413);
    const streamed = await post(big);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).formError.en).toMatch(/over \d+ MB/);
    expect(await snapshot(database, mediaDir)).toEqual(before);
  });

  it('answers a refused form with 422 and its field errors, a body that is no form with 400', async () => {
    const data = await form('rute-kirim-pendek-abcdefgh', 'pendek');
    const answer = await post(data);
    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({ ok: false, fieldErrors: { deskripsi: 'deskripsi_pendek' } });
    expect((await post('bukan formulir', { origin: 'http://aduan.test', host: 'aduan.test', 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(400);
  });
});
