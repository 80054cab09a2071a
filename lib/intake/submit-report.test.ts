import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { seedPrivacyFixture } from '@/db/seed/privacy-fixture';
import { seedReference } from '@/db/seed/reference';
import { createTestDatabase } from '@/lib/testing/db';
import { tempMediaDir } from '@/lib/testing/hostile';

// The citizen's request: the TCP peer (the header lib/server/peer-header.ts writes), what the
// request claims in X-Forwarded-For, and one browser's cookie jar, switched per call.
const client = vi.hoisted(() => ({ address: '10.9.0.1', forwardedFor: null as string | null, jar: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-aduan-peer': client.address, ...(client.forwardedFor ? { 'x-forwarded-for': client.forwardedFor } : {}) }),
  cookies: async () => ({
    get: (name: string) => (client.jar.has(name) ? { name, value: client.jar.get(name)! } : undefined),
    set: (name: string, value: string) => void client.jar.set(name, value),
  }),
}));
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const { submitReport, supportExistingReport } = await import('@/app/[locale]/lapor/actions');
const { INTAKE_MESSAGE } = await import('@/lib/intake/errors');
const { installPeerHeader } = await import('@/lib/server/peer-header');
installPeerHeader();

let database: Database;
let mediaDir: string;
let publicReport: string;
let n = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  publicReport = (await seedPrivacyFixture(database.db)).publicReport;
  mediaDir = tempMediaDir();
  Object.assign(process.env, {
    ADUAN_MEDIA_DIR: mediaDir,
    ADUAN_WARM_INDEXES: '0',
    ADUAN_RATE_LIMIT_REPORTS: '3',
    ADUAN_RATE_LIMIT_REPORTS_PER_CONTACT: '2',
    ADUAN_RATE_LIMIT_PER_ADDRESS: '6',
    ADUAN_RATE_LIMIT_SUPPORTS: '2',
  });
  (globalThis as { aduanDb?: Database }).aduanDb = database;
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

/** A fresh browser (no cookie yet) on an address of its own, unless a test shares one. */
function browser(address = `10.9.${++n}.1`) {
  client.address = address;
  client.forwardedFor = null;
  client.jar = new Map();
  return client;
}
beforeEach(() => void browser());

function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  const values = { formToken: `uji-batas-${++n}-abcdefghijklmnop`, kategori: 'jalan', deskripsi: 'Jalan berlubang besar di depan sekolah dasar.', kelurahan: '31.71.01.1001', ...fields };
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}
const file = () => submitReport(null, form());

describe('the report limit counts only accepted reports', () => {
  it('a dozen refused forms and a broken photo do not use up the limit', async () => {
    for (let i = 0; i < 12; i++) expect(await submitReport(null, form({ deskripsi: 'pendek' }))).toEqual({ ok: false, fieldErrors: { deskripsi: 'deskripsi_pendek' } });
    const broken = form();
    broken.append('foto', new File([new Uint8Array(Buffer.from('bukan foto'))], 'rusak.jpg', { type: 'image/jpeg' }));
    expect(await submitReport(null, broken)).toEqual({ ok: false, fieldErrors: { foto: 'foto_tipe_tidak_didukung' } });
    for (let i = 0; i < 3; i++) expect(await file()).toMatchObject({ ok: true });
  });

  it('the browser keeps its cookie; past its limit the refusal says in how many minutes to try again', async () => {
    const { address, jar } = browser();
    const filed = form();
    const first = await submitReport(null, filed);
    expect(first).toMatchObject({ ok: true });
    const cookie = [...jar.values()][0];
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await file()).toMatchObject({ ok: true });
    expect(await file()).toMatchObject({ ok: true });
    const refused = await file();
    expect(refused).toMatchObject({ ok: false, formError: { id: expect.stringMatching(/^Batas 3 laporan per jam dari perangkat ini tercapai\. Coba lagi dalam \d+ menit\.$/) } });
    const minutes = refused && !refused.ok ? refused.retryAfterMinutes! : 0;
    expect(minutes).toBeGreaterThanOrEqual(1);
    expect(minutes).toBeLessThanOrEqual(60);
    expect(refused && !refused.ok && refused.formError?.id).toContain(`${minutes} menit`);
    expect([...client.jar.values()]).toEqual([cookie]);
    // a resend of a filed form whose answer was lost still gets its ticket at the limit
    expect(await submitReport(null, filed)).toEqual(first);
    // another phone behind the same carrier address files at once
    browser(address);
    expect(await file()).toMatchObject({ ok: true });
    expect(client.jar).not.toBe(jar);
  });

  it('a retry of a filed form gives the same ticket and costs nothing', async () => {
    const data = form();
    const first = await submitReport(null, data);
    for (let i = 0; i < 4; i++) expect(await submitReport(null, data)).toEqual(first);
    expect(await file()).toMatchObject({ ok: true });
    expect(await file()).toMatchObject({ ok: true });
  });

  it('one phone number is limited across browsers, however it is written', async () => {
    expect(await submitReport(null, form({ telepon: '0812 7777 8888' }))).toMatchObject({ ok: true });
    browser();
    expect(await submitReport(null, form({ telepon: '+6281277778888' }))).toMatchObject({ ok: true });
    browser();
    expect(await submitReport(null, form({ telepon: '081277778888' }))).toMatchObject({ ok: false, formError: { id: expect.stringContaining('nomor HP atau surel ini') } });
    expect(await file()).toMatchObject({ ok: true });
  });

  it('browsers behind one address share only the high ceiling', async () => {
    const address = '10.8.0.1';
    for (let i = 0; i < 6; i++) {
      browser(address);
      expect(await file()).toMatchObject({ ok: true });
    }
    browser(address);
    expect(await file()).toMatchObject({ ok: false, formError: { id: expect.stringMatching(/dari jaringan Anda.*Coba lagi dalam \d+ menit/) } });
  });

  it('the description counts a CRLF line break as one character, as the form does', async () => {
    const line = `${'a'.repeat(99)}\n`;
    const text = line.repeat(20); // 2,000 characters in the browser
    expect(await submitReport(null, form({ deskripsi: text.replaceAll('\n', '\r\n') }))).toMatchObject({ ok: true });
  });
});

