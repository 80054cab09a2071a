import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { DEMO_PASSWORD } from '../lib/reference/demo-users';
import { awayFromLockWindowEdge, pickKelurahan, signIn } from './forms';
import { streetScene } from '../lib/testing/images';

async function fileReportInGambir(page: Page): Promise<string> {
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('trotoar');
  await page.getByLabel('Uraian masalah').fill('Trotoar ambles di depan gedung, pejalan kaki terpaksa turun ke jalan.');
  await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
  await page.getByRole('radio', { name: /Publik/ }).check();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  return (await page.getByTestId('ticket-number').textContent())!.trim();
}

/** Lurah Gambir accepts and reports the work with a photo; the validator accepts it. */
async function finishAsOfficials(browser: Browser, number: string) {
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto(`/petugas/laporan/${number}`);
  await lurah.getByTestId('action-terima').getByRole('button').click();
  await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');
  const afterPhoto = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#777777' } }).jpeg().toBuffer();
  const followUp = lurah.getByTestId('action-tindak_lanjut');
  await followUp.getByLabel('Foto sesudah', { exact: true }).setInputFiles({ name: 'sesudah.jpg', mimeType: 'image/jpeg', buffer: afterPhoto });
  await followUp.getByRole('textbox').fill('Trotoar sudah diperbaiki dan diratakan.');
  await followUp.getByRole('button', { name: 'Laporkan tindak lanjut' }).click();
  await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');
  const validator = await signIn(browser, 'validator@aduan.test');
  await validator.goto(`/petugas/laporan/${number}`);
  // the plain after-photo has no capture metadata, so it is flagged and accepting it takes a reason
  await expect(validator.getByTestId('proof-tanpa_metadata')).toBeVisible();
  const accept = validator.getByTestId('action-validasi_terima');
  await accept.getByRole('textbox').fill('Diperiksa langsung di lokasi oleh validator.');
  await accept.getByRole('button').click();
  await expect(validator.getByTestId('action-message')).toHaveText('Tersimpan.');
}

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/masuk');
  await page.getByLabel('Email').fill('lurah.gambir@aduan.test');
  await page.getByLabel('Kata sandi').fill('bukan-sandinya');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Email atau kata sandi salah');
  await page.goto('/petugas');
  await expect(page).toHaveURL(/\/masuk$/);
});

