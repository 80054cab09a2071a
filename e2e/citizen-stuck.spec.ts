import { devices, expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { pickKelurahan } from './forms';

// Where real people get stuck on /lapor. One client address of its own for this file, so that the
// rest of the suite neither fills nor empties its counters.
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.31' } });

const DESCRIPTION = 'Sampah menumpuk di pinggir jalan sejak seminggu, bau menyengat sampai ke rumah warga.';
const MB = 1024 * 1024;

async function photo(name = 'tumpukan.jpg') {
  const buffer = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b5b2f' } }).jpeg().toBuffer();
  return { name, mimeType: 'image/jpeg', buffer };
}

/** A file the browser reports as an 11.5 MB JPEG (never decoded: it must not leave the browser). */
function hugePhoto(name: string) {
  return { name, mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(11.5 * MB - 4)]) };
}

const submit = (page: Page) => page.getByRole('button', { name: 'Kirim laporan' });

/** Presses "Kirim laporan" and waits for the server's answer. */
async function send(page: Page) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/laporan/kirim');
  await submit(page).click();
  await answered;
}

async function fillValid(page: Page, description = DESCRIPTION) {
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('sampah');
  await page.getByLabel('Uraian masalah').fill(description);
  await pickKelurahan(page, 'Jakarta Selatan', 'Tebet', 'Menteng Dalam');
}

test('a citizen with a dozen refused submissions can still file', async ({ page }) => {
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('sampah');
  await page.getByLabel('Uraian masalah').fill('pendek');
  for (let i = 0; i < 12; i++) {
    await send(page);
    await expect(page.getByTestId('error-deskripsi')).toContainText('terlalu pendek');
  }
  await fillValid(page);
  await submit(page).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^JK\d{10}$/);
});

test('past the limit of accepted reports the refusal is next to the button, says when, and keeps the text', async ({ page }) => {
  test.setTimeout(180_000);
  // ten accepted reports from this browser (ADUAN_RATE_LIMIT_REPORTS)
  for (let i = 0; i < 10; i++) {
    await page.goto('/lapor');
    await fillValid(page, `${DESCRIPTION} (laporan ${i + 1})`);
    await submit(page).click();
    await expect(page.getByTestId('ticket-number')).toBeVisible();
  }
  await page.goto('/lapor');
  await fillValid(page, `${DESCRIPTION} (laporan 11)`);
  await send(page);
  const refusal = page.getByTestId('form-error');
  await expect(refusal).toHaveText(/^Batas 10 laporan per jam dari perangkat ini tercapai\. Coba lagi dalam \d+ menit\.$/);
  await expect(submit(page)).toBeEnabled();
  await expect(page.getByLabel('Uraian masalah')).toHaveValue(`${DESCRIPTION} (laporan 11)`);
  await expect(page.getByRole('combobox', { name: 'Kategori' })).toHaveValue('sampah');
  // right above the button, not at the top of a long form
  const [message, button] = [(await refusal.boundingBox())!, (await submit(page).boundingBox())!];
  expect(button.y - (message.y + message.height)).toBeLessThan(40);
  await expect(refusal).toBeInViewport();
});

test('a photo over the limit is refused in the browser by name and size; nothing typed is lost', async ({ page }) => {
  let sent = 0;
  page.on('request', (r) => void (r.method() === 'POST' && new URL(r.url()).pathname === '/api/laporan/kirim' && sent++));
  await page.goto('/lapor');
  await fillValid(page);
  await page.getByLabel('Nomor HP').fill('0812 3456 7890');
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles([await photo(), hugePhoto('IMG_20260301_besar.jpg')]);
  await expect(page.getByTestId('photo-problems')).toHaveText('IMG_20260301_besar.jpg (11,5 MB) melebihi batas 10 MB per foto. Hapus foto ini atau pilih yang lebih kecil.');

  await submit(page).click();
  await expect(page.getByTestId('form-error')).toHaveText('Laporan belum terkirim. Perbaiki isian yang ditandai, lalu kirim lagi.');
  await expect(page.getByLabel('Foto (opsional, 1–3)')).toBeFocused();
  expect(sent).toBe(0);
  await expect(page.getByLabel('Uraian masalah')).toHaveValue(DESCRIPTION);
  await expect(page.getByLabel('Nomor HP')).toHaveValue('0812 3456 7890');
  await expect(page.getByRole('combobox', { name: 'Kelurahan' })).toHaveValue(/\S/);

  await page.getByRole('button', { name: 'Hapus IMG_20260301_besar.jpg' }).click();
  await expect(page.getByTestId('photo-problems')).toHaveCount(0);
  await expect(page.getByTestId('photo-list')).toContainText('tumpukan.jpg');
  await submit(page).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^JK\d{10}$/);
  expect(sent).toBe(1);
});

