import { expect, test } from '@playwright/test';
import { PRIVACY_MARKERS } from '../db/seed/privacy-fixture';
import { fixtureNumbers } from './fixture';

const markers = [
  PRIVACY_MARKERS.name,
  PRIVACY_MARKERS.phone,
  PRIVACY_MARKERS.email,
  PRIVACY_MARKERS.privateText,
  PRIVACY_MARKERS.confidentialText,
];

function assertClean(where: string, body: string, confidentialNumber: string) {
  for (const marker of [...markers, confidentialNumber]) {
    expect(body.includes(marker), `${where} contains "${marker}"`).toBe(false);
  }
}

test('no public page, JSON response or export reveals reporter identity or confidential tickets', async ({ page, request }) => {
  const n = fixtureNumbers();
  const pages = [
    '/',
    '/laporan',
    '/laporan?kelurahan=31.71.01.1001',
    '/laporan?kategori=pungli',
    `/laporan/${n.publicReport}`,
    `/laporan/${n.privateReport}`,
    '/wilayah/31.71.01.1001',
    '/wilayah/31.71.01',
    '/wilayah/31.71',
    '/dasbor',
    '/kanal',
    '/skm',
    `/laporan/${n.publicReport}/riwayat`,
    `/laporan/${n.privateReport}/riwayat`,
  ];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    assertClean(path, await page.content(), n.confidentialReport);
  }
  const apis = [
    '/api/laporan?kelurahan=31.71.01.1001&per_halaman=200',
    '/api/laporan.csv?kelurahan=31.71.01.1001',
    '/api/laporan.geojson?kelurahan=31.71.01.1001',
    '/api/laporan.csv',
    '/api/laporan.atom',
    '/api/laporan.atom?dekat=-6.1754,106.8272,2000',
    `/api/laporan/${n.publicReport}/riwayat.atom`,
    `/api/laporan/${n.privateReport}/riwayat.rss`,
    '/api/laporan.rss?kelurahan=31.71.01.1001',
    '/api/dasbor',
    '/open311/v2/requests.json',
    '/open311/v2/requests.xml?page_size=200',
    `/open311/v2/requests/${n.publicReport}.json`,
    '/api/dasbor/csv?tabel=kelurahan',
    '/api/peta?bbox=106.82,-6.18,106.83,-6.17&zoom=20',
    '/api/peta?bbox=106.6,-6.4,107,-6&zoom=10',
  ];
  for (const path of apis) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    assertClean(path, await response.text(), n.confidentialReport);
  }

  // the public report is listed, with the phone and e-mail it typed masked
  const publicPage = await request.get(`/laporan/${n.publicReport}`);
  expect(await publicPage.text()).toContain('[nomor disembunyikan]');
  // a confidential ticket does not exist for the public
  expect((await request.get(`/laporan/${n.confidentialReport}`)).status()).toBe(404);
  // private reports appear, but without their text
  const privateHtml = await (await request.get(`/laporan/${n.privateReport}`)).text();
  expect(privateHtml).toContain(n.privateReport);
});
