import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../lib/reference/demo-users';
import { signIn } from './forms';

// An account is given a password someone else knows (the admin who made it, or `npm run
// admin:create`): its first sign-in opens only the password page, until it has chosen its own.
// Changing the password, or signing out, ends the account's sessions everywhere at once.

async function signInWith(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/masuk');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

test('an account on a one-time password must choose its own at first sign-in; nothing else opens before that', async ({ browser }) => {
  const admin = await signIn(browser, 'admin@aduan.test');
  await admin.goto('/petugas/akun');
  const form = admin.locator('form').filter({ has: admin.getByRole('button', { name: 'Buat akun' }) });
  await form.getByLabel('Email').fill('lurah.duripulo@aduan.test');
  await form.getByLabel('Nama').fill('Lurah Duri Pulo');
  await form.getByLabel('Peran').selectOption('lurah');
  await form.getByLabel('Kode wilayah').fill('31.71.01.1006');
  await form.getByLabel('Kata sandi awal').fill('sandi-dari-admin');
  await form.getByRole('button', { name: 'Buat akun' }).click();
  await expect(admin.getByTestId('account-message')).toHaveText('Tersimpan.');

  const lurah = await signInWith(browser, 'lurah.duripulo@aduan.test', 'sandi-dari-admin');
  await expect(lurah).toHaveURL(/\/petugas\/sandi$/);
  await expect(lurah.getByTestId('must-change-password')).toContainText('kata sandi sekali pakai');
  await expect(lurah.getByTestId('staff-name')).toHaveText('Lurah Duri Pulo');
  await expect(lurah.getByRole('link', { name: 'Antrean' })).toHaveCount(0);
  // typing a workspace address leads back to the password page
  for (const path of ['/petugas', '/petugas/instruksi', '/petugas/catat']) {
    await lurah.goto(path);
    await expect(lurah, path).toHaveURL(/\/petugas\/sandi$/);
  }
  // a second browser signed in with the same one-time password, to see its session end too
  const other = await signInWith(browser, 'lurah.duripulo@aduan.test', 'sandi-dari-admin');
  await expect(other).toHaveURL(/\/petugas\/sandi$/);

  // the admin's password cannot simply be kept
  await lurah.getByLabel('Kata sandi sekarang').fill('sandi-dari-admin');
  await lurah.getByLabel(/Kata sandi baru/).fill('sandi-dari-admin');
  await lurah.getByRole('button', { name: 'Ganti' }).click();
  await expect(lurah.getByTestId('password-message')).toHaveText('Kata sandi baru harus berbeda dari yang sekarang.');

  await lurah.getByLabel('Kata sandi sekarang').fill('sandi-dari-admin');
  await lurah.getByLabel(/Kata sandi baru/).fill('sandi-pilihan-lurah');
  await lurah.getByRole('button', { name: 'Ganti' }).click();
  await expect(lurah).toHaveURL(/\/masuk\?sandi=diganti$/);
  await expect(lurah.getByTestId('sessions-ended')).toContainText('Masuk lagi dengan kata sandi baru');

  // every session of the account has ended, the other browser's too
  await other.goto('/petugas/sandi');
  await expect(other).toHaveURL(/\/masuk$/);

  // the old password no longer opens anything; the new one opens the workspace
  const refused = await signInWith(browser, 'lurah.duripulo@aduan.test', 'sandi-dari-admin');
  await expect(refused.getByTestId('sign-in-error')).toContainText('Email atau kata sandi salah');
  await lurah.getByLabel('Email').fill('lurah.duripulo@aduan.test');
  await lurah.getByLabel('Kata sandi').fill('sandi-pilihan-lurah');
  await lurah.getByRole('button', { name: 'Masuk' }).click();
  await expect(lurah).toHaveURL(/\/petugas$/);
  await expect(lurah.getByTestId('queue')).toBeVisible();
  await expect(lurah.getByRole('link', { name: 'Antrean' })).toBeVisible();
});

test('signing out ends the account’s session in every browser at once', async ({ browser }) => {
  const office = await signIn(browser, 'lurah.menteng@aduan.test');
  const phone = await signIn(browser, 'lurah.menteng@aduan.test');
  await office.getByRole('button', { name: 'Keluar' }).click();
  await expect(office).toHaveURL(/\/masuk$/);
  await phone.goto('/petugas');
  await expect(phone).toHaveURL(/\/masuk$/);
  // signing in again works at once
  await phone.getByLabel('Email').fill('lurah.menteng@aduan.test');
  await phone.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await phone.getByRole('button', { name: 'Masuk' }).click();
  await expect(phone.getByTestId('queue')).toBeVisible();
});
