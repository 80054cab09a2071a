import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { getPublicRating, getPublicReport, getPublicTimeline } from '@/db/queries/public';
import { getTicketHistory } from '@/db/queries/public/history';
import { loadStaffUser } from '@/db/queries/staff';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { signBody } from '@/lib/channels/signature';
import { receiveWebhook, WEBHOOKS, type WebhookKind } from '@/lib/channels/webhooks';
import { createReport } from '@/lib/intake/create-report';
import { addInformation, disputeFollowUp, rateReport, reopenReport } from '@/lib/intake/tracking';
import { createDiskStorage } from '@/lib/media/storage';
import { fileServiceRequest } from '@/lib/open311/file';
import { issueApiKey } from '@/lib/open311/keys';
import { trackingKey } from '@/lib/security/secret';
import { recordAtDesk } from '@/lib/staff/desk';
import { performStaffAction } from '@/lib/staff/perform-action';
import { createTestDatabase } from '@/lib/testing/db';
import { whatsAppConfig } from '@/lib/whatsapp/config';
import { processWhatsAppOnce } from '@/lib/whatsapp/process';
import { hubSignature } from '@/lib/whatsapp/signature';
import { receiveWhatsApp } from '@/lib/whatsapp/webhook';
import { tempMediaDir } from '@/lib/testing/hostile';
import { reportInput } from '@/lib/testing/reports';
import { appRoutes } from '../../e2e/routes';

vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));

// Personal data of every kind, written the ways people write it, in every field a citizen (or an
// official) can write, through every way a report comes in; then every public endpoint and the
// projection behind every public page must show none of it, and the server log neither.

/** What is written, and the digits or letters that must never come out (compared without separators). */
const PII = [
  { kind: 'NIK', written: 'NIK saya 3171029797460001', core: '3171029797460001' },
  { kind: 'KK with dots', written: 'No. KK 31.71.02.979746.0002', core: '3171029797460002' },
  { kind: 'mobile with dots', written: 'hubungi 0813.9797.4646', core: '81397974646' },
  { kind: '+62 with dashes', written: 'WA +62 813-9797-5757', core: '81397975757' },
  { kind: 'Jakarta landline', written: 'telp (021) 9797 5353', core: '2197975353' },
  { kind: 'e-mail', written: 'surel qzvwarga@gmail.com', core: 'qzvwarga' },
  { kind: 'obfuscated e-mail', written: 'qzwwarga[at]gmail[dot]com', core: 'qzwwarga' },
  { kind: 'bank account', written: 'transfer ke rekening BCA 7979464653', core: '7979464653' },
] as const;
const piiText = PII.map((p) => p.written).join(', ');
const NAME = 'Pelapor Qzt Rahasia';
const REPORTER = { reporterName: NAME, reporterPhone: '081397976868', reporterEmail: 'qzt.pelapor@contoh.id' };
const REPORTER_CORES = ['pelaporqztrahasia', '81397976868', 'qztpelapor'];
/** Written in private reports and the later texts of their reporters: never public at all. */
const PRIVATE_WORD = 'PRIVATQZK';

const normalise = (text: string) => text.toLowerCase().replace(/[^0-9a-z]/g, '');

function assertNoPii(where: string, body: string) {
  const flat = normalise(body);
  for (const p of PII) expect(flat.includes(p.core), `${where} reveals the ${p.kind}`).toBe(false);
  for (const core of REPORTER_CORES) expect(flat.includes(core), `${where} reveals the reporter (${core})`).toBe(false);
  expect(flat.includes(PRIVATE_WORD.toLowerCase()), `${where} reveals a private report's text`).toBe(false);
}

