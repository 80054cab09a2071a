import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type Locator, type Page } from '@playwright/test';

/** A table's cells as their plain values (data-value), header row first (column keys). */
async function tableValues(table: Locator): Promise<string[][]> {
  // tables are drawn from the figures loaded after the page
  await table.waitFor({ state: 'attached' });
  const header = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-key') ?? ''));
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.getAttribute('data-value') ?? '')));
  return [header, ...rows];
}

const cardNumber = async (page: Page, id: string) =>
  Number((await page.getByTestId(`card-${id}`).getByTestId('card-value').textContent())!.replace(/\./g, '').replace(',', '.').replace('%', ''));

test('the dashboard draws its charts, each with a summary sentence, a table and a CSV link', async ({ page }) => {
  await page.goto('/dasbor');
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor kinerja' })).toBeVisible();
  const charts = page.getByTestId('stat-chart');
  await expect(charts).toHaveCount(4);
  for (const chart of await charts.all()) {
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    expect((await chart.getAttribute('aria-label'))!.length).toBeGreaterThan(20);
  }
  expect(await cardNumber(page, 'reports')).toBeGreaterThan(1000);
  await expect(page.getByTestId('league-minimum')).toContainText('sedikitnya 10 laporan');
  // every ranked kecamatan owned at least the minimum number of tickets
  const kecamatan = await tableValues(page.getByTestId('table-kecamatan'));
  expect(kecamatan.length).toBeGreaterThan(1);
  for (const row of kecamatan.slice(1)) expect(Number(row[2])).toBeGreaterThanOrEqual(10);
});

test('a region filter goes into the URL and changes the numbers', async ({ page }) => {
  await page.goto('/dasbor');
  const cityWide = await cardNumber(page, 'reports');
  await page.getByRole('combobox', { name: 'Kota' }).selectOption({ label: 'Jakarta Pusat' });
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(/kota=31\.71/);
  const pusat = await cardNumber(page, 'reports');
  expect(pusat).toBeGreaterThan(0);
  expect(pusat).toBeLessThan(cityWide / 2);
  const kota = await tableValues(page.getByTestId('table-kota'));
  expect(kota.slice(1).map((r) => r[0])).toEqual(['Jakarta Pusat']);
  expect(Number(kota[1][1])).toBe(pusat);
  // the monthly series adds up to the headline
  const months = await tableValues(page.getByTestId('table-periode'));
  expect(months.slice(1).reduce((sum, r) => sum + Number(r[1]), 0)).toBe(pusat);

  // a short period is charted per day
  await page.goto('/dasbor?kota=31.71&dari=2026-10-01&sampai=2026-10-31');
  const days = await tableValues(page.getByTestId('table-periode'));
  expect(days[0][0]).toBe('tanggal');
  expect(days).toHaveLength(32);
});

test('the CSV download holds exactly the numbers of the table', async ({ page }) => {
  await page.goto('/dasbor?semua=1');
  for (const id of ['kategori', 'kota', 'kelurahan', 'instansi']) {
    const download = page.waitForEvent('download');
    await page.getByTestId(`csv-${id}`).click();
    const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '');
    const rows = parse(csv) as string[][];
    expect(rows).toEqual(await tableValues(page.getByTestId(`table-${id}`)));
    expect(rows.length).toBeGreaterThan(1);
  }
});

test('the channel directory lists every channel with how to use it, its hours and this month\'s figures', async ({ page }) => {
  await page.goto('/kanal');
  await expect(page.getByRole('heading', { level: 1, name: 'Kanal pengaduan' })).toBeVisible();
  await expect(page.getByTestId('channels').getByRole('listitem')).toHaveCount(16);
  await expect(page.getByTestId('channel-pendopo')).toContainText('Senin–Jumat 07.30–09.30 WIB');
  await expect(page.getByTestId('channel-kantor-camat')).toContainText('Sabtu 08.00–11.00 WIB');
  const jaki = await page.getByTestId('channel-jaki').getByTestId('channel-figures').textContent();
  expect(Number(/([\d.]+) laporan bulan ini/.exec(jaki!)![1].replace(/\./g, ''))).toBeGreaterThan(0);
});
