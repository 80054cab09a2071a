import { expect, test } from '@playwright/test';
import { signIn } from './forms';

// The heavy pages stay light: option lists, charts and tables are loaded after the page, and rows
// are carried once. Before: list 141 KB, dashboard 280-527 KB, staff queue 136-266 KB (2 M reports).
// The list page is within the goal of 60 KB; the other budgets are what the pages weigh now plus
// a margin (docs/PERFORMANCE.md).
const KB = 1024;

test('the list page is light and its region picker still offers every kelurahan', async ({ page, request }) => {
  const html = await (await request.get('/laporan?kategori=jalan')).text();
  expect(html.length).toBeLessThan(60 * KB);
  // the category and channel lists travel once as data, not a second time as a tree of <option>s
  expect(html).not.toContain('\\"option\\",\\"jalan\\"');
  expect(html.match(/<option value="jalan"/g)).toHaveLength(1);
  // every kota and kecamatan, no kelurahan until a kecamatan is chosen (was 317 options)
  expect(html.match(/<option value="31\./g)?.length).toBeLessThan(60);

  await page.goto('/laporan?kategori=jalan');
  await expect(page.getByTestId('report-number')).toHaveCount(25);
  // the full list arrives after the page: any kelurahan can be chosen once a kota is
  await page.getByRole('combobox', { name: 'Kota' }).selectOption({ label: 'Jakarta Pusat' });
  await page.getByRole('combobox', { name: 'Kelurahan' }).selectOption({ label: 'Gambir' });
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(/kelurahan=31\.71\.01\.1001/);
  await expect(page.getByRole('combobox', { name: 'Kelurahan' })).toHaveValue('31.71.01.1001');
});

test('without JavaScript a kelurahan is chosen after its kecamatan', async ({ browser, request }) => {
  // said in a <noscript> (which a browser with JavaScript switched off by Playwright does not show)
  expect(await (await request.get('/laporan')).text()).toContain('Tanpa JavaScript: pilih kecamatan');
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto('/laporan');
  await page.getByRole('combobox', { name: 'Kecamatan' }).selectOption({ label: 'Gambir' });
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await page.getByRole('combobox', { name: 'Kelurahan' }).selectOption({ label: 'Gambir' });
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(/kelurahan=31\.71\.01\.1001/);
  await expect(page.getByTestId('report-list')).toBeVisible();
});

test('the dashboard is light; its charts and tables arrive after it, and without JavaScript on request', async ({ page, request, browser }) => {
  for (const query of ['', 'dari=2017-01-01&sampai=2026-12-31', 'kota=31.71&semua=1']) {
    const html = await (await request.get(`/dasbor?${query}`)).text();
    expect(html.length, query).toBeLessThan(66 * KB);
  }
  await page.goto('/dasbor');
  await expect(page.getByTestId('stat-chart').first().locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('table-kelurahan').locator('tbody tr').first()).toBeAttached();
  await page.getByTestId('section-kategori').getByText('Tabel angka').click();
  await expect(page.getByTestId('table-kategori')).toBeVisible();

  const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noScript.goto('/dasbor');
  await noScript.getByTestId('section-kecamatan').getByRole('link', { name: 'Tampilkan tabel ini' }).click();
  await expect(noScript).toHaveURL(/tabel=kecamatan/);
  await expect(noScript.getByTestId('table-kecamatan').locator('tbody tr').first()).toBeVisible();
});

test('the staff queue is light and shows its 50 rows with their marks', async ({ browser }) => {
  const page = await signIn(browser, 'walikota.pusat@aduan.test');
  const html = await (await page.request.get('/petugas')).text();
  expect(html.length).toBeLessThan(120 * KB);
  await expect(page.getByTestId('queue-row')).toHaveCount(50);
  await expect(page.getByTestId('queue-row').first().getByRole('link')).toHaveAttribute('href', /\/petugas\/laporan\/JK/);
  // phone width: rows become cards, each cell headed by its column
  await page.setViewportSize({ width: 375, height: 800 });
  const label = await page
    .getByTestId('queue-row')
    .first()
    .locator('td')
    .nth(1)
    .evaluate((td) => getComputedStyle(td, '::before').content);
  expect(label).toBe('"Status"');
});