let database: Database;
let mediaDir: string;
const filed: { number: string; isPublic: boolean; via: string }[] = [];
const logged: string[] = [];
const now = new Date();

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const modules = import.meta.glob<Record<string, Handler>>('../../app/**/route.ts');

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  mediaDir = tempMediaDir();
  const secrets = Object.fromEntries(Object.values(WEBHOOKS).map((k) => [k, `rahasia-${k}`]));
  Object.assign(process.env, { ADUAN_MEDIA_DIR: mediaDir, ADUAN_WARM_INDEXES: '0', ...secrets });
  (globalThis as { aduanDb?: Database }).aduanDb = database;
  const deps = { now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' };
  const users = await rowsOf<{ id: number; email: string }>(database.db.execute(sql`select id, email from users`));
  const staff = async (email: string) => (await loadStaffUser(database.db, users.find((u) => u.email === email)!.id))!;

  // the web form, public and private: description and address
  for (const isPublic of [true, false]) {
    const input = reportInput({
      isPublic,
      ...REPORTER,
      description: `Jalan berlubang LUBANGQZ ${isPublic ? '' : PRIVATE_WORD} di depan rumah. ${piiText}.`,
      address: `Gang Qz RT 03/RW 05, ${PII[2].written}`,
    });
    filed.push({ number: (await createReport(database.db, input, deps)).number, isPublic, via: 'form' });
  }
  // Open311
  const admin = await staff('admin@aduan.test');
  const key = await issueApiKey(database.db, admin, 'Aplikasi uji', now);
  const form = new FormData();
  for (const [k, v] of Object.entries({
    api_key: key,
    service_code: 'jalan',
    lat: '-6.1754',
    long: '106.8272',
    description: `Trotoar rusak LUBANGQZ. ${piiText}`,
    address_string: `Jl. Qz No. 4, ${PII[4].written}`,
    first_name: NAME,
    email: REPORTER.reporterEmail,
    phone: REPORTER.reporterPhone,
  })) form.set(k, v);
  filed.push({ number: (await fileServiceRequest(database.db, form, deps))[0].service_request_id, isPublic: true, via: 'open311' });
  // the desk
  const operator = await staff('operator@aduan.test');
  for (const privasi of ['publik', 'pribadi'] as const) {
    const created = await recordAtDesk(
      database.db,
      operator,
      {
        formToken: `meja-${privasi}-abcdefghijklmnop`,
        kanal: 'pendopo',
        referensi: null,
        nama: NAME,
        telepon: REPORTER.reporterPhone,
        email: REPORTER.reporterEmail,
        deskripsi: `Saluran mampet LUBANGQZ ${privasi === 'pribadi' ? PRIVATE_WORD : ''}. ${piiText}`,
        kategori: 'saluran-air',
        lokasi: 'kelurahan',
        lat: null,
        lng: null,
        kelurahan: '31.71.01.1001',
        alamat: `Blok Qz, ${PII[1].written}`,
        privasi,
      },
      [],
      deps,
    );
    filed.push({ number: created.number, isPublic: privasi === 'publik', via: 'desk' });
  }
  // each machine channel
  const payloads: Record<WebhookKind, unknown> = {
    sms: { id: 'sms-pii', from: '+6281397976868', text: `Lampu jalan mati LUBANGQZ. ${piiText}` },
    email: { messageId: '<pii@contoh.id>', from: { address: REPORTER.reporterEmail, name: NAME }, subject: 'Keluhan', text: `Trotoar ambles LUBANGQZ. ${piiText}` },
    sosmed: { platform: 'twitter', postId: 'pii-1', author: '@qztpelapor', text: `@DKIJakarta pohon tumbang LUBANGQZ ${piiText}` },
    lapor: { trackingId: 'L-PII', text: `Jalan rusak parah LUBANGQZ. ${piiText}`, kelurahan: '31.71.01.1001', name: NAME, phone: REPORTER.reporterPhone },
    'email-mime': null,
  } as Record<WebhookKind, unknown>;
  for (const kind of Object.keys(WEBHOOKS) as WebhookKind[]) {
    if (!payloads[kind]) continue;
    const body = Buffer.from(JSON.stringify(payloads[kind]));
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const answer = await receiveWebhook(
      database.db,
      kind,
      { body, timestamp, signature: `sha256=${signBody(secrets[WEBHOOKS[kind]], timestamp, body)}` },
      { ...deps, env: secrets },
    );
    if (answer.status < 300 && typeof answer.body.nomor === 'string') filed.push({ number: answer.body.nomor, isPublic: false, via: kind });
  }

  // WhatsApp: a whole conversation through the Cloud API webhook, answered by its worker; the
  // sender's number is the reporter's (REPORTER_CORES), so it must appear nowhere public either
  const wa = { ADUAN_WA_PHONE_NUMBER_ID: '1098765432', ADUAN_WA_ACCESS_TOKEN: 'token', ADUAN_WA_APP_SECRET: 'rahasia-wa', ADUAN_WA_VERIFY_TOKEN: 'verifikasi' };
  const conversation = [
    { type: 'text', text: { body: 'halo' } },
    { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'lapor', title: 'Buat laporan' } } },
    { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'other', title: 'Lainnya' } } },
    { type: 'text', text: { body: `Saluran mampet LUBANGQZ. ${piiText}` } },
    { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'skip', title: 'Lewati foto' } } },
    { type: 'text', text: { body: `Kelurahan Gambir, ${PII[2].written}` } },
    { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'public', title: 'Publik' } } },
  ];
  for (const [i, message] of conversation.entries()) {
    const value = { metadata: { phone_number_id: wa.ADUAN_WA_PHONE_NUMBER_ID }, contacts: [{ wa_id: '6281397976868', profile: { name: NAME } }], messages: [{ from: '6281397976868', id: `wamid.pii${i}`, timestamp: String(Math.floor(now.getTime() / 1000)), ...message }] };
    const body = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'W', changes: [{ field: 'messages', value }] }] }));
    await receiveWhatsApp(database.db, { body, signature: hubSignature(wa.ADUAN_WA_APP_SECRET, body) }, { now, env: wa });
    await processWhatsAppOnce(database.db, { ...deps, config: whatsAppConfig(wa)! });
  }
  const [viaWhatsApp] = await rowsOf<{ number: string }>(database.db.execute(sql`select number from reports where channel_code = 'whatsapp'`));
  filed.push({ number: viaWhatsApp.number, isPublic: true, via: 'whatsapp' });

  // later texts: the reporter adds information, disputes, reopens and rates; an official answers
  const lurah = await staff('lurah.gambir@aduan.test');
  for (const [i, { number, isPublic }] of filed.filter((f) => f.via === 'form').entries()) {
    const [{ token }] = await rowsOf<{ token: string }>(database.db.execute(sql`select idempotency_key as token from reports where number = ${number}`));
    const secret = trackingKey(token);
    const later = (what: string) => `${what} ${isPublic ? '' : PRIVATE_WORD} ${piiText}`;
    await addInformation(database.db, number, secret, later('Tambahan:'), now);
    const [{ version }] = await rowsOf<{ version: number }>(database.db.execute(sql`select version from reports where number = ${number}`));
    await performStaffAction(database.db, lurah, { number, version, action: 'tanggapan', body: `Kami cek. Hubungi petugas ${PII[3].written}` }, { now, storage: createDiskStorage(mediaDir) });
    await database.db.execute(sql`update reports set status = 'menunggu_validasi' where number = ${number}`);
    await disputeFollowUp(database.db, number, secret, later('Belum beres:'), null, now);
    await database.db.execute(sql`update reports set status = 'selesai', finished_at = ${now.toISOString()}::timestamptz where number = ${number}`);
    await rateReport(database.db, number, secret, 2 + i, later('Kurang puas:'), now);
    await reopenReport(database.db, number, secret, later('Dibuka lagi:'), new Date(now.getTime() + 1000));
  }
}, 180_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

