import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { PRIVACY_MARKERS } from '../db/seed/privacy-fixture';
import { fixtureNumbers } from './fixture';
import { pickKelurahan } from './forms';
import { appRoutes } from './routes';

// A citizen files this one through the form during the test: it takes the whole path (form,
// server action, outbox, worker), and its contact must then be nowhere public and nowhere in the log.
// Reports filed here count against their own client address, not the shared one of the other
// browser tests (ten reports an hour per address).
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.21' } });

const FORM_MARKERS = { name: 'Pelapor Formulir Qzy', phone: '081311224466', email: 'pelapor.qzy@contoh.id' };

const markers = [
  PRIVACY_MARKERS.name,
  PRIVACY_MARKERS.phone,
  PRIVACY_MARKERS.email,
  PRIVACY_MARKERS.privateText,
  PRIVACY_MARKERS.confidentialText,
  PRIVACY_MARKERS.nik,
  PRIVACY_MARKERS.landline,
  PRIVACY_MARKERS.obfuscatedEmail,
  PRIVACY_MARKERS.bankAccount,
  FORM_MARKERS.name,
  FORM_MARKERS.phone,
  FORM_MARKERS.email,
];

function assertClean(where: string, body: string, confidentialNumber: string) {
  for (const marker of [...markers, confidentialNumber]) {
    expect(body.includes(marker), `${where} contains "${marker}"`).toBe(false);
  }
}

type Numbers = ReturnType<typeof fixtureNumbers> & { formReport: string; photoId: string };

/**
 * The URLs crawled for each public route of app/ (its pattern as in the file system). A route
 * added to app/ without an entry here fails the test below: the crawl covers every public route.
 * Each number-taking route is visited with the public, the private and the confidential ticket.
 */