test('when the server fails, the button comes back with a message and the form keeps text, choices and photos', async ({ page }) => {
  await page.goto('/lapor');
  await fillValid(page);
  await page.getByRole('radio', { name: /Publik/ }).check();
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles(await photo());
  await page.route('**/api/laporan/kirim', (route) => (route.request().method() === 'POST' ? route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' }) : route.continue()));
  await submit(page).click();
  await expect(page.getByTestId('form-error')).toContainText('Laporan belum terkirim karena koneksi terputus atau server tidak menjawab');
  await expect(submit(page)).toBeEnabled();
  await expect(page.getByLabel('Uraian masalah')).toHaveValue(DESCRIPTION);
  await expect(page.getByRole('combobox', { name: 'Kategori' })).toHaveValue('sampah');
  await expect(page.getByRole('radio', { name: /Publik/ })).toBeChecked();
  await expect(page.getByTestId('photo-list')).toContainText('tumpukan.jpg');

  // the connection drops altogether: the report waits on the phone, with its photo, and goes
  // when the page is opened again with a connection (dropped for the whole browser, the service
  // worker's Background Sync included: a page-only route would let the worker send it at once)
  await page.unroute('**/api/laporan/kirim');
  await page.context().route('**/api/laporan/kirim', (route) => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue()));
  await submit(page).click();
  const waiting = page.getByTestId('queue-waiting');
  await expect(waiting).toContainText('Menunggu sinyal');
  await expect(waiting.getByTestId('queue-item')).toContainText(DESCRIPTION.slice(0, 40));
  await expect(waiting.getByTestId('queue-item')).toContainText('1 foto');

  await page.context().unroute('**/api/laporan/kirim');
  await page.reload();
  await expect(page.getByTestId('queue-sent-item').getByTestId('queue-number')).toHaveText(/^JK\d{10}$/);
  await expect(page.getByTestId('queue-waiting')).toHaveCount(0);
});

test('a page lost before sending (reload, a phone dropping the tab) comes back filled in; photos are asked for again', async ({ page }) => {
  await page.goto('/lapor');
  await fillValid(page);
  await page.getByRole('radio', { name: /Publik/ }).check();
  await page.getByLabel('Nomor HP').fill('0813 2222 3333');
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles(await photo());
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toHaveText('Isian yang belum terkirim dipulihkan. Foto tidak dapat disimpan oleh peramban: pilih 1 foto lagi.');
  await expect(page.getByLabel('Uraian masalah')).toHaveValue(DESCRIPTION);
  await expect(page.getByRole('combobox', { name: 'Kategori' })).toHaveValue('sampah');
  await expect(page.getByRole('combobox', { name: 'Kelurahan' })).not.toHaveValue('');
  await expect(page.getByRole('radio', { name: /Publik/ })).toBeChecked();
  await expect(page.getByLabel('Nomor HP')).toHaveValue('0813 2222 3333');
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles(await photo());
  await expect(page.getByTestId('draft-restored')).toHaveText('Isian yang belum terkirim dipulihkan.');
  await submit(page).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^JK\d{10}$/);
  // filed: a new form starts empty
  await page.goto('/lapor');
  await expect(page.getByLabel('Uraian masalah')).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
});

test('category search knows the words people use', async ({ page }) => {
  await page.goto('/lapor');
  const search = page.getByRole('searchbox', { name: 'Cari kategori' });
  const matches = page.getByTestId('category-matches').getByRole('button');
  await search.fill('lubang');
  await expect(matches.first()).toHaveText('Jalan · Infrastruktur');
  await matches.first().click();
  await expect(page.getByRole('combobox', { name: 'Kategori' })).toHaveValue('jalan');
  await search.fill('banjir');
  await expect(matches.nth(0)).toHaveText(/^Penanganan Banjir/);
  await expect(matches.nth(1)).toHaveText(/^Saluran Air/);
  await search.fill('macet');
  await expect(matches.first()).toHaveText(/^Arus Lalu Lintas/);
  // the choice made before stays chosen while searching for something else
  await expect(page.getByRole('combobox', { name: 'Kategori' })).toHaveValue('jalan');
});

