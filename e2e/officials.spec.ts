import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { pickKelurahan, signIn } from './forms';

// The officials above the kelurahan at work: a camat instructs, a walikota escalates and
// reassigns, each ticket page offers only the actions that can be taken, destructive ones ask
// first, a validator starts on the validation queue, and the queue fits a phone.

async function fileReportInGambir(page: Page, description: string): Promise<string> {
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
  await page.getByLabel('Uraian masalah').fill(description);
  await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
  await page.getByRole('radio', { name: /Publik/ }).check();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  return (await page.getByTestId('ticket-number').textContent())!.trim();
}

/** A day (YYYY-MM-DD) `days` after today in Jakarta. */
const wibDay = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function saved(page: Page) {
  await expect(page.getByTestId('action-message')).toHaveText('Tersimpan.');
}

async function acceptAndFollowUp(browser: Browser, number: string) {
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto(`/petugas/laporan/${number}`);
  await lurah.getByTestId('action-terima').getByRole('button').click();
  await saved(lurah);
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#6b6b6b' } }).jpeg().toBuffer();
  const followUp = lurah.getByTestId('action-tindak_lanjut');
  await followUp.getByLabel('Foto sesudah', { exact: true }).setInputFiles({ name: 'sesudah.jpg', mimeType: 'image/jpeg', buffer: photo });
  await followUp.getByRole('textbox').fill('Lubang sudah ditambal aspal dingin.');
  await followUp.getByRole('button', { name: 'Laporkan tindak lanjut' }).click();
  await saved(lurah);
  return lurah;
}

test('the camat instructs Kelurahan Gambir with a deadline; the lurah sees it in the queue and on the ticket; the public sees only that it was given', async ({ browser, page }) => {
  const number = await fileReportInGambir(page, 'Jalan berlubang dalam di depan sekolah dasar, motor sering terjatuh.');
  const camat = await signIn(browser, 'camat.gambir@aduan.test');
  await camat.goto(`/petugas/laporan/${number}`);
  const form = camat.getByTestId('action-instruksi');
  // only the kelurahan of the camat's own kecamatan are offered
  const targets = await form.getByRole('combobox', { name: 'Unit tujuan' }).locator('option:not([disabled])').allTextContents();
  expect(targets).toContain('Kelurahan Gambir');
  expect(targets).not.toContain('Kelurahan Menteng');
  await form.getByRole('combobox', { name: 'Unit tujuan' }).selectOption({ label: 'Kelurahan Gambir' });
  await form.getByLabel('Batas waktu', { exact: true }).fill(wibDay(2));
  await form.getByRole('textbox', { name: /^Isi instruksi/ }).fill('Tambal hari ini juga, lapor ke kecamatan setelah selesai.');
  await form.getByRole('button').click();
  await saved(camat);
  await expect(camat.getByTestId('instructions')).toContainText('Dari Kecamatan Gambir untuk Kelurahan Gambir');

  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  const received = lurah.getByTestId('instructions-received');
  await expect(received).toContainText(number);
  await expect(received).toContainText('Tambal hari ini juga');
  await lurah.goto(`/petugas?q=${number}`);
  await expect(lurah.getByTestId('queue-row').filter({ hasText: number }).getByTestId('mark-instruction')).toContainText('Instruksi untuk unit Anda');
  await lurah.getByRole('link', { name: number }).first().click();
  const panel = lurah.getByTestId('instructions');
  await expect(panel).toContainText('Tambal hari ini juga, lapor ke kecamatan setelah selesai.');
  await expect(panel.getByTestId('instruction-state')).toHaveText('terbuka');

  await camat.goto('/petugas/instruksi');
  const mine = camat.getByTestId('instructions-given').getByTestId('instruction-row').filter({ hasText: number });
  await expect(mine).toContainText('Kelurahan Gambir');
  await expect(mine.getByTestId('instruction-state')).toContainText('terbuka');

  await page.goto(`/laporan/${number}`);
  await expect(page.getByTestId('timeline')).toContainText('Instruksi pimpinan wilayah');
  await expect(page.getByTestId('timeline')).toContainText('menindaklanjuti laporan ini paling lambat');
  await expect(page.getByText('Tambal hari ini juga')).toHaveCount(0);
});