test('lurah accepts and follows up, validator accepts, the public sees Selesai; camat sees it; another lurah is refused', async ({ browser, page }) => {
  const number = await fileReportInGambir(page);
  // The public page is cached after its first visit: officials' actions must refresh it.
  await page.goto(`/laporan/${number}`);
  await expect(page.getByTestId('sla-clock')).toBeVisible();
  await expect(page.getByText('Selesai', { exact: true })).toHaveCount(0);

  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto(`/petugas?q=${number}`);
  await lurah.getByRole('link', { name: number }).click();
  await expect(lurah.getByTestId('holder')).toHaveText('Kelurahan Gambir');
  await finishAsOfficials(browser, number);

  await page.goto(`/laporan/${number}`);
  await expect(page.getByText('Selesai', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('img', { name: `Foto Sesudah laporan ${number}` })).toBeVisible();

  const camat = await signIn(browser, 'camat.gambir@aduan.test');
  await camat.goto(`/petugas?q=${number}`);
  await expect(camat.getByTestId('queue').getByRole('link', { name: number })).toBeVisible();
  // the camat oversees the backlog of each kelurahan and can narrow the queue to one
  // each kelurahan's own recent figures sit next to its backlog
  const gambirRow = camat.getByTestId('unit-backlog').getByRole('row').filter({ has: camat.getByRole('link', { name: 'Gambir', exact: true }) });
  expect(Number(await gambirRow.getByRole('cell').nth(4).textContent())).toBeGreaterThan(0);
  await expect(gambirRow.getByRole('cell').nth(5)).toHaveText(/%$/);
  await camat.getByTestId('unit-backlog').getByRole('link', { name: 'Gambir', exact: true }).click();
  await expect(camat.getByTestId('area-filter')).toContainText('Gambir');
  await expect(camat).toHaveURL(/wilayah=31\.71\.01\.1001/);

  const otherLurah = await signIn(browser, 'lurah.menteng@aduan.test');
  await otherLurah.goto(`/petugas/laporan/${number}`);
  await expect(otherLurah.getByTestId('refused')).toBeVisible();
  await expect(otherLurah.getByText('Trotoar ambles')).toHaveCount(0);
});

test('two officials on one ticket: the second is told to reload, nothing of theirs is written', async ({ browser, page }) => {
  const number = await fileReportInGambir(page);
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  const camat = await signIn(browser, 'camat.gambir@aduan.test');
  await lurah.goto(`/petugas/laporan/${number}`);
  await camat.goto(`/petugas/laporan/${number}`);
  await lurah.getByTestId('action-terima').getByRole('button').click();
  await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');
  const note = camat.getByTestId('action-tanggapan');
  await note.getByRole('textbox').fill('Tanggapan dari camat.');
  await note.getByRole('button').click();
  await expect(camat.getByTestId('action-message')).toContainText('diubah oleh petugas lain');
  await page.goto(`/laporan/${number}`);
  await expect(page.getByText('Tanggapan dari camat.')).toHaveCount(0);
});

test('an admin creates a lurah account that can then sign in and change its password', async ({ browser }) => {
  const admin = await signIn(browser, 'admin@aduan.test');
  await admin.goto('/petugas/akun');
  const form = admin.locator('form').filter({ has: admin.getByRole('button', { name: 'Buat akun' }) });
  await form.getByLabel('Email').fill('lurah.kebonkelapa@aduan.test');
  await form.getByLabel('Nama').fill('Lurah Kebon Kelapa');
  await form.getByLabel('Peran').selectOption('lurah');
  await form.getByLabel('Kode wilayah').fill('31.71.01.1005');
  await form.getByLabel('Kata sandi awal').fill('sandi-lurah-baru');
  await form.getByRole('button', { name: 'Buat akun' }).click();
  await expect(admin.getByTestId('account-message')).toHaveText('Tersimpan.');

  const page = await (await browser.newContext()).newPage();
  await page.goto('/masuk');
  await page.getByLabel('Email').fill('lurah.kebonkelapa@aduan.test');
  await page.getByLabel('Kata sandi').fill('sandi-lurah-baru');
  await page.getByRole('button', { name: 'Masuk' }).click();
  // the admin knows the first password: the new lurah must replace it first (e2e/first-sign-in.spec.ts)
  await expect(page.getByTestId('staff-name')).toHaveText('Lurah Kebon Kelapa');
  await page.goto('/petugas/sandi');
  await page.getByLabel('Kata sandi sekarang').fill('sandi-lurah-baru');
  await page.getByLabel(/Kata sandi baru/).fill('sandi-lurah-kedua');
  await page.getByRole('button', { name: 'Ganti' }).click();
  await expect(page.getByTestId('sessions-ended')).toHaveText('Kata sandi diganti, dan semua sesi akun ini berakhir. Masuk lagi dengan kata sandi baru.');
});

test('five failed sign-ins lock the account with a clear message', async ({ page }) => {
  test.setTimeout(180_000);
  await awayFromLockWindowEdge();
  await page.goto('/masuk');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Email').fill('inspektorat@aduan.test');
    await page.getByLabel('Kata sandi').fill(`salah-${i}`);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/masuk'));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await answered;
    await expect(page.getByTestId('sign-in-error')).toBeVisible();
    // the form clears itself once the answer is shown: type the next attempt only after that
    await expect(page.getByLabel('Kata sandi')).toHaveValue('');
  }
  await page.getByLabel('Email').fill('inspektorat@aduan.test');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('dikunci sementara');
});

