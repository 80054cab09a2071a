import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fixtureNumbers } from './fixture';

type Feature = { kind: 'cluster'; count: number } | { kind: 'report'; categoryCode: string; number: string };

async function mapData(page: Page, trigger: () => Promise<unknown>) {
  const response = page.waitForResponse((r) => r.url().includes('/api/peta'));
  await trigger();
  const body = (await (await response).json()) as { features: Feature[] };
  const total = body.features.reduce((sum, f) => sum + (f.kind === 'cluster' ? f.count : 1), 0);
  return { features: body.features, total };
}

test('filtering the map by category changes the markers, and the filter is in the URL', async ({ page }) => {
  const all = await mapData(page, () => page.goto('/'));
  expect(all.total).toBeGreaterThan(100);

  await page.getByText('Saring laporan').click();
  await page.getByTestId('filter-category').selectOption('pohon');
  const trees = await mapData(page, () => page.getByRole('button', { name: 'Terapkan' }).click());
  await expect(page).toHaveURL(/kategori=pohon/);
  expect(trees.total).toBeGreaterThan(0);
  expect(trees.total).toBeLessThan(all.total / 3);
  for (const f of trees.features) if (f.kind === 'report') expect(f.categoryCode).toBe('pohon');

  // the same URL, shared, shows the same selection
  const shared = await mapData(page, () => page.goto(page.url()));
  expect(shared.total).toBe(trees.total);
});

test('a report opens from the map', async ({ page }) => {
  await page.goto('/');
  const map = page.getByTestId('report-map');
  await expect(map.locator('.cluster-marker').first()).toBeVisible();
  for (let i = 0; i < 8 && (await map.locator('path.report-marker').count()) === 0; i++) {
    await mapData(page, () => map.locator('.cluster-marker').first().click({ force: true }));
    await page.waitForTimeout(400);
  }
  // the marker nearest the middle of the map, so its popup opens without panning the map away
  const box = (await map.boundingBox())!;
  const markers = await map.locator('path.report-marker').all();
  const distances = await Promise.all(
    markers.map(async (m) => {
      const b = (await m.boundingBox())!;
      return Math.hypot(b.x + b.width / 2 - (box.x + box.width / 2), b.y + b.height / 2 - (box.y + box.height / 2));
    }),
  );
  await markers[distances.indexOf(Math.min(...distances))].click();
  const popup = map.locator('.leaflet-popup');
  await expect(popup).toBeVisible();
  const number = (await popup.locator('p').first().textContent())!.trim();
  await popup.getByRole('link', { name: 'Lihat laporan →' }).click();
  await expect(page).toHaveURL(new RegExp(`/laporan/${number}$`));
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
});

test('a ticket number typed loosely lands on its page, with timeline, chain and SLA clock', async ({ page }) => {
  const { publicReport } = fixtureNumbers();
  await page.goto('/lacak');
  const loose = `${publicReport.slice(0, 6).toLowerCase()} ${publicReport.slice(6)}`;
  await page.getByLabel('Nomor tiket').fill(loose);
  await page.getByRole('button', { name: 'Lacak' }).click();
  await expect(page).toHaveURL(new RegExp(`/laporan/${publicReport}$`));
  await expect(page.getByText('Menunggu', { exact: true })).toBeVisible();
  await expect(page.getByTestId('sla-clock')).toContainText('masih dalam batas waktu');
  await expect(page.getByTestId('handling-chain')).toContainText('Kelurahan Gambir');
  await expect(page.getByTestId('description')).toContainText('[nomor disembunyikan]');
  await expect(page.getByRole('link', { name: /Kel\. Gambir/ })).toBeVisible();
});

test('the language switches to English and back on any page', async ({ page }) => {
  await page.goto('/laporan?kategori=jalan');
  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(/\/laporan\?kategori=jalan$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Report list' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: "Map of residents' reports in Jakarta" })).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Peta laporan warga Jakarta' })).toBeVisible();
});

test('the list filters, pages, sorts and downloads exactly its rows as CSV and GeoJSON', async ({ page }) => {
  await page.goto('/laporan');
  await page.getByTestId('filter-category').selectOption('pohon');
  await page.getByRole('combobox', { name: 'Kota', exact: true }).selectOption({ label: 'Jakarta Pusat' });
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(/kategori=pohon/);
  await expect(page).toHaveURL(/kota=31\.71/);
  const countText = await page.getByTestId('result-count').textContent();
  const total = Number(countText!.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(0);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
  expect(csv[0]).toContain('nomor,status,kategori');
  const rows = csv.slice(1);
  expect(rows).toHaveLength(total);
  for (const row of rows) expect(row).toMatch(/^JK\d{10},\w+,Pohon,/);
  for (const row of rows) expect(row).toContain('Jakarta Pusat');

  const geo = page.waitForEvent('download');
  await page.getByRole('link', { name: 'GeoJSON' }).click();
  const collection = JSON.parse(readFileSync(await (await geo).path(), 'utf8'));
  expect(collection.features).toHaveLength(total);

  // newest first by default; "terlama" reverses it
  const numbers = async () => page.getByTestId('report-number').allTextContents();
  const newest = await numbers();
  await page.getByRole('combobox', { name: 'Urutkan' }).selectOption('terlama');
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(/urut=terlama/);
  expect((await numbers())[0]).not.toBe(newest[0]);
});

test('a region page shows its figures and reports, and links to its kelurahan', async ({ page }) => {
  await page.goto('/wilayah/31.71.01');
  await expect(page.getByRole('heading', { level: 1, name: 'Kecamatan Gambir' })).toBeVisible();
  await expect(page.getByTestId('region-figures')).toContainText('Laporan');
  await page.getByRole('link', { name: 'Gambir', exact: true }).last().click();
  await expect(page).toHaveURL(/\/wilayah\/31\.71\.01\.1001$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kelurahan Gambir' })).toBeVisible();
});

test('Open311 GeoReport v2 answers at its customary address in JSON and XML, with the spec errors', async ({ request }) => {
  const discovery = await (await request.get('/open311/v2/discovery.json')).json();
  expect(discovery.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['text/xml', 'application/json'] });
  const services = await (await request.get('/open311/v2/services.json')).json();
  expect(services.map((s: { service_code: string }) => s.service_code)).toContain('jalan');
  const xml = await request.get('/open311/v2/services.xml');
  expect(xml.headers()['content-type']).toContain('text/xml');
  expect(await xml.text()).toContain('<service_code>jalan</service_code>');
  const requests = await (await request.get('/open311/v2/requests.json?service_code=jalan&page_size=5')).json();
  expect(requests.length).toBeGreaterThan(0);
  const one = await request.get(`/open311/v2/requests/${requests[0].service_request_id}.json`);
  expect((await one.json())[0].service_request_id).toBe(requests[0].service_request_id);
  const bad = await request.get('/open311/v2/requests.json?start_date=kemarin');
  expect(bad.status()).toBe(400);
  expect((await bad.json())[0]).toMatchObject({ code: '400' });
  expect((await request.get('/open311/v2/requests/JK0000000000.xml')).status()).toBe(404);
  expect((await request.get('/open311/v2/services/pungli.json')).status()).toBe(404);
});
