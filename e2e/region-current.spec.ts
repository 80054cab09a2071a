import { expect, test } from '@playwright/test';
import { pickKelurahan, signIn } from './forms';

// Region pages are cached; a ticket's change must reach them at once, so that the region page and
// the ticket page never disagree about its status.
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.41' } });

test('a region page shows a ticket’s new status as soon as an official changes it', async ({ browser, page }) => {
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('trotoar');
  await page.getByLabel('Uraian masalah').fill('Trotoar retak panjang di depan halte, pejalan kaki tersandung.');
  await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
  await page.getByRole('radio', { name: /Publik/ }).check();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();

  const row = () => page.getByTestId('report-list').getByRole('listitem').filter({ hasText: number });
  await page.goto('/wilayah/31.71.01.1001');
  await expect(row()).toContainText('Menunggu');
  // a second visit is served from the cache
  await page.reload();
  await expect(row()).toContainText('Menunggu');

  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto(`/petugas/laporan/${number}`);
  await lurah.getByTestId('action-terima').getByRole('button').click();
  await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');

  await page.goto('/wilayah/31.71.01.1001');
  await expect(row()).toContainText('Proses');
  await page.goto(`/laporan/${number}`);
  await expect(page.getByText('Proses', { exact: true }).first()).toBeVisible();
});
