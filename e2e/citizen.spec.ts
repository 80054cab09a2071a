import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { fixtureNumbers } from './fixture';
import { pickKelurahan } from './forms';

/** Clicks the middle of the pin map (central Jakarta) once its boundaries are drawn. */
async function placePinAtMapCentre(page: Page) {
  const map = page.getByTestId('pin-map');
  // polygons outside the view are drawn as "M0 0"; wait for one that is on screen
  await expect(map.locator('path:not([d="M0 0"])').first()).toBeVisible();
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('pin-set')).toBeVisible();
}

async function photo() {
  const buffer = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2f6f4f' } }).jpeg().toBuffer();
  return { name: 'jalan-rusak.jpg', mimeType: 'image/jpeg', buffer };
}

test('a citizen reports with a photo and a pin, and the ticket page shows it within moments', async ({ page }) => {
  await page.goto('/lapor');
  await page.getByRole('searchbox', { name: 'Cari kategori' }).fill('jalan');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
  await page.getByLabel('Uraian masalah').fill('Jalan berlubang cukup dalam di dekat halte, membahayakan pengendara motor.');
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles(await photo());
  await placePinAtMapCentre(page);
  await page.getByRole('radio', { name: /Publik/ }).check();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();

  const number = (await page.getByTestId('ticket-number').textContent())!.trim();
  expect(number).toMatch(/^JK\d{10}$/);
  await expect(page.getByTestId('tracking-link')).toContainText(`/lacak/${number}?kunci=`);
  await page.getByRole('link', { name: 'Lihat halaman laporan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  await expect(page.getByText('Menunggu', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Kel\. / })).toBeVisible();
  // the photo is published by the photo worker once re-encoded (it waits in quarantine until then)
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('img', { name: `Foto Sebelum laporan ${number}` })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
});

test('without a map: kelurahan picker and address; bad input is explained and kept', async ({ page }) => {
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('sampah');
  await page.getByLabel('Uraian masalah').fill('pendek');
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(page.getByTestId('error-deskripsi')).toContainText('terlalu pendek');
  await expect(page.getByTestId('error-lokasi')).toBeVisible();
  await expect(page.getByLabel('Uraian masalah')).toHaveValue('pendek');

  await page.getByLabel('Uraian masalah').fill('Sampah menumpuk di pinggir jalan sejak seminggu, bau menyengat.');
  await pickKelurahan(page, 'Jakarta Selatan', 'Tebet', 'Menteng Dalam');
  await page.getByLabel('Alamat / patokan').fill('Jl. Casablanca dekat pasar');
  await page.getByLabel('Nomor HP').fill('0812 3456 7890');
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();
  await page.goto(`/laporan/${number}`);
  await expect(page.getByRole('link', { name: /Kel\. Menteng Dalam/ })).toBeVisible();
  await expect(page.getByText('0812')).toHaveCount(0);
});

test.describe('near an existing report', () => {
  test.use({ geolocation: { latitude: -6.1754, longitude: 106.8272 }, permissions: ['geolocation'] });

  test('a duplicate suggestion leads to "dukung"', async ({ page }) => {
    const { publicReport } = fixtureNumbers();
    await page.goto('/lapor');
    await page.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
    await page.getByRole('button', { name: 'Gunakan lokasi saya (GPS)' }).click();
    const nearby = page.getByTestId('nearby');
    await expect(nearby).toContainText(publicReport);
    const item = nearby.getByRole('listitem').filter({ hasText: publicReport });
    await item.getByRole('button', { name: 'Dukung' }).click();
    await expect(item.getByText('Terima kasih, dukungan Anda tercatat.')).toBeVisible();
    await page.goto(`/laporan/${publicReport}`);
    await expect(page.getByText('Dukungan warga').first()).toBeVisible();
  });
});

test('the private tracking link adds information; a wrong key is refused', async ({ page }) => {
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('pohon');
  await page.getByLabel('Uraian masalah').fill('Dahan pohon besar patah menggantung di atas trotoar.');
  await placePinAtMapCentre(page);
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const link = await page.getByTestId('tracking-link').getAttribute('href');
  await page.goto(link!);
  await page.getByLabel('Tambahkan informasi').fill('Dahannya makin turun, hampir kena kabel.');
  await page.getByRole('button', { name: 'Kirim' }).click();
  await expect(page.getByTestId('tracking-message')).toContainText('Informasi tambahan tersimpan');
  await page.goto(link!.replace(/kunci=.*/, 'kunci=salahsalahsalahsalahsalah'));
  await expect(page.getByText('Tautan pemantauan tidak valid')).toBeVisible();
});

test('a resident answers the satisfaction survey of a kelurahan office from its public link', async ({ page }) => {
  await page.goto('/skm/kel-31.71.01.1001');
  await expect(page.getByRole('heading', { level: 1, name: 'Kelurahan Gambir' })).toBeVisible();
  const before = Number(await page.getByTestId('skm-respondents').first().textContent());
  // the QR code for the office desk leads to this page
  await expect(page.getByRole('img', { name: /\/skm\/kel-31\.71\.01\.1001$/ })).toBeVisible();
  const form = page.getByTestId('skm-form');
  for (const fieldset of await form.getByRole('group').all()) {
    const sesuai = fieldset.getByRole('radio', { name: 'Sesuai', exact: true });
    if (await sesuai.count()) await sesuai.check();
  }
  await form.getByRole('combobox', { name: 'Kelompok umur' }).selectOption('30–39');
  await form.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.getByTestId('skm-message')).toHaveText('Terima kasih, jawaban Anda tersimpan.');
  await expect(page.getByTestId('skm-respondents').first()).toHaveText(String(before + 1));
  await expect(page.getByTestId('skm-elements').getByRole('row')).toHaveCount(9);

  await page.goto('/skm');
  await expect(page.getByTestId('skm-results').getByRole('link', { name: 'Kelurahan Gambir' })).toBeVisible();
});

test('a resident follows a kelurahan by e-mail: asked to confirm first', async ({ page }) => {
  await page.goto('/wilayah/31.71.01.1001');
  await page.getByRole('link', { name: 'Ikuti lewat surel' }).click();
  const form = page.getByTestId('follow-form');
  await expect(form).toContainText('Gambir');
  await form.getByLabel('Alamat surel').fill('rt05.gambir@contoh.id');
  await form.getByRole('radio', { name: /ringkasan harian/ }).check();
  await form.getByRole('button', { name: 'Ikuti' }).click();
  await expect(page.getByTestId('follow-message')).toHaveText('Periksa surel Anda: klik tautan konfirmasi untuk mulai menerima kabar.');
  // around a report's place, too
  await page.goto(`/laporan/${fixtureNumbers().publicReport}`);
  await page.getByRole('link', { name: 'Ikuti laporan baru dalam 500 m dari lokasi ini' }).click();
  await expect(page.getByTestId('follow-form')).toContainText('radius 500 m');
  // opening the confirmation link only shows a button (mail scanners open links); an unknown key confirms nothing
  await page.goto('/ikuti/konfirmasi?kunci=bukan-kunci');
  await page.getByRole('button', { name: 'Ya, mulai kirim kabar' }).click();
  await expect(page.getByTestId('follow-message')).toHaveText('Tautan tidak valid atau sudah tidak berlaku.');
});