function crawlPlan(n: Numbers): Record<string, string[]> {
  const tickets = [n.publicReport, n.privateReport, n.confidentialReport, n.formReport];
  const kel = 'kelurahan=31.71.01.1001';
  const bbox = 'bbox=106.82,-6.18,106.83,-6.17';
  const open311 = [
    'discovery',
    'services',
    'services/jalan',
    'services/pungli',
    'requests',
    `requests?${bbox}&page_size=1000`,
    'requests?service_code=pungli',
    'requests?status=open&page_size=1000',
    'servicerequestupdates',
    ...tickets.flatMap((t) => [`requests/${t}`, `tokens/${t}`]),
  ].flatMap((p) => {
    const [path, query] = p.split('?');
    return ['json', 'xml'].map((f) => `/open311/v2/${path}.${f}${query ? `?${query}` : ''}`);
  });
  return {
    '/': ['/'],
    '/[...rest]': ['/tidak-ada-halaman-ini'],
    '/dasbor': ['/dasbor', '/dasbor?kategori=pungli', `/dasbor?${kel}`],
    '/ikuti': ['/ikuti', '/ikuti?lat=-6.1754&lng=106.8272&radius=500', `/ikuti?laporan=${n.publicReport}`],
    '/ikuti/berhenti': ['/ikuti/berhenti', '/ikuti/berhenti?token=salah'],
    '/ikuti/kelola': ['/ikuti/kelola', '/ikuti/kelola?token=salah'],
    '/ikuti/konfirmasi': ['/ikuti/konfirmasi', '/ikuti/konfirmasi?token=salah'],
    '/dukung/konfirmasi': ['/dukung/konfirmasi', '/dukung/konfirmasi?kunci=salah'],
    '/kanal': ['/kanal'],
    '/lacak': ['/lacak', `/lacak?nomor=${n.privateReport}`],
    '/lacak/[nomor]': tickets.flatMap((t) => [`/lacak/${t}`, `/lacak/${t}?kunci=salah`]),
    '/api/lacak/[nomor]/foto/[id]': tickets.flatMap((t) => [`/api/lacak/${t}/foto/${n.photoId}`, `/api/lacak/${t}/foto/${n.photoId}?kunci=salahsalahsalahsalahsalah`]),
    '/api/lacak/[nomor]/push': tickets.map((t) => `/api/lacak/${t}/push`), // POST only, with the key in the body: a crawler gets 405
    '/lapor': ['/lapor'],
    '/luring': ['/luring'],
    '/laporan': ['/laporan', `/laporan?${kel}`, '/laporan?kategori=pungli', '/laporan?urut=terbaru&per_halaman=200'],
    '/laporan/[nomor]': tickets.map((t) => `/laporan/${t}`),
    '/laporan/[nomor]/riwayat': tickets.map((t) => `/laporan/${t}/riwayat`),
    '/masuk': ['/masuk'],
    '/skm': ['/skm'],
    '/skm/[unit]': ['/skm/kel-31.71.01.1001', '/skm/inspektorat'],
    '/wilayah/[kode]': ['/wilayah/31.71.01.1001', '/wilayah/31.71.01', '/wilayah/31.71'],
    '/api/auth/[...nextauth]': ['/api/auth/session', '/api/auth/providers', '/api/auth/csrf'],
    '/api/batas': ['/api/batas?level=kelurahan'],
    '/api/batas/titik': ['/api/batas/titik?lat=-6.1754&lng=106.8272', '/api/batas/titik?lat=-6&lng=106.85'],
    '/api/dasbor': ['/api/dasbor', '/api/dasbor?kategori=pungli', `/api/dasbor?${kel}`],
    '/api/dasbor/csv': ['kategori', 'kanal', 'kota', 'kecamatan', 'kelurahan', 'instansi', 'periode'].map((t) => `/api/dasbor/csv?tabel=${t}`),
    '/api/foto/[id]': [`/api/foto/${n.photoId}`, `/api/foto/${n.photoId}?ukuran=kecil`],
    '/api/health': ['/api/health'],
    '/api/wilayah': ['/api/wilayah'],
    '/serwist/[path]': ['/serwist/sw.js', '/serwist/sw.js.map'],
    '/api/ikuti/berhenti': ['/api/ikuti/berhenti', '/api/ikuti/berhenti?token=salah'],
    '/api/intern/segarkan': ['/api/intern/segarkan'], // POST only, signed: a crawler gets 405
    '/api/kanal/email': ['/api/kanal/email'],
    '/api/kanal/email-mime': ['/api/kanal/email-mime'],
    '/api/kanal/lapor': ['/api/kanal/lapor'],
    '/api/kanal/sms': ['/api/kanal/sms'],
    '/api/kanal/sosmed': ['/api/kanal/sosmed'],
    // the Cloud API's handshake: a wrong verify token gets a refusal, never a challenge or data
    '/api/kanal/whatsapp': ['/api/kanal/whatsapp', '/api/kanal/whatsapp?hub.mode=subscribe&hub.verify_token=salah&hub.challenge=1'],
    '/api/laporan': ['/api/laporan', `/api/laporan?${kel}&per_halaman=200`, '/api/laporan?kategori=pungli'],
    '/api/laporan.atom': ['/api/laporan.atom', '/api/laporan.atom?dekat=-6.1754,106.8272,2000', '/api/laporan.atom?kategori=pungli'],
    '/api/laporan.csv': ['/api/laporan.csv', `/api/laporan.csv?${kel}`, '/api/laporan.csv?kategori=pungli'],
    '/api/laporan.geojson': ['/api/laporan.geojson', `/api/laporan.geojson?${kel}`],
    '/api/laporan.rss': ['/api/laporan.rss', `/api/laporan.rss?${kel}`],
    '/api/laporan/[nomor]/riwayat.atom': tickets.map((t) => `/api/laporan/${t}/riwayat.atom`),
    '/api/laporan/[nomor]/riwayat.rss': tickets.map((t) => `/api/laporan/${t}/riwayat.rss`),
    '/api/laporan/kirim': ['/api/laporan/kirim'], // POST only, from this site's pages: a crawler gets 405
    '/api/laporan/sekitar': ['/api/laporan/sekitar?lat=-6.1754&lng=106.8272&kategori=jalan', '/api/laporan/sekitar?lat=-6.1754&lng=106.8272&kategori=pungli'],
    '/api/open311/v2/[...path]': open311,
    '/api/openapi.json': ['/api/openapi.json'],
    '/api/peta': [`/api/peta?${bbox}&zoom=20`, '/api/peta?bbox=106.6,-6.4,107,-6&zoom=10', `/api/peta?${bbox}&zoom=20&kategori=pungli`],
    '/api/skm.csv': ['/api/skm.csv'],
    '/bahasa': ['/bahasa?ke=en&kembali=/'],
  };
}

