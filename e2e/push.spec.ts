import { expect, test, type BrowserContext } from '@playwright/test';
import sharp from 'sharp';
import { startPushTestService, type PushTestService } from '../lib/testing/push-service';
import { pickKelurahan, signIn } from './forms';
import { workerControls } from './service-worker';

// Push end to end: a citizen turns notifications on from the tracking page, an official acts on
// the ticket, the outbox worker sends through a local Web Push service (web-push-testing, started
// here), which decrypts what arrived. Chromium cannot subscribe here: in Playwright's contexts
// (incognito) it refuses the Push API ("Registration failed - permission denied"), and with a
// persistent profile pushManager.subscribe waits for the browser vendor's push service, which is
// out of reach without internet. So the page's PushManager hands out a subscription made at the
// local service instead; everything after it,
// the POST to the server, the server's checks, the outbox and the encryption, is the real path.
// The service worker's handlers get the received payload through DevTools' push delivery.

test.use({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.57' } });

let service: PushTestService;
test.beforeAll(async () => {
  service = await startPushTestService();
});
test.afterAll(async () => {
  await service?.close();
});

/** The page's PushManager subscribes at the local test service (kept in sessionStorage across reloads). */
async function useLocalPushService(context: BrowserContext) {
  await context.exposeFunction('__subscribeAtTestService', (key: string) => service.subscribe(key));
  await context.addInitScript(() => {
    const w = window as unknown as { __subscribeAtTestService(key: string): Promise<{ endpoint: string; keys: Record<string, string>; clientHash: string }> };
    const toBase64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const asSubscription = (json: { endpoint: string; keys: Record<string, string>; key: string }) => ({
      endpoint: json.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: fromBase64Url(json.key).buffer },
      toJSON: () => ({ endpoint: json.endpoint, expirationTime: null, keys: json.keys }),
      unsubscribe: async () => (sessionStorage.removeItem('push-test'), true),
    });
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = toBase64Url(new Uint8Array(options!.applicationServerKey as ArrayBuffer));
      const made = await w.__subscribeAtTestService(key);
      const json = { endpoint: made.endpoint, keys: made.keys, key, clientHash: made.clientHash };
      sessionStorage.setItem('push-test', JSON.stringify(json));
      return asSubscription(json) as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      const stored = sessionStorage.getItem('push-test');
      return (stored ? asSubscription(JSON.parse(stored)) : null) as unknown as PushSubscription;
    };
  });
}


test('a citizen turns on push for their report and gets the status change an official makes; turning it off stops it', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['notifications']);
  await useLocalPushService(context);
  const page = await context.newPage();
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
  await page.getByLabel('Uraian masalah').fill('Lubang besar di Jalan Tanah Abang II, membahayakan pengendara motor.');
  await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
  await page.getByLabel('Nomor HP').fill('081298765432');
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();
  const link = (await page.getByTestId('tracking-link').getAttribute('href'))!;
  const key = new URL(link, 'http://x').searchParams.get('kunci')!;

  await page.goto(link);
  await workerControls(page);
  const optIn = page.getByTestId('push-opt-in');
  await expect(optIn).toContainText('tidak lagi dikirim lewat SMS');
  await expect(page.getByTestId('push-state')).toHaveAttribute('data-state', 'off');
  const subscribed = page.waitForResponse((r) => r.url().endsWith(`/api/lacak/${number}/push`) && r.request().method() === 'POST');
  await optIn.getByTestId('push-enable').click();
  expect((await subscribed).status()).toBe(200);
  await expect(page.getByTestId('push-state')).toHaveAttribute('data-state', 'on');
  const { clientHash } = await page.evaluate(() => JSON.parse(sessionStorage.getItem('push-test')!));

  // an official accepts the ticket: the status change is pushed by the worker
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  await expect(lurah.getByTestId('push-opt-in')).toBeVisible();
  await lurah.goto(`/petugas/laporan/${number}`);
  await lurah.getByTestId('action-terima').getByRole('button').click();
  await expect(lurah.getByTestId('action-terima')).toHaveCount(0);
  await expect.poll(() => service.messages(clientHash), { timeout: 20_000 }).toHaveLength(1);
  const [payload] = (await service.messages(clientHash)) as { title: string; body: string; url: string; tag: string }[];
  expect(payload).toEqual({ title: `Laporan ${number}`, body: 'Status sekarang: Proses.', url: `/lacak/${number}?kunci=${key}`, tag: `aduan-${number}` });

  // the service worker shows it (DevTools delivers the same payload to its push handler)
  const cdp = await context.newCDPSession(page);
  const registered = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => !r.isDeleted && r.scopeURL.endsWith('/'));
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registered;
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(page.url()).origin, registrationId, data: JSON.stringify(payload) });
  await expect
    .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => [n.title, n.body, n.data?.url])))
    .toEqual([[`Laporan ${number}`, 'Status sekarang: Proses.', `/lacak/${number}?kunci=${key}`]]);

  // on again after a reload; then off: removed on the server and in the browser
  await page.reload();
  await expect(page.getByTestId('push-state')).toHaveAttribute('data-state', 'on');
  await page.getByTestId('push-disable').click();
  await expect(page.getByTestId('push-state')).toHaveAttribute('data-state', 'off');
  expect(await page.evaluate(() => sessionStorage.getItem('push-test'))).toBeNull();
  // the next status change (a follow-up, now waiting for validation) is not pushed any more
  const followUp = lurah.getByTestId('action-tindak_lanjut');
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#5a6a5a' } }).jpeg().toBuffer();
  await followUp.getByLabel('Foto sesudah', { exact: true }).setInputFiles({ name: 'sesudah.jpg', mimeType: 'image/jpeg', buffer: photo });
  await followUp.getByRole('textbox').fill('Lubang sudah ditambal.');
  await followUp.getByRole('button', { name: 'Laporkan tindak lanjut' }).click();
  await expect(lurah.getByTestId('action-tindak_lanjut')).toHaveCount(0);
  await page.waitForTimeout(3_000); // six rounds of the e2e server's outbox worker
  expect(await service.messages(clientHash)).toHaveLength(1);
  await context.close();
});

test('officials without a queue of their own are not offered push', async ({ browser }) => {
  const validator = await signIn(browser, 'validator@aduan.test');
  await expect(validator.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(validator.getByTestId('push-opt-in')).toHaveCount(0);
});