test('the walikota escalates to Balai Kota; the public timeline says so without the reason', async ({ browser, page }) => {
  const number = await fileReportInGambir(page, 'Saluran air tersumbat sampah, jalan tergenang setiap hujan.');
  const walikota = await signIn(browser, 'walikota.pusat@aduan.test');
  await walikota.goto(`/petugas/laporan/${number}`);
  const form = walikota.getByTestId('action-eskalasi');
  await expect(form.getByTestId('escalates-to')).toHaveText('Naik ke Balai Kota');
  await form.getByRole('textbox').fill('Butuh anggaran provinsi untuk normalisasi saluran.');
  await form.getByRole('button').click();
  await saved(walikota);
  // escalated as far as the walikota can: no second escalation is offered
  await expect(walikota.getByTestId('action-eskalasi')).toHaveCount(0);
  await walikota.goto(`/petugas?q=${number}`);
  await expect(walikota.getByTestId('queue-row').filter({ hasText: number }).getByTestId('escalated')).toHaveText('dieskalasi ke Balai Kota');

  await page.goto(`/laporan/${number}`);
  await expect(page.getByTestId('timeline')).toContainText('Dieskalasi ke Balai Kota oleh Kantor Walikota Jakarta Pusat.');
  await expect(page.getByText('anggaran provinsi')).toHaveCount(0);
});

test('a Suku Dinas the walikota reassigns a ticket to gets its work actions and no empty disposisi form', async ({ browser, page }) => {
  const number = await fileReportInGambir(page, 'Aspal jalan mengelupas sepanjang dua puluh meter di tikungan.');
  const walikota = await signIn(browser, 'walikota.pusat@aduan.test');
  await walikota.goto(`/petugas/laporan/${number}`);
  const reassign = walikota.getByTestId('action-tugaskan');
  await reassign.getByRole('combobox').selectOption({ label: 'Suku Dinas Bina Marga Jakarta Pusat' });
  await reassign.getByRole('checkbox').check();
  await reassign.getByRole('button').click();
  await saved(walikota);
  await expect(walikota.getByTestId('holder')).toHaveText('Suku Dinas Bina Marga Jakarta Pusat');

  const sudin = await signIn(browser, 'binamarga.pusat@aduan.test');
  await sudin.goto(`/petugas/laporan/${number}`);
  await expect(sudin.getByTestId('action-terima')).toBeVisible();
  await expect(sudin.getByTestId('action-disposisi')).toHaveCount(0);
  // every form that asks for a target offers at least one
  for (const select of await sudin.locator('form[data-testid^="action-"] select').all()) {
    expect(await select.locator('option:not([disabled])').count()).toBeGreaterThan(0);
  }
});

test('re-routing to another kelurahan preselects nothing and asks for confirmation, also without JavaScript', async ({ browser, page }) => {
  const number = await fileReportInGambir(page, 'Pohon tumbang menutup separuh jalan sejak semalam.');
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto(`/petugas/laporan/${number}`);
  const form = lurah.getByTestId('action-alihkan');
  const target = form.getByRole('combobox', { name: 'Kelurahan tujuan' });
  await expect(target).toHaveValue('');
  await target.selectOption({ label: 'Kelurahan Menteng' });
  // the browser stops an unticked form...
  await form.getByRole('button').click();
  await expect(lurah.getByTestId('action-message')).toHaveCount(0);
  await expect(lurah.getByTestId('holder')).toHaveText('Kelurahan Gambir');
  // ...and so does the server, for a browser that skips the check
  await form.getByRole('checkbox').evaluate((box) => box.removeAttribute('required'));
  await form.getByRole('button').click();
  await expect(lurah.getByTestId('action-message')).toContainText('Centang konfirmasi');
  await expect(lurah.getByTestId('holder')).toHaveText('Kelurahan Gambir');

  const again = lurah.getByTestId('action-alihkan');
  await again.getByRole('combobox', { name: 'Kelurahan tujuan' }).selectOption({ label: 'Kelurahan Menteng' });
  await again.getByRole('checkbox').check();
  await again.getByRole('button').click();
  await expect(lurah.getByTestId('refused')).toBeVisible();
  const menteng = await signIn(browser, 'lurah.menteng@aduan.test');
  await menteng.goto(`/petugas/laporan/${number}`);
  await expect(menteng.getByTestId('holder')).toHaveText('Kelurahan Menteng');
  // the reject form, too, has no reason chosen and a confirmation
  const reject = menteng.getByTestId('action-tolak');
  await expect(reject.getByRole('combobox', { name: 'Alasan penolakan' })).toHaveValue('');
  await expect(reject.getByRole('checkbox')).not.toBeChecked();
});