describe('a forged X-Forwarded-For', () => {
  const networkFull = { ok: false, formError: { id: expect.stringMatching(/dari jaringan Anda/) } };

  it('does not escape the per-address ceiling without a trusted proxy', async () => {
    delete process.env.ADUAN_TRUSTED_PROXIES;
    for (let i = 0; i < 6; i++) {
      browser('10.7.0.1').forwardedFor = `203.0.113.${i}`;
      expect(await file()).toMatchObject({ ok: true });
    }
    browser('10.7.0.1').forwardedFor = '203.0.113.99, 198.51.100.99';
    expect(await file()).toMatchObject(networkFull);
  });

  it('behind a trusted proxy each forwarded client has its own ceiling, and forging further left changes nothing', async () => {
    process.env.ADUAN_TRUSTED_PROXIES = '10.6.0.0/16, fd00::/8';
    try {
      for (let i = 0; i < 8; i++) {
        browser('10.6.0.1').forwardedFor = `198.51.100.${i}`;
        expect(await file()).toMatchObject({ ok: true });
      }
      for (let i = 0; i < 6; i++) {
        browser(i % 2 ? '10.6.0.1' : 'fd00::6').forwardedFor = `203.0.113.${i}, 198.51.100.200`;
        expect(await file()).toMatchObject({ ok: true });
      }
      browser('10.6.0.2').forwardedFor = '203.0.113.77, 198.51.100.200';
      expect(await file()).toMatchObject(networkFull);
    } finally {
      delete process.env.ADUAN_TRUSTED_PROXIES;
    }
  });
});

describe('"dukung" counts only supports that happened', () => {
  it('an unknown ticket costs nothing; past the limit the refusal says when', async () => {
    for (let i = 0; i < 5; i++) expect(await supportExistingReport('JK0000000000', '')).toMatchObject({ ok: false });
    expect(await supportExistingReport(publicReport, '')).toMatchObject({ ok: true, supportCount: expect.any(Number) });
    // once per browser: a second support is refused, and costs nothing either
    expect(await supportExistingReport(publicReport, '')).toEqual({ ok: false, message: INTAKE_MESSAGE.sudah_didukung });
    expect(await supportExistingReport(publicReport, 'tetangga@contoh.id')).toEqual({ ok: true, isPending: true });
    expect(await supportExistingReport(publicReport, 'tetangga.lain@contoh.id')).toEqual({ ok: false, message: { id: expect.stringMatching(/^Batas 2 dukungan per jam .*Coba lagi dalam \d+ menit\.$/), en: expect.any(String) } });
    // supports and reports are counted apart
    expect(await file()).toMatchObject({ ok: true });
  });
});
