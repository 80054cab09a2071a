import { expect, test, type Locator } from '@playwright/test';
import sharp from 'sharp';
import { pickKelurahan, signIn } from './forms';

// The reporter follows their report on a phone. Reports filed here count against their own
// client address, not the shared one of the other browser tests (ten reports an hour per address).
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.41' } });

const jpeg = (background: string) => sharp({ create: { width: 800, height: 600, channels: 3, background } }).jpeg().toBuffer();

/** The image has loaded (its file was served), not just an <img> in the page. */
async function expectLoaded(image: Locator) {
  // photos load lazily: bring it on screen first
  await image.scrollIntoViewIfNeeded();
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
}

test("the reporter of a private report reads their own text and the official's response, and disputes the follow-up with a photo", async ({ browser, page }) => {
  const text = 'Saluran air di Gang Mawar tersumbat, air meluap ke rumah warga setiap hujan.';
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('banjir');
  await page.getByLabel('Uraian masalah').fill(text);
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles({ name: 'saluran.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#40617a') });
  await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
  await page.getByLabel('Alamat / patokan').fill('Gang Mawar RT 05, dekat musala');
  await page.getByLabel('Email').fill('pelapor.mawar@contoh.id');
  // private is the default
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();
  const link = (await page.getByTestId('tracking-link').getAttribute('href'))!;

  // the public page keeps a private report's text to itself
  await page.goto(`/laporan/${number}`);
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  await expect(page.getByText(text)).toHaveCount(0);

  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto(`/petugas/laporan/${number}`);
  // each action reloads the page: wait for what it changed, not for a message the last one left
  await lurah.getByTestId('action-terima').getByRole('button').click();
  await expect(lurah.getByTestId('action-terima')).toHaveCount(0);
  const response = lurah.getByTestId('action-tanggapan');
  await response.getByRole('textbox').fill('Petugas PPSU akan membersihkan saluran Gang Mawar besok pagi.');
  await response.getByRole('button').click();
  await expect(lurah.getByText('Petugas PPSU akan membersihkan saluran Gang Mawar besok pagi.').first()).toBeVisible();

  await page.goto(link);
  await expect(page.getByTestId('tracked-description')).toHaveText(text);
  await expect(page.getByText('Gang Mawar RT 05, dekat musala')).toBeVisible();
  await expect(page.getByTestId('tracked-unit')).toHaveText('Kelurahan Gambir');
  await expectLoaded(page.getByRole('img', { name: 'Foto dari laporan Anda' }));
  const answer = page.getByTestId('tracked-timeline').getByRole('listitem').filter({ hasText: 'Tanggapan' });
  await expect(answer).toContainText('Petugas PPSU akan membersihkan saluran Gang Mawar besok pagi.');
  await expect(answer).toContainText('Kelurahan Gambir');

  const followUp = lurah.getByTestId('action-tindak_lanjut');
  await followUp.getByLabel('Foto sesudah', { exact: true }).setInputFiles({ name: 'sesudah.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#6f7f6f') });
  await followUp.getByRole('textbox').fill('Saluran sudah dibersihkan.');
  await followUp.getByRole('button', { name: 'Laporkan tindak lanjut' }).click();
  await expect(lurah.getByTestId('action-tindak_lanjut')).toHaveCount(0);
  await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');

  // during validation the reporter who looks may still say it is not done, with a photo
  await page.goto(link);
  const question = page.getByTestId('validation-question');
  await expect(question).toBeVisible();
  await question.getByLabel('Apa yang belum beres?').fill('Sampahnya hanya dipindah ke pinggir, saluran masih tersumbat.');
  await question.getByLabel('Foto kondisi sekarang (opsional)').setInputFiles({ name: 'masih.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#7a5a30') });
  await question.getByRole('button', { name: 'Belum selesai' }).click();
  await expect(page.getByTestId('tracking-message')).toHaveText('Sanggahan Anda diteruskan ke validator.');
  const dispute = page.getByTestId('tracked-timeline').getByRole('listitem').filter({ hasText: 'Disanggah pelapor' });
  await expect(dispute).toContainText('Sampahnya hanya dipindah ke pinggir');
  await expectLoaded(dispute.getByRole('img', { name: 'Foto dari sanggahan Anda' }));

  // the validator sees the dispute and its photo first
  const validator = await signIn(browser, 'validator@aduan.test');
  await validator.goto(`/petugas/laporan/${number}`);
  const disputes = validator.getByTestId('disputes');
  await expect(disputes).toContainText('Sampahnya hanya dipindah ke pinggir');
  await expectLoaded(disputes.getByRole('img').first());

  // the photo is behind the reporter's key: a wrong key gets nothing
  const src = (await dispute.getByRole('img').getAttribute('src'))!;
  expect((await page.request.get(src)).status()).toBe(200);
  expect((await page.request.get(src.replace(/kunci=[^&]+/, 'kunci=salahsalahsalahsalahsalah'))).status()).toBe(404);
});
