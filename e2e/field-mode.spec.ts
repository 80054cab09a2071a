import { expect, test } from '@playwright/test';
import { pickKelurahan, signIn } from './forms';

// Near Gambir's kelurahan office, on a phone.
const HERE = { latitude: -6.1702, longitude: 106.8226 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, geolocation: HERE, permissions: ['geolocation'] };

test("a lurah in the street sees the open tickets nearest first, the way there, and says they are on the way", async ({ browser, page }) => {
  // a citizen files a report without a pin: the crew still finds it, at its kelurahan
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('trotoar');
  await page.getByLabel('Uraian masalah').fill('Lampu penerangan jalan mati di depan sekolah, gelap sekali malam hari.');
  await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
  await page.getByRole('radio', { name: /Publik/ }).check();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();

  const lurah = await signIn(browser, 'lurah.gambir@aduan.test', PHONE);
  await lurah.getByRole('link', { name: 'Mode lapangan' }).click();
  // the site may know the position already: the list is sorted by distance without a press
  await expect(lurah).toHaveURL(/\/petugas\/lapangan\?lat=-6\.170\d*&lng=106\.822\d*/);
  await expect(lurah.getByTestId('field-order')).toHaveText('Diurutkan dari yang terdekat dengan lokasi Anda.');
  const tickets = lurah.getByTestId('field-ticket');
  await expect(tickets.first()).toBeVisible();
  const distances = (await lurah.getByTestId('field-distance').allTextContents()).map((text) => {
    const [, value, unit] = /([\d.,]+) (m|km)/.exec(text)!;
    return Number(value.replace('.', '').replace(',', '.')) * (unit === 'km' ? 1000 : 1);
  });
  expect(distances.length).toBeGreaterThan(0);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  // nothing on the page is wider than the phone
  expect(await lurah.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const mine = tickets.filter({ hasText: number });
  await expect(mine.getByTestId('field-approximate')).toBeVisible();
  await expect(mine.getByTestId('field-directions')).toHaveAttribute('href', /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=-6\.\d+,106\.\d+$/);
  await mine.getByTestId('field-on-my-way').click();
  await expect(lurah).toHaveURL(new RegExp(`/petugas/laporan/${number}`));
  await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');

  // the citizen sees it on the ticket's public page
  await page.goto(`/laporan/${number}`);
  await expect(page.getByTestId('timeline')).toContainText('Petugas sedang menuju lokasi.');
});

test('without a position the field list is sorted by deadline, and a refused permission is explained', async ({ browser }) => {
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test', { viewport: { width: 390, height: 844 }, isMobile: true });
  await lurah.goto('/petugas/lapangan');
  await expect(lurah.getByTestId('field-order')).toHaveText('Diurutkan menurut tenggat: yang terlambat lebih dulu.');
  await expect(lurah.getByTestId('field-distance')).toHaveCount(0);
  // no permission was given to this context: asking is refused
  await lurah.getByTestId('field-locate').click();
  await expect(lurah.getByTestId('field-position-problem')).toBeVisible();
});

test('a validator sees the field list but no "on my way" (it is not theirs to answer)', async ({ browser }) => {
  const validator = await signIn(browser, 'validator@aduan.test', PHONE);
  await validator.goto('/petugas/lapangan?lat=-6.1702&lng=106.8226');
  await expect(validator.getByTestId('field-ticket').first()).toBeVisible();
  await expect(validator.getByTestId('field-on-my-way')).toHaveCount(0);
});
