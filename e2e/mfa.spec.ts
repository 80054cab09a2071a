import { expect, test, type Browser, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { signIn } from './forms';

// Failed codes here count against their own client address, not the one the other tests share.
const OWN_ADDRESS = { extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.61' } };
const EMAIL = 'validator.dua@aduan.test';
const FIRST_PASSWORD = 'sandi-awal-validator';
const PASSWORD = 'sandi-validator-dua';

/** What the official's authenticator app shows, `ahead` seconds from now (the same library the server uses). */
const appCode = (secret: string, aheadSeconds = 0) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + aheadSeconds * 1000 });

async function passwordStep(browser: Browser, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext(OWN_ADDRESS)).newPage();
  await page.goto('/masuk');
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel('Kode verifikasi').fill(code);
  await page.getByRole('button', { name: 'Verifikasi' }).click();
}

test('a validator must enrol a second factor before working, then signs in with a code or a recovery code (each once)', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await signIn(browser, 'admin@aduan.test');
  await admin.goto('/petugas/akun');
  const form = admin.locator('form').filter({ has: admin.getByRole('button', { name: 'Buat akun' }) });
  await form.getByLabel('Email').fill(EMAIL);
  await form.getByLabel('Nama').fill('Validator Dua');
  await form.getByLabel('Peran').selectOption('validator');
  await form.getByLabel('Kata sandi awal').fill(FIRST_PASSWORD);
  await form.getByRole('button', { name: 'Buat akun' }).click();
  await expect(admin.getByTestId('account-message')).toHaveText('Tersimpan.');

  // the admin's first password is used once: it is changed first (which ends the session), then
  // the password alone opens only the enrolment page, whatever address is asked for
  const first = await passwordStep(browser, FIRST_PASSWORD);
  await expect(first).toHaveURL(/\/petugas\/sandi$/);
  await first.getByLabel('Kata sandi sekarang').fill(FIRST_PASSWORD);
  await first.getByLabel(/Kata sandi baru/).fill(PASSWORD);
  await first.getByRole('button', { name: 'Ganti' }).click();
  await expect(first.getByTestId('sessions-ended')).toBeVisible();
  const page = await passwordStep(browser);
  await expect(page).toHaveURL(/\/petugas\/keamanan$/);
  await expect(page.getByTestId('mfa-required')).toBeVisible();
  await page.goto('/petugas');
  await expect(page).toHaveURL(/\/petugas\/keamanan$/);
  await page.goto('/petugas/atur');
  await expect(page).toHaveURL(/\/petugas\/keamanan$/);

  await page.getByRole('button', { name: 'Mulai pendaftaran' }).click();
  await expect(page.getByTestId('totp-qr')).toHaveAttribute('src', /^data:image\/png;base64,/);
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('Kode dari aplikasi').fill('000000');
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  await expect(page.getByTestId('mfa-error')).toContainText('Kode salah');
  await page.getByLabel('Kode dari aplikasi').fill(appCode(secret));
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
  expect(new Set(codes).size).toBe(10);
  await page.getByRole('link', { name: 'Lanjut ke ruang kerja' }).click();
  await expect(page).toHaveURL(/\/petugas$/);
  await expect(page.getByTestId('staff-name')).toHaveText('Validator Dua');

  // another browser: the right password gives no session, only the code step
  const second = await passwordStep(browser);
  await expect(second.getByTestId('code-step')).toBeVisible();
  const early = await second.context().request.get('/petugas', { maxRedirects: 0 });
  expect(early.status()).toBe(307);
  expect(early.headers().location).toMatch(/\/masuk$/);
  await codeStep(second, '000000');
  await expect(second.getByTestId('sign-in-error')).toContainText('Kode salah');
  // the enrolment used the current step's code: the app's next one
  await codeStep(second, appCode(secret, 30));
  await expect(second).toHaveURL(/\/petugas$/);
  await expect(second.getByTestId('staff-name')).toHaveText('Validator Dua');

  // a lost phone: a recovery code signs in once
  const third = await passwordStep(browser);
  await codeStep(third, codes[0]);
  await expect(third).toHaveURL(/\/petugas$/);
  const fourth = await passwordStep(browser);
  await codeStep(fourth, codes[0]);
  await expect(fourth.getByTestId('sign-in-error')).toContainText('Kode salah');
  await codeStep(fourth, codes[1].toLowerCase());
  await expect(fourth).toHaveURL(/\/petugas$/);
  await fourth.goto('/petugas/keamanan');
  await expect(fourth.getByTestId('codes-left')).toHaveText('Kode pemulihan yang belum dipakai: 8.');
  // the role requires it: no way to turn it off here
  await expect(fourth.getByTestId('remove-mfa')).toHaveCount(0);

  // the admin resets it (phone and codes lost): the password leads to enrolment again
  await admin.goto('/petugas/akun');
  await expect(admin.getByTestId(`mfa-${EMAIL}`)).toContainText('dua langkah: aktif');
  await admin.getByTestId(`mfa-${EMAIL}`).getByRole('button', { name: 'Atur ulang verifikasi dua langkah' }).click();
  await expect(admin.getByTestId('account-message')).toContainText('diatur ulang');
  await expect(admin.getByTestId(`mfa-${EMAIL}`)).toContainText('dua langkah: belum aktif');
  const fifth = await passwordStep(browser);
  await expect(fifth).toHaveURL(/\/petugas\/keamanan$/);
  await expect(fifth.getByTestId('mfa-required')).toBeVisible();
  // the admin's switch for every role is on the settings page, off by default (the integration
  // tests turn it on: here it would lock every other browser test's demo account out)
  await admin.goto('/petugas/atur');
  await expect(admin.getByTestId('mfa-setting').getByRole('checkbox', { name: 'Wajibkan untuk semua peran' })).not.toBeChecked();
});