/** Public GET endpoints with the queries that list these reports. */
function crawl(): [string, string, Record<string, string | string[]>][] {
  const kel = 'kelurahan=31.71.01.1001';
  const perNumber = filed.flatMap(({ number }) => [
    ['/api/laporan/[nomor]/riwayat.atom', `/api/laporan/${number}/riwayat.atom`, { nomor: number }],
    ['/api/laporan/[nomor]/riwayat.rss', `/api/laporan/${number}/riwayat.rss`, { nomor: number }],
    ['/api/open311/v2/[...path]', `/open311/v2/requests/${number}.json`, { path: ['requests', `${number}.json`] }],
    // the reporter's photos behind the private link: nothing without the key
    ['/api/lacak/[nomor]/foto/[id]', `/api/lacak/${number}/foto/1?kunci=salah`, { nomor: number, id: '1' }],
  ]) as [string, string, Record<string, string | string[]>][];
  return [
    ['/api/laporan', `/api/laporan?${kel}&per_halaman=200`, {}],
    ['/api/laporan', '/api/laporan?per_halaman=200', {}],
    ['/api/laporan.csv', '/api/laporan.csv', {}],
    ['/api/laporan.geojson', '/api/laporan.geojson', {}],
    ['/api/laporan.atom', '/api/laporan.atom', {}],
    ['/api/laporan.rss', `/api/laporan.rss?${kel}`, {}],
    ['/api/laporan.atom', '/api/laporan.atom?dekat=-6.1754,106.8272,2000', {}],
    ['/api/laporan/sekitar', '/api/laporan/sekitar?lat=-6.1754&lng=106.8272&kategori=jalan', {}],
    ['/api/peta', '/api/peta?bbox=106.6,-6.4,107,-6&zoom=20', {}],
    ['/api/open311/v2/[...path]', '/open311/v2/requests.json?page_size=100', { path: ['requests.json'] }],
    ['/api/open311/v2/[...path]', '/open311/v2/requests.xml?page_size=100', { path: ['requests.xml'] }],
    ['/api/open311/v2/[...path]', '/open311/v2/servicerequestupdates.json', { path: ['servicerequestupdates.json'] }],
    ['/api/dasbor', '/api/dasbor', {}],
    ['/api/dasbor/csv', '/api/dasbor/csv?tabel=kelurahan', {}],
    ['/api/wilayah', '/api/wilayah', {}],
    ...perNumber,
  ];
}