async function fileReportWithContact(page: import('@playwright/test').Page): Promise<{ number: string; photoId: string }> {
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b4f2f' } }).jpeg().toBuffer();
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
  await page.getByLabel('Uraian masalah').fill('Jalan amblas di depan kantor kelurahan, roda motor bisa terperosok.');
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles({ name: 'amblas.jpg', mimeType: 'image/jpeg', buffer: photo });
  await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
  await page.getByRole('radio', { name: /Publik/ }).check();
  await page.getByLabel('Nama').fill(FORM_MARKERS.name);
  await page.getByLabel('Nomor HP').fill(FORM_MARKERS.phone);
  await page.getByLabel('Email').fill(FORM_MARKERS.email);
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();
  // the photo is public once the photo worker has re-encoded it
  let photoId: string | undefined;
  await expect
    .poll(async () => (photoId = /\/api\/foto\/(\d+)/.exec(await (await page.request.get(`/laporan/${number}`)).text())?.[1]), {
      message: 'the public report shows its photo',
      timeout: 15_000,
    })
    .toBeTruthy();
  return { number, photoId: photoId! };
}

async function fetchText(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBeLessThan(500);
  return response.text();
}

test('the crawl plan covers every public route of app/, and only those', () => {
  const plan = crawlPlan({ publicReport: 'X', privateReport: 'X', confidentialReport: 'X', formReport: 'X', photoId: '1' });
  const publicRoutes = appRoutes().filter((r) => !r.isStaff).map((r) => r.pattern);
  expect(publicRoutes.length).toBeGreaterThan(40);
  expect(Object.keys(plan).sort()).toEqual(publicRoutes.sort());
});

test('no public page, JSON, export, feed or Open311 response, nor the server log, reveals reporter identity or confidential tickets', async ({ page, request }) => {
  test.setTimeout(240_000);
  const filed = await fileReportWithContact(page);
  const n: Numbers = { ...fixtureNumbers(), formReport: filed.number, photoId: filed.photoId };

  const plan = crawlPlan(n);
  const urls = Object.values(plan).flat();
  // a number that was never issued: a confidential ticket must answer exactly like it
  const unknown = `${n.confidentialReport.slice(0, -4)}8999`;
  for (const path of urls) {
    const body = await fetchText(request, path);
    if (!path.includes(n.confidentialReport)) {
      assertClean(path, body, n.confidentialReport);
      continue;
    }
    // the page echoes the number it was asked for; otherwise it must not differ from an unknown number's
    assertClean(path, body.replaceAll(n.confidentialReport, unknown), n.confidentialReport);
    const asUnknown = await request.get(path.replaceAll(n.confidentialReport, unknown), { maxRedirects: 0 });
    expect((await request.get(path, { maxRedirects: 0 })).status(), `${path} answers like an unknown number`).toBe(asUnknown.status());
  }
  // the pages once more through the browser, after its scripts ran (client-fetched data included)
  for (const path of Object.entries(plan).filter(([p]) => !p.startsWith('/api') && p !== '/bahasa').flatMap(([, u]) => u)) {
    await page.goto(path);
    assertClean(`${path} (browser)`, (await page.content()).replaceAll(n.confidentialReport, path.includes(n.confidentialReport) ? 'JK-diminta' : n.confidentialReport), n.confidentialReport);
  }

  // the public report is listed, with the phone and e-mail it typed masked
  expect(await fetchText(request, `/laporan/${n.publicReport}`)).toContain('[nomor disembunyikan]');
  // a confidential ticket does not exist for the public, in any form
  expect((await request.get(`/laporan/${n.confidentialReport}`)).status()).toBe(404);
  expect((await request.get(`/open311/v2/requests/${n.confidentialReport}.json`)).status()).toBe(404);
  // private reports appear, but without their text
  expect(await fetchText(request, `/laporan/${n.privateReport}`)).toContain(n.privateReport);
  // the form's report is public and listed, its contact nowhere
  expect(await fetchText(request, '/api/laporan.csv?kelurahan=31.71.01.1001')).toContain(n.formReport);

  // The server's own output over the whole run so far (requests, workers, the confirmation sent
  // to the form's reporter): no reporter contact. Wait for the outbox to deliver first.
  const log = resolve('.data/e2e-server.log');
  expect(existsSync(log), 'scripts/e2e-server.ts keeps the server log').toBe(true);
  await page.waitForTimeout(3000);
  const written = readFileSync(log, 'utf8');
  expect(written.length).toBeGreaterThan(0);
  for (const marker of markers) expect(written.includes(marker), `the server log contains "${marker}"`).toBe(false);
});
