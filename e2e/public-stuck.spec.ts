import { expect, test, type Page } from '@playwright/test';
import { pickKelurahan } from './forms';

/*
 * Where real people got stuck on the public side: a report placed with the kelurahan picker was
 * missing from the map, headline counts ignored the filters, the list ran past its last page, the
 * survey results could not be searched, and the English pages still spoke Indonesian.
 */

type Feature =
  | { kind: 'cluster'; count: number }
  | { kind: 'report'; number: string; categoryCode: string; approximate?: boolean; kelurahanCode?: string };

const MENTENG_DALAM = '31.74.01.1003';
/** RPTRA has no demo reports: the filter below matches only the report this test files. */
const FILTER = `kelurahan=${MENTENG_DALAM}&kategori=rptra`;

async function mapAnswer(page: Page, query: string): Promise<{ total: number; features: Feature[] }> {
  const response = await page.request.get(`/api/peta?bbox=106.6,-6.4,107.0,-6.0&zoom=11&${query}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

test('a report placed with the kelurahan picker is on the filtered map, approximate, and every count follows the filters', async ({ page }) => {
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('rptra');
  await page.getByLabel('Uraian masalah').fill('Ayunan di RPTRA patah dan berbahaya bagi anak-anak yang bermain di sana.');
  await pickKelurahan(page, 'Jakarta Selatan', 'Tebet', 'Menteng Dalam');
  await page.getByLabel('Alamat / patokan').fill('RPTRA dekat masjid');
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();

  // the map's feed: the report stands at the kelurahan's centre, marked approximate
  await expect.poll(async () => (await mapAnswer(page, FILTER)).total, { timeout: 30_000 }).toBe(1);
  const { features } = await mapAnswer(page, FILTER);
  expect(features).toEqual([expect.objectContaining({ kind: 'report', number, approximate: true, kelurahanCode: MENTENG_DALAM })]);

  // the home page's headline counts what the filtered map shows, not the whole city
  await page.goto('/');
  const all = Number(await page.getByTestId('map-summary').getAttribute('data-total'));
  expect(all).toBeGreaterThan(1000);
  await page.goto(`/?${FILTER}`);
  await expect(page.getByTestId('map-summary')).toHaveAttribute('data-total', '1');
  await expect(page.getByTestId('map-summary')).toContainText('Di peta, sesuai saringan: 1 laporan, 1 masih ditangani, 0 selesai.');
  await expect(page.getByTestId('report-list').getByTestId('report-number')).toHaveText([number]);

  // on the map it is drawn hollow, and its popup says the place is approximate
  const marker = page.getByTestId('report-map').locator('path.report-marker-approximate');
  await expect(marker).toHaveCount(1);
  await marker.click();
  const popup = page.getByTestId('report-map').locator('.leaflet-popup');
  await expect(popup).toContainText(number);
  await expect(popup.getByTestId('approximate-location')).toHaveText('Lokasi perkiraan (kelurahan)');
  await expect(popup.getByRole('link', { name: 'Semua laporan di kelurahan ini →' })).toHaveAttribute('href', `/laporan?kelurahan=${MENTENG_DALAM}`);

  // the list agrees, and the report's own page shows it on a small map, approximate
  await page.goto(`/laporan?${FILTER}`);
  await expect(page.getByTestId('result-count')).toHaveText('1 laporan cocok dengan saringan');
  await page.goto(`/laporan/${number}`);
  await expect(page.getByTestId('approximate-location')).toHaveText('Lokasi perkiraan (kelurahan)');
  await expect(page.getByRole('region', { name: 'Peta lokasi' }).locator('path.report-marker-approximate')).toHaveCount(1);
});

test('a page past the end of the list lands on the last page, which says it is the last', async ({ page }) => {
  const { total } = await (await page.request.get('/api/laporan?kota=31.74&per_halaman=1')).json();
  expect(total).toBeGreaterThan(50);
  const last = Math.ceil(total / 25);

  await page.goto('/laporan?kota=31.74&halaman=9999');
  await expect(page).toHaveURL(new RegExp(`kota=31\\.74&halaman=${last}$`));
  const pagination = page.getByTestId('pagination');
  await expect(pagination.getByTestId('page-of')).toHaveText(`Halaman ${last} dari ${last}`);
  await expect(pagination.getByRole('link', { name: 'Berikutnya →' })).toHaveCount(0);
  const id = (n: number) => n.toLocaleString('id-ID');
  await expect(page.getByTestId('result-range')).toContainText(`menampilkan ${id((last - 1) * 25 + 1)}–${id(total)}`);
  await expect(page.getByTestId('report-number')).toHaveCount(total - (last - 1) * 25);

  await pagination.getByRole('link', { name: '« Pertama' }).click();
  await expect(page.getByTestId('pagination').getByTestId('page-of')).toHaveText(`Halaman 1 dari ${last}`);
  await expect(page.getByTestId('pagination').getByRole('link', { name: 'Terakhir »' })).toHaveAttribute('href', `/laporan?kota=31.74&halaman=${last}`);
});

test('the survey results can be searched by unit name, and the search is in the URL', async ({ page }) => {
  await page.goto('/skm');
  const search = page.getByTestId('skm-search');
  await search.getByRole('searchbox', { name: 'Cari unit layanan' }).fill('gambir');
  await search.getByRole('button', { name: 'Cari' }).click();
  await expect(page).toHaveURL(/[?&]cari=gambir/);
  const units = page.getByTestId('skm-results').locator('tbody tr td:first-child');
  await expect(units.first()).toBeVisible();
  for (const name of await units.allTextContents()) expect(name.toLowerCase()).toContain('gambir');
  await expect(page.getByTestId('skm-search-count')).toContainText(`${await units.count()} unit cocok`);

  // shared, the same URL searches the same way; a name that is no unit's finds nothing
  await page.goto(page.url().replace('cari=gambir', 'cari=bukan-unit-mana-pun'));
  await expect(page.getByTestId('skm-results').locator('tbody tr')).toHaveCount(0);
  await expect(page.getByTestId('skm-search-count')).toContainText('0 unit cocok');
});

test('the map legend explains every colour on the map, rejected reports and approximate places included', async ({ page }) => {
  await page.goto('/');
  const legend = page.getByTestId('status-legend');
  await expect(legend).toContainText('Ditolak');
  await expect(legend).toContainText('Lokasi perkiraan (kelurahan)');
});

test('the English pages are English: map badges, survey periods and their form', async ({ page }) => {
  await page.goto('/bahasa?ke=en&kembali=/');
  const map = page.getByTestId('report-map');
  await expect(map.locator('.cluster-marker').first()).toBeVisible();
  // zoomed out until whole kota merge into clusters of thousands
  for (let i = 0; i < 4; i++) {
    await map.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForTimeout(400);
  }
  await expect(map.locator('.cluster-marker', { hasText: /^\d+(\.\d)?k$/ }).first()).toBeVisible();
  const badges = await map.locator('.cluster-marker').allTextContents();
  expect(badges.filter((b) => /rb|,/.test(b))).toEqual([]);
  expect(await page.locator('main').textContent()).not.toMatch(/\d(rb|jt)\b/);

  await page.goto('/skm');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.locator('main').textContent()).not.toContain('Triwulan');
  await expect(page.locator('main')).toContainText(/Q[1-4] \d{4}/);

  await page.goto('/skm/kel-31.71.01.1001');
  expect(await page.locator('main').textContent()).not.toContain('Triwulan');
  await expect(page.getByRole('combobox', { name: 'Sex' }).locator('option')).toHaveText(['—', 'Male', 'Female']);
});