test('the description shows its count; at the limit it says so, past it nothing is cut and nothing is sent', async ({ page }) => {
  let sent = 0;
  page.on('request', (r) => void (r.method() === 'POST' && new URL(r.url()).pathname === '/api/laporan/kirim' && sent++));
  await page.goto('/lapor');
  await fillValid(page);
  const text = page.getByLabel('Uraian masalah');
  await expect(page.getByTestId('deskripsi-count')).toHaveText(`${DESCRIPTION.length} / 2.000 karakter`);
  // 2,000 characters with line breaks (a browser sends each as CRLF, two characters)
  const full = 'Tumpukan sampah makin tinggi.\n'.repeat(80).slice(0, 1999) + '.';
  expect(full).toHaveLength(2000);
  await text.fill(full);
  await expect(page.getByTestId('deskripsi-count')).toHaveText('2.000 / 2.000 karakter');
  await expect(page.getByTestId('deskripsi-limit')).toHaveText('Batas 2.000 karakter tercapai.');
  await text.press('Control+End');
  await text.pressSequentially('!!');
  await expect(text).toHaveValue(`${full}!!`);
  await expect(page.getByTestId('deskripsi-count')).toHaveText('2.002 / 2.000 karakter');
  await expect(page.getByTestId('deskripsi-limit')).toContainText('Uraian kelebihan 2 karakter (maksimal 2.000)');
  await submit(page).click();
  await expect(text).toBeFocused();
  await expect(page.getByTestId('error-deskripsi')).toBeVisible();
  expect(sent).toBe(0);
  await text.press('Backspace');
  await text.press('Backspace');
  await expect(page.getByTestId('error-deskripsi')).toHaveCount(0);
  await submit(page).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^JK\d{10}$/);
});

test.describe('on a phone', () => {
  // Pixel 5, in the project's own browser
  const { defaultBrowserType: _browser, ...pixel5 } = devices['Pixel 5'];
  test.use({ ...pixel5, geolocation: { latitude: -6.1754, longitude: 106.8272 }, permissions: ['geolocation'] });

  test('after a refused submit the first field in error is on screen and focused', async ({ page }) => {
    await page.goto('/lapor');
    await page.getByRole('combobox', { name: 'Kategori' }).selectOption('pohon');
    await page.getByLabel('Uraian masalah').fill('pendek');
    await submit(page).scrollIntoViewIfNeeded();
    await send(page);
    const description = page.getByLabel('Uraian masalah');
    await expect(description).toBeFocused();
    await expect(description).toBeInViewport();
    await expect(page.getByTestId('form-error')).toHaveText('Laporan belum terkirim. Perbaiki isian yang ditandai, lalu kirim lagi.');

    await description.fill('Pohon tumbang menutup separuh jalan di depan sekolah.');
    await submit(page).scrollIntoViewIfNeeded();
    await send(page);
    const gps = page.getByRole('button', { name: 'Gunakan lokasi saya (GPS)' });
    await expect(gps).toBeFocused();
    await expect(gps).toBeInViewport();
    await expect(page.getByTestId('error-lokasi')).toBeVisible();
  });

  test('"use my location" zooms to the pin and names its kelurahan; the map controls fit a finger', async ({ page }) => {
    await page.goto('/lapor');
    const map = page.getByTestId('pin-map');
    await expect(map.locator('path:not([d="M0 0"])').first()).toBeVisible();
    await page.getByRole('button', { name: 'Gunakan lokasi saya (GPS)' }).click();
    await expect(page.getByTestId('pin-place')).toHaveText('Kel. Gambir, Kec. Gambir, Jakarta Pusat');

    // the pin is in the middle of the map
    const box = (await map.boundingBox())!;
    const pin = (await map.locator('.pin-hit').boundingBox())!;
    expect(Math.abs(pin.x + pin.width / 2 - (box.x + box.width / 2))).toBeLessThan(4);
    expect(Math.abs(pin.y + pin.height - (box.y + box.height / 2))).toBeLessThan(4);

    for (const control of [map.locator('.leaflet-control-zoom-in'), map.locator('.leaflet-control-zoom-out'), map.locator('.pin-hit'), page.getByRole('button', { name: 'Gunakan lokasi saya (GPS)' }), page.getByRole('button', { name: 'Hapus titik' })]) {
      const size = (await control.boundingBox())!;
      expect(size.width, await control.evaluate((el) => el.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(44);
      expect(size.height).toBeGreaterThanOrEqual(44);
    }

    // closed in on the street: 100 px on the map are a couple of hundred metres (the whole city
    // is in view before), so a tap 100 px east of the pin moves it by less than 0.003° of longitude
    const lngField = page.locator('input[name="lng"]');
    await expect(lngField).toHaveValue('106.8272');
    await page.mouse.click(box.x + box.width / 2 + 100, box.y + box.height / 2);
    await expect(lngField).not.toHaveValue('106.8272');
    const lng = Number(await lngField.inputValue());
    expect(lng - 106.8272).toBeGreaterThan(0);
    expect(lng - 106.8272).toBeLessThan(0.003);
  });
});
