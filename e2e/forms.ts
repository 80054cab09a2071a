import type { Page } from '@playwright/test';

/** Chooses a place on /lapor without the map: kota, kecamatan and kelurahan by name. */
export async function pickKelurahan(page: Page, kota: string, kecamatan: string, kelurahan: string) {
  await page.getByText('Tanpa peta: pilih kota, kecamatan dan kelurahan').click();
  await page.getByRole('combobox', { name: 'Kota' }).selectOption({ label: kota });
  await page.getByRole('combobox', { name: 'Kecamatan' }).selectOption({ label: kecamatan });
  await page.getByRole('combobox', { name: 'Kelurahan' }).selectOption({ label: kelurahan });
}