describe('personal data written anywhere never reaches the public', () => {
  it('the reports were filed through every way in', () => {
    expect(new Set(filed.map((f) => f.via))).toEqual(new Set(['form', 'open311', 'desk', 'sms', 'email', 'sosmed', 'lapor', 'whatsapp']));
  });

  it('no public endpoint reveals it, and public texts are still there (masked)', async () => {
    let sawText = false;
    for (const [pattern, path, params] of crawl()) {
      const load = modules[`../../app${pattern}/route.ts`];
      expect(load, pattern).toBeDefined();
      const response = await (await load()).GET(new NextRequest(`http://localhost:3000${path}`), { params: Promise.resolve(params) });
      expect(response.status, path).toBeLessThan(500);
      const body = await response.text();
      assertNoPii(path, body);
      sawText ||= body.includes('LUBANGQZ');
    }
    expect(sawText, 'the public reports are listed with their (masked) text').toBe(true);
  });

  it('every public GET endpoint of app/ is crawled', () => {
    const crawled = new Set(crawl().map(([pattern]) => pattern));
    // no report data: boundaries, a point's kelurahan, health, the API document, survey figures, photos (crawled by e2e/privacy.spec.ts), unsubscribe, the signed change route, the service worker's script
    const skipped = ['/bahasa', '/api/batas', '/api/batas/titik', '/api/health', '/api/openapi.json', '/api/skm.csv', '/api/foto/[id]', '/api/ikuti/berhenti', '/api/intern/segarkan', '/serwist/[path]'];
    const routes = appRoutes().filter((r) => r.kind === 'api' && r.methods.includes('GET') && !r.isStaff && !r.pattern.startsWith('/api/auth') && !r.pattern.startsWith('/api/kanal'));
    expect(routes.map((r) => r.pattern).filter((p) => !crawled.has(p) && !skipped.includes(p))).toEqual([]);
  });

  it('the projection behind every public page reveals none of it', async () => {
    for (const { number, isPublic } of filed) {
      const shown = JSON.stringify([
        await getPublicReport(database.db, number),
        await getPublicTimeline(database.db, number),
        await getTicketHistory(database.db, number),
        await getPublicRating(database.db, number),
      ]);
      assertNoPii(number, shown);
      if (isPublic) expect(shown, `${number}: its public text stays readable`).toContain('LUBANGQZ');
    }
  });

  it('what an official wrote to the public is masked too, and the reporter of a public report is quoted masked', async () => {
    const publicForm = filed.find((f) => f.via === 'form' && f.isPublic)!;
    const timeline = JSON.stringify(await getPublicTimeline(database.db, publicForm.number));
    expect(timeline).toContain('Kami cek');
    expect(timeline).toContain('Tambahan:');
    const privateForm = filed.find((f) => f.via === 'form' && !f.isPublic)!;
    const hidden = JSON.stringify(await getPublicTimeline(database.db, privateForm.number));
    expect(hidden).toContain('Kami cek');
    expect(hidden).not.toContain('Tambahan:');
    expect(hidden).not.toContain('Belum beres:');
    expect(hidden).not.toContain('Dibuka lagi:');
    expect(JSON.stringify(await getPublicRating(database.db, privateForm.number))).not.toContain('Kurang puas');
  });

  it('the server log holds none of it', () => {
    assertNoPii('the server log', logged.join('\n'));
  });
});
