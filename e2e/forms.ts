import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../lib/reference/demo-users';

/** Signs a demo staff account in, in a context of its own; returns the queue page. */
export async function signIn(browser: Browser, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto('/masuk');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/petugas$/);
  return page;
}

/** Chooses a place on /lapor without the map: kota, kecamatan and kelurahan by name. */
export async function pickKelurahan(page: Page, kota: string, kecamatan: string, kelurahan: string) {
  await page.getByText('Tanpa peta: pilih kota, kecamatan dan kelurahan').click();
  await page.getByRole('combobox', { name: 'Kota' }).selectOption({ label: kota });
  await page.getByRole('combobox', { name: 'Kecamatan' }).selectOption({ label: kecamatan });
  await page.getByRole('combobox', { name: 'Kelurahan' }).selectOption({ label: kelurahan });
}

/**
 * Sign-in failures are counted in fixed 15-minute windows: a test that expects its failures to
 * lock an account starts early enough in a window to finish inside it.
 */
export async function awayFromLockWindowEdge(needMs = 90_000): Promise<void> {
  const window = 15 * 60_000;
  const left = window - (Date.now() % window);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 1000));
}