test('after Selesai, the private tracking link rates the handling and reopens the ticket', async ({ browser, page }) => {
  const number = await fileReportInGambir(page);
  const link = (await page.getByTestId('tracking-link').getAttribute('href'))!;
  await finishAsOfficials(browser, number);

  await page.goto(link);
  await page.getByRole('radio', { name: '4' }).check();
  await page.getByLabel('Komentar (opsional)').fill('Cepat ditangani, terima kasih.');
  await page.getByRole('button', { name: 'Kirim penilaian' }).click();
  await expect(page.getByTestId('tracking-message')).toContainText('Terima kasih atas penilaian Anda');
  await page.getByLabel('Apa yang belum beres?').fill('Bagian ujung trotoar masih ambles.');
  await page.getByRole('button', { name: 'Belum selesai' }).click();
  await expect(page.getByTestId('tracking-message')).toContainText('dibuka kembali');

  // the public page follows within seconds: a copy cached before the change may be served once
  // while the page is made again
  await expect(async () => {
    await page.goto(`/laporan/${number}`);
    await expect(page.getByText('Proses', { exact: true }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText('Dibuka kembali oleh pelapor')).toBeVisible();
  await expect(page.getByText('4 dari 5')).toBeVisible();
});

test('the confirmation to a reporter is delivered and readable on the staff-only outbox page', async ({ browser, page }) => {
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('taman');
  await page.getByLabel('Uraian masalah').fill('Lampu taman mati semua sejak minggu lalu, taman gelap di malam hari.');
  await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
  await page.getByLabel('Email').fill('warga.taman@contoh.id');
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();

  const admin = await signIn(browser, 'admin@aduan.test');
  const row = admin.getByTestId('outbox').getByRole('row').filter({ hasText: `Laporan ${number} diterima` });
  await expect(async () => {
    await admin.goto('/petugas/outbox');
    await expect(row).toContainText('terkirim', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText('warga.taman@contoh.id');

  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto('/petugas/outbox');
  await expect(lurah.getByTestId('refused')).toBeVisible();
});

test('the staff workspace switches to English too', async ({ browser }) => {
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.getByTestId('language-switch').click();
  await expect(lurah.getByRole('heading', { level: 1, name: 'Report queue' })).toBeVisible();
  await expect(lurah.getByRole('link', { name: 'Sign out' }).or(lurah.getByRole('button', { name: 'Sign out' }))).toBeVisible();
  await lurah.getByTestId('language-switch').click();
  await expect(lurah.getByRole('heading', { level: 1, name: 'Antrean laporan' })).toBeVisible();
});

test('an admin sets a holiday and a category SLA, both audited; bad hours are refused; a lurah cannot open settings', async ({ browser }) => {
  const admin = await signIn(browser, 'admin@aduan.test');
  await admin.getByRole('link', { name: 'Pengaturan' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();

  const holiday = admin.getByTestId('add-holiday');
  await holiday.getByLabel('Tanggal').fill('2026-12-31');
  await holiday.getByLabel('Keterangan').fill('Malam tahun baru (uji)');
  await holiday.getByRole('button', { name: 'Tambah' }).click();
  await expect(admin.getByTestId('settings-message')).toHaveText('Tersimpan dan dicatat dalam log audit.');
  await expect(admin.getByTestId('holidays')).toContainText('2026-12-31 · Malam tahun baru (uji)');
  await expect(admin.getByTestId('settings-audit')).toContainText('libur.tambah 2026-12-31');

  const form = admin.getByTestId('category-satwa-liar');
  await admin.locator('summary', { hasText: 'Satwa Liar' }).click();
  await form.getByLabel('SLA khusus kategori ini').check();
  await form.getByLabel('Respons pertama (jam)').fill('12');
  await form.getByLabel('Tindak lanjut selesai (jam)').fill('6');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(admin.getByTestId('settings-message')).toContainText('batas tindak lanjut tidak boleh lebih cepat');

  await admin.locator('summary', { hasText: 'Satwa Liar' }).click();
  await form.getByLabel('SLA khusus kategori ini').check();
  await form.getByLabel('Respons pertama (jam)').fill('12');
  await form.getByLabel('Tindak lanjut selesai (jam)').fill('48');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(admin.getByTestId('settings-message')).toHaveText('Tersimpan dan dicatat dalam log audit.');
  await expect(admin.locator('summary', { hasText: 'Satwa Liar' })).toContainText('12 / 48 h');
  await expect(admin.getByTestId('settings-audit')).toContainText('kategori.ubah satwa-liar');

  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto('/petugas/atur');
  await expect(lurah.getByTestId('refused')).toBeVisible();
  await expect(lurah.getByTestId('city-policy')).toHaveCount(0);
});

test('an operator records a walk-in complaint, hands over the receipt, and triages it to the kelurahan', async ({ browser }) => {
  const operator = await signIn(browser, 'operator@aduan.test');
  await operator.getByRole('link', { name: 'Catat pengaduan' }).click();
  const form = operator.getByTestId('desk-form');
  await form.getByRole('combobox', { name: 'Kanal', exact: true }).selectOption({ label: 'Pendopo Balai Kota' });
  await form.getByLabel('Nama warga').fill('Ibu Ratna');
  await form.getByLabel('Telepon warga').fill('081298765432');
  await form.getByLabel('Isi pengaduan').fill('Jalan di depan pasar berlubang besar, sudah dua minggu belum diperbaiki.');
  await form.getByRole('button', { name: 'Simpan dan beri nomor tiket' }).click();

  const receipt = operator.getByTestId('receipt');
  await expect(receipt).toBeVisible();
  const number = (await operator.getByTestId('receipt-number').textContent())!.trim();
  expect(number).toMatch(/^JK\d{10}$/);
  await expect(receipt).toContainText(`/lacak/${number}?kunci=`);
  await expect(operator.getByTestId('receipt-triage')).toBeVisible();
  // a ticket without place or category has its public page too
  const publicPage = await operator.request.get(`/laporan/${number}`);
  expect(publicPage.status()).toBe(200);
  expect(await publicPage.text()).toContain('Belum dikategorikan');

  await operator.goto('/petugas');
  await expect(operator.getByTestId('triage-link')).toHaveText(/^Triase \(\d+\)$/);
  await operator.goto('/petugas?triase=1');
  await expect(operator.locator('table tbody tr')).toHaveCount(1);
  await operator.getByRole('link', { name: number }).click();
  const triage = operator.getByTestId('triage-form');
  await triage.getByRole('combobox', { name: 'Kategori' }).selectOption({ label: 'Jalan' });
  await triage.getByRole('combobox', { name: 'Kelurahan' }).selectOption({ label: 'Kelurahan Gambir' });
  await triage.getByRole('button', { name: 'Tetapkan dan teruskan' }).click();
  await expect(operator.getByTestId('action-message')).toBeVisible();
  await expect(operator.getByTestId('holder')).toHaveText('Kelurahan Gambir');
  await expect(operator.getByTestId('triage-form')).toHaveCount(0);

  // the lurah now has it in the queue
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await lurah.goto(`/petugas?q=${number}`);
  await expect(lurah.getByRole('link', { name: number })).toBeVisible();
});

test('a recycled after-photo is flagged with the matching ticket; the validator rejects it and the public timeline shows it', async ({ browser, page }) => {
  const recycled = await sharp(streetScene(9001)).jpeg({ quality: 85 }).toBuffer();
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  const followUpWith = async (number: string, photo: Buffer) => {
    await lurah.goto(`/petugas/laporan/${number}`);
    await lurah.getByTestId('action-terima').getByRole('button').click();
    await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');
    const followUp = lurah.getByTestId('action-tindak_lanjut');
    await followUp.getByLabel('Foto sesudah', { exact: true }).setInputFiles({ name: 'sesudah.jpg', mimeType: 'image/jpeg', buffer: photo });
    await followUp.getByRole('textbox').fill('Sudah diperbaiki.');
    await followUp.getByRole('button', { name: 'Laporkan tindak lanjut' }).click();
    await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');
  };
  const first = await fileReportInGambir(page);
  await followUpWith(first, recycled);
  const second = await fileReportInGambir(page);
  // the same picture, re-encoded and a little smaller
  await followUpWith(second, await sharp(recycled).resize(700).jpeg({ quality: 60 }).toBuffer());

  const validator = await signIn(browser, 'validator@aduan.test');
  await validator.goto('/petugas');
  await expect(validator.getByRole('row').filter({ hasText: second }).getByTestId('proof-flagged')).toBeVisible();
  await validator.goto(`/petugas/laporan/${second}`);
  const same = validator.getByTestId('proof-foto_sama');
  await expect(same).toContainText(`Foto sama dengan foto laporan ${first}`);
  await expect(same.getByRole('img')).toHaveCount(2);
  const reject = validator.getByTestId('action-validasi_tolak');
  await reject.getByRole('textbox').fill(`Foto sama dengan tindak lanjut laporan ${first}; kirim foto baru dari lokasi.`);
  await reject.getByRole('button').click();
  await expect(validator.getByTestId('action-message')).toHaveText('Tersimpan.');

  await page.goto(`/laporan/${second}`);
  await expect(page.getByText('Proses').first()).toBeVisible();
  await expect(page.getByText(`kirim foto baru dari lokasi`)).toBeVisible();

  // the full history lists every event in order, each with a running digest that stays the same on a later visit
  await page.getByRole('link', { name: 'Riwayat lengkap dan bukti tidak diubah' }).click();
  const history = page.getByTestId('history');
  await expect(history.getByRole('listitem')).toHaveCount(4); // filed, accepted, follow-up, rejected
  const digests = await history.getByTestId('digest').allTextContents();
  expect(new Set(digests).size).toBe(4);
  await page.reload();
  expect(await page.getByTestId('history').getByTestId('digest').allTextContents()).toEqual(digests);
});

test('an admin issues an Open311 key; another app files a request with it and reads it back', async ({ browser, request }) => {
  const admin = await signIn(browser, 'admin@aduan.test');
  await admin.goto('/petugas/atur');
  const issue = admin.getByTestId('issue-key');
  await issue.getByLabel('Pemilik kunci (aplikasi atau instansi)').fill('Aplikasi Warga Uji');
  await issue.getByRole('button', { name: 'Buat kunci' }).click();
  const key = (await admin.getByTestId('new-key').textContent())!.trim();
  expect(key).toMatch(/^adn_/);

  const refused = await request.post('/open311/v2/requests.json', { form: { service_code: 'jalan', lat: '-6.1754', long: '106.8272', description: 'Tanpa kunci.' } });
  expect(refused.status()).toBe(403);
  const filed = await request.post('/open311/v2/requests.json', {
    form: { api_key: key, service_code: 'pohon', lat: '-6.1754', long: '106.8272', description: 'Dahan pohon patah di trotoar dekat Monas.', email: 'app.uji@contoh.id' },
  });
  expect(filed.status()).toBe(200);
  const [{ service_request_id: id }] = await filed.json();
  const read = await (await request.get(`/open311/v2/requests/${id}.json`)).json();
  expect(read[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'pohon' });
  expect(JSON.stringify(read)).not.toContain('app.uji@contoh.id');
  const xml = await (await request.get(`/open311/v2/requests/${id}.xml`)).text();
  expect(xml).toContain(`<service_request_id>${id}</service_request_id>`);
});
