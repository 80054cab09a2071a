import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { streetScene } from '../lib/testing/images';
import { signIn } from './forms';

// Light uploads (issue 25): a phone photo is downscaled in the browser, and its capture time and
// position, read there from the original, still reach the server's proof checks.
test.use({ geolocation: { latitude: -6.1754, longitude: 106.8272 }, permissions: ['geolocation'] });

/** EXIF wall-clock time (WIB) of a moment, as a camera writes it. */
const exifTime = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ').replaceAll('-', ':');
const dms = (v: number) => {
  const a = Math.abs(v);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  return `${d}/1 ${m}/1 ${Math.round(((a - d) * 60 - m) * 60 * 100)}/100`;
};

/** A 12-megapixel phone photo, stored 4000×3000 and turned upright by EXIF orientation 6 (so 3000×4000 when shown). */
async function phonePhoto(seed: number, takenAt: Date, lat: number, lng: number) {
  const buffer = await sharp(streetScene(seed, 4000, 3000))
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD2: { DateTimeOriginal: exifTime(takenAt) },
      IFD3: { GPSLatitudeRef: lat < 0 ? 'S' : 'N', GPSLatitude: dms(lat), GPSLongitudeRef: lng < 0 ? 'W' : 'E', GPSLongitude: dms(lng) },
    })
    .jpeg({ quality: 95 })
    .toBuffer();
  return { name: `IMG_${seed}.jpg`, mimeType: 'image/jpeg', buffer };
}

type Sent = { name: string; value: string } | { name: string; file: string };

/** Records every form field the page posts with fetch (server actions do) or XMLHttpRequest, files as base64. */
async function recordPosts(page: Page) {
  await page.addInitScript(() => {
    const sent: unknown[] = [];
    (window as unknown as { sentFields: unknown[] }).sentFields = sent;
    const original = window.fetch;
    const base64 = (file: File) =>
      new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
        reader.readAsDataURL(file);
      });
    const record = async (body: FormData) => {
      for (const [name, value] of body) sent.push(typeof value === 'string' ? { name, value } : { name, file: await base64(value) });
    };
    window.fetch = async (input, init) => {
      if (init?.body instanceof FormData) await record(init.body);
      return original(input, init);
    };
    // the report form sends with XMLHttpRequest (for its upload progress)
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
      if (body instanceof FormData) void record(body);
      return send.call(this, body as XMLHttpRequestBodyInit | null);
    };
  });
  return async () => {
    const fields = await page.evaluate(() => (window as unknown as { sentFields: Sent[] }).sentFields);
    // a server action's FormData argument arrives with its fields prefixed ("1_foto")
    const field = (name: string) => fields.filter((f) => f.name === name || f.name.endsWith(`_${name}`));
    return {
      photos: field('foto').map((f) => Buffer.from('file' in f ? f.file : '', 'base64')),
      values: (name: string) => field(name).map((f) => ('value' in f ? f.value : '')),
    };
  };
}

/** Dimensions and EXIF presence of a sent or stored image. */
async function shape(image: Buffer) {
  const meta = await sharp(image).metadata();
  return { width: meta.width, height: meta.height, hasExif: Boolean(meta.exif) };
}

test('a 12-megapixel photo goes at 2048 px, upright, with its capture time and place; the proof checks still see them', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const sent = await recordPosts(page);
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
  await page.getByLabel('Uraian masalah').fill('Jalan berlubang besar di depan halte, difoto dengan kamera ponsel.');
  const before = await phonePhoto(71, new Date(Date.now() - 3_600_000), -6.1754, 106.8272);
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles(before);
  // the size that will be sent, next to the original's
  await expect(page.getByTestId('photo-size')).toHaveText(/^\([\d,.]+ [KM]B → [\d,.]+ KB dikirim\)$/);
  await page.getByRole('button', { name: 'Gunakan lokasi saya (GPS)' }).click();
  await expect(page.getByTestId('pin-place')).toContainText('Kel. Gambir');
  await page.getByRole('radio', { name: /Publik/ }).check();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();

  const citizen = await sent();
  expect(citizen.photos).toHaveLength(1);
  // re-encoded in the browser: portrait as shown (EXIF orientation applied), at most 2048 px, no EXIF left
  expect(await shape(citizen.photos[0])).toEqual({ width: 1536, height: 2048, hasExif: false });
  expect(citizen.photos[0].length).toBeLessThan(before.buffer.length);
  expect(citizen.values('foto_lat')).toEqual([expect.stringMatching(/^-6\.175/)]);
  expect(citizen.values('foto_waktu')).toEqual([expect.stringMatching(/\+07:00$/)]);

  // the server received it upright and within 2048 px: the published photo, once the worker has processed it
  await expect(async () => {
    await page.goto(`/laporan/${number}`);
    await expect(page.getByRole('img', { name: `Foto Sebelum laporan ${number}` })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  const href = await page.getByRole('link').filter({ has: page.getByRole('img', { name: `Foto Sebelum laporan ${number}` }) }).getAttribute('href');
  const published = await page.request.get(href!);
  expect(published.ok()).toBe(true);
  expect(await shape(await published.body())).toMatchObject({ width: 1536, height: 2048 });

  // a field crew's after-photo, taken the day before the report and 3 km away: downscaled too,
  // and the validator is still told both, not "no metadata"
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  const crew = await recordPosts(lurah);
  await lurah.goto(`/petugas/laporan/${number}`);
  await lurah.getByTestId('action-terima').getByRole('button').click();
  await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');
  const followUp = lurah.getByTestId('action-tindak_lanjut');
  await followUp.getByLabel('Foto sesudah', { exact: true }).setInputFiles(await phonePhoto(72, new Date(Date.now() - 26 * 3_600_000), -6.2, 106.85));
  await expect(followUp.getByTestId('after-photo-sizes')).toHaveText(/^IMG_72\.jpg: [\d,.]+ [KM]B → [\d,.]+ KB dikirim$/);
  await followUp.getByRole('textbox').fill('Lubang sudah ditambal dan diaspal ulang.');
  await followUp.getByRole('button', { name: 'Laporkan tindak lanjut' }).click();
  await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');
  const after = await crew();
  expect(after.photos).toHaveLength(1);
  expect(await shape(after.photos[0])).toEqual({ width: 1536, height: 2048, hasExif: false });

  const validator = await signIn(browser, 'validator@aduan.test');
  await validator.goto(`/petugas/laporan/${number}`);
  await expect(validator.getByTestId('proof-sebelum_laporan')).toBeVisible();
  await expect(validator.getByTestId('proof-jauh')).toContainText(/Foto diambil [\d.]+ m dari lokasi laporan/);
  await expect(validator.getByTestId('proof-tanpa_metadata')).toHaveCount(0);
});

test('a file the browser cannot decode is sent as it is, and the server decides', async ({ page }) => {
  const sent = await recordPosts(page);
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
  await page.getByLabel('Uraian masalah').fill('Jalan rusak, foto dari galeri yang tidak terbaca oleh peramban.');
  await page.getByRole('button', { name: 'Gunakan lokasi saya (GPS)' }).click();
  // JPEG by name and type, not by content: no browser decodes it
  const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300_000, 7)]);
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles({ name: 'rusak.jpg', mimeType: 'image/jpeg', buffer: broken });
  await expect(page.getByTestId('photo-size')).toHaveText('(293 KB)');
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(page.getByTestId('error-foto')).toHaveText('Foto rusak atau tidak lengkap.');
  const { photos } = await sent();
  expect(photos.map((p) => p.equals(broken))).toEqual([true]);
});