test('a validator lands on the validation queue; a rejected follow-up’s photo is not shown as "Sesudah"', async ({ browser, page }) => {
  const waiting = await fileReportInGambir(page, 'Trotoar retak dan miring di depan halte bus.');
  const other = await fileReportInGambir(page, 'Marka jalan pudar di persimpangan dekat pasar.');
  await acceptAndFollowUp(browser, waiting);

  const validator = await signIn(browser, 'validator@aduan.test');
  const rows = validator.getByTestId('queue-row');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) await expect(row).toContainText('Menunggu Validasi');
  await validator.goto(`/petugas?q=${waiting}`);
  await expect(validator.getByRole('link', { name: waiting })).toBeVisible();
  await validator.goto(`/petugas?q=${other}`);
  await expect(validator.getByRole('link', { name: other })).toHaveCount(0);
  // "Semua" still shows every status
  await validator.getByRole('link', { name: 'Semua', exact: true }).click();
  await expect(validator.getByRole('link', { name: other })).toBeVisible();

  await validator.goto(`/petugas/laporan/${waiting}`);
  const reject = validator.getByTestId('action-validasi_tolak');
  await reject.getByRole('textbox').fill('Foto tidak menunjukkan trotoar yang dilaporkan.');
  await reject.getByRole('button').click();
  await saved(validator);
  await expect(validator.getByTestId('photo-kind').filter({ hasText: 'Tindak lanjut ditolak' })).toHaveCount(1);
  await page.goto(`/laporan/${waiting}`);
  await expect(page.getByTestId('photo-kind').filter({ hasText: 'tindak lanjut yang ditolak' })).toHaveCount(1);
  await expect(page.getByRole('img', { name: `Foto Sesudah laporan ${waiting}` })).toHaveCount(0);

  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto(`/petugas?q=${waiting}`);
  await expect(lurah.getByTestId('queue-row').filter({ hasText: waiting }).getByTestId('mark-rejected-follow-up')).toHaveText('TL ditolak ×1');
});

test('the staff ticket page shows the ticket on a map drawn from our own boundaries (no tiles)', async ({ browser, page }) => {
  const number = await fileReportInGambir(page, 'Lampu penerangan jalan mati di sepanjang gang.');
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto(`/petugas/laporan/${number}`);
  const map = lurah.getByTestId('ticket-map');
  await expect(map.locator('.leaflet-container')).toBeVisible();
  await expect(map.locator('.leaflet-tile')).toHaveCount(0);
  // the ticket's marker, and the kota boundaries once they arrive
  await expect(map.locator('path.report-marker')).toHaveCount(1);
  await expect.poll(() => map.locator('svg path').count()).toBeGreaterThan(1);
});

for (const who of ['lurah.gambir', 'camat.gambir', 'validator']) {
  test(`the queue fits a 375 px phone for ${who}: no sideways scrolling`, async ({ browser }) => {
    const staff = await signIn(browser, `${who}@aduan.test`, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const queue = staff.getByTestId('queue');
    await expect(queue).toBeVisible();
    // nothing scrolls sideways: not the page, and nothing on it reaches past the screen's edge
    const overflow = await staff.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      beyond: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`.slice(0, 80)),
    }));
    expect(overflow).toEqual({ page: 0, beyond: [] });
    if (who === 'camat.gambir') await expect(staff.getByTestId('unit-backlog')).toBeVisible();
    // a ticket opened from the phone fits too
    await queue.getByRole('link').first().click();
    await expect(staff.getByTestId('holder')).toBeVisible();
    expect(await staff.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
}
