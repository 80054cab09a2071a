import { expect, test } from '@playwright/test';

test('the home page shows the map with clustered reports and a list that opens a report', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Peta laporan warga Jakarta' })).toBeVisible();
  const map = page.getByTestId('report-map');
  await expect(map.locator('.leaflet-container')).toBeVisible();
  // kota outlines are drawn from our own boundary data, without tiles
  await expect(map.locator('.leaflet-batas-pane path').first()).toBeVisible();
  await expect(map.locator('.cluster-marker').first()).toBeVisible();

  // clicking a cluster zooms in until single reports appear
  for (let i = 0; i < 8 && (await map.locator('path.report-marker').count()) === 0; i++) {
    const loaded = page.waitForResponse((r) => r.url().includes('/api/peta'));
    await map.locator('.cluster-marker').first().click({ force: true });
    await loaded;
    await page.waitForTimeout(400);
  }
  await expect(map.locator('path.report-marker').first()).toBeVisible();

  const first = page.getByTestId('report-list').getByRole('link').first();
  const number = (await first.getByTestId('report-number').textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/laporan/${number}$`));
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  await expect(page.getByTestId('timeline').getByText('Laporan diterima sistem')).toBeVisible();
});

test('tracking an unknown or malformed number gives a clear message', async ({ page }) => {
  await page.goto('/lacak');
  await page.getByLabel(/Nomor tiket/).fill('bukan nomor');
  await page.getByRole('button', { name: 'Lacak' }).click();
  await expect(page.getByText('bukan nomor tiket yang valid')).toBeVisible();
  await page.getByLabel(/Nomor tiket/).fill('jk 0101 019999');
  await page.getByRole('button', { name: 'Lacak' }).click();
  await expect(page.getByRole('heading', { name: 'Laporan tidak ditemukan' })).toBeVisible();
});
