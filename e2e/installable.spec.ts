import { expect, test, type APIRequestContext } from '@playwright/test';
import { fixtureNumbers } from './fixture';
import { pickKelurahan, signIn } from './forms';
import { workerControls } from './service-worker';

// The portal as an app on the phone: the web app manifest, its icons, and the service worker
// (lib/pwa/sw.ts) that keeps the report form, the tracker and ticket pages for offline use.


/** Width and height from a PNG's IHDR chunk, after checking the signature. */
async function pngSize(request: APIRequestContext, src: string): Promise<string> {
  const response = await request.get(src);
  expect(response.status(), src).toBe(200);
  expect(response.headers()['content-type'], src).toBe('image/png');
  const bytes = await response.body();
  expect(bytes.subarray(0, 8).toString('hex'), src).toBe('89504e470d0a1a0a');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the portal is installable: a valid manifest with its icons, and a service worker that controls the page', async ({ page, request }) => {
  await page.goto('/laporan');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = JSON.parse(await response.text());
  expect(manifest).toMatchObject({
    name: 'Aduan Jakarta',
    short_name: 'Aduan',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    lang: 'id',
    theme_color: '#0f3d5e',
  });
  expect(manifest.description).toContain('Laporkan');
  expect(manifest.shortcuts.map((s: { name: string; url: string }) => [s.name, s.url])).toEqual([
    ['Buat laporan', '/lapor'],
    ['Lacak tiket', '/lacak'],
  ]);
  for (const url of [manifest.start_url, ...manifest.shortcuts.map((s: { url: string }) => s.url)]) {
    expect((await request.get(url)).status(), url).toBe(200);
  }

  // every icon is a PNG of the size it declares, and launchers find the sizes they look for
  const icons: { src: string; sizes: string; purpose?: string }[] = manifest.icons;
  for (const icon of icons) expect(await pngSize(request, icon.src), icon.src).toBe(icon.sizes);
  const has = (sizes: string, purpose: string) => icons.some((i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose));
  expect([has('192x192', 'any'), has('512x512', 'any'), has('512x512', 'maskable')]).toEqual([true, true, true]);
  const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(await pngSize(request, appleIcon!)).toBe('180x180');
  // the site icon next to it, served (the router must not take /-/icon.svg for a page)
  const siteIcon = await request.get((await page.locator('link[rel="icon"]').getAttribute('href'))!);
  expect([siteIcon.status(), siteIcon.headers()['content-type']]).toEqual([200, 'image/svg+xml']);

  // the worker may control the whole site although it is served from /serwist/
  const worker = await request.get('/serwist/sw.js');
  expect(worker.headers()['service-worker-allowed']).toBe('/');
  expect(worker.headers()['content-type']).toMatch(/javascript/);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/serwist\/sw\.js$/);

  // and Chromium reads the manifest without complaint and finds nothing missing for installing,
  // but for the test browser's private window
  const cdp = await page.context().newCDPSession(page);
  const { errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

test('offline after a first visit: the form, the tracker and a seen ticket open; other pages say they are offline', async ({ page, context }) => {
  const { publicReport } = fixtureNumbers();
  await page.goto(`/laporan/${publicReport}`);
  await workerControls(page);
  // the worker controls this page now: the next visit is the one it keeps
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: publicReport })).toBeVisible();

  await context.setOffline(true);
  try {
    // never visited, cached when the worker was installed; its scripts come from the precache
    await page.goto('/lapor');
    await expect(page.getByRole('heading', { name: 'Buat laporan' })).toBeVisible();
    await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
    await expect(page.getByRole('combobox', { name: 'Kelurahan' })).toHaveValue('31.71.01.1001');
    // each copy of the form from the cache has a token of its own, so two reports are never taken for one
    const token = () => page.locator('input[name="formToken"]').inputValue();
    const first = await token();
    await page.reload();
    expect(await token()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await token()).not.toBe(first);

    await page.goto('/lacak');
    await expect(page.getByLabel(/Nomor tiket/)).toBeVisible();

    await page.goto(`/laporan/${publicReport}`);
    await expect(page.getByRole('heading', { level: 1, name: publicReport })).toBeVisible();

    for (const path of ['/dasbor', '/laporan', `/laporan/${publicReport}/riwayat`]) {
      await page.goto(path);
      await expect(page.getByTestId('offline-page'), path).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: 'Anda sedang offline' })).toBeVisible();
    }
  } finally {
    await context.setOffline(false);
  }
  // back online, the network answers again
  await page.goto('/dasbor');
  await expect(page.getByTestId('offline-page')).toHaveCount(0);
});

test('after switching language, the pages kept for offline use are in the new language', async ({ page, context }) => {
  await page.goto('/');
  await workerControls(page);
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // the worker fetches its offline pages again, now in English
  const keptOffline = () =>
    page.evaluate(async () => {
      const name = (await caches.keys()).find((key) => key.startsWith('aduan-pages-'));
      const response = name ? await (await caches.open(name)).match('/luring') : undefined;
      return response ? (await response.text()).includes('You are offline') : false;
    });
  await expect.poll(keptOffline).toBe(true);

  await context.setOffline(true);
  try {
    await page.goto('/dasbor');
    await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
    await page.goto('/lapor');
    await expect(page.getByRole('heading', { name: 'File a report' })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});

test('staff pages are never kept by the service worker', async ({ browser }) => {
  const page = await signIn(browser, 'lurah.gambir@aduan.test');
  await workerControls(page);
  await page.goto('/petugas');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });
  // the caches were read: the form is there
  expect(cached).toContain('/lapor');
  expect(cached.filter((path) => /^\/(?:(?:id|en)\/)?(?:petugas|masuk|api)(?:\/|$)/.test(path))).toEqual([]);

  await page.context().setOffline(true);
  try {
    await page.goto('/petugas');
    await expect(page.getByTestId('offline-page')).toBeVisible();
    await expect(page.getByTestId('queue-row')).toHaveCount(0);
  } finally {
    await page.context().setOffline(false);
  }
  await page.context().close();
});
