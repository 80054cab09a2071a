import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { streetScene } from '../lib/testing/images';
import { pickKelurahan, signIn } from './forms';
import { workerControls } from './service-worker';

// Offline drafts and queue, and upload progress (issue 25). Until the service worker lands a page
// cannot be loaded offline, so every page here is opened online first; "closed and opened again"
// is a new page of the same browser profile (IndexedDB is kept) opened once the signal is back.
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.91' } });

const photo = async (seed: number) => ({ name: `foto-${seed}.jpg`, mimeType: 'image/jpeg', buffer: await sharp(streetScene(seed, 2000, 1500)).jpeg({ quality: 95 }).toBuffer() });

async function fillReport(page: Page, description: string, seed: number) {
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
  await page.getByLabel('Uraian masalah').fill(description);
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles(await photo(seed));
  // made ready (lighter, where it helps) in the browser
  await expect(page.getByTestId('photo-size')).toBeVisible();
  await expect(page.getByTestId('photo-size')).not.toContainText('diperkecil');
  await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
  await page.getByRole('radio', { name: /Publik/ }).check();
}


/** How many public reports of Gambir carry this text (the CSV export has every one). */
async function filedCount(context: BrowserContext, text: string): Promise<number> {
  const csv = await (await context.request.get('/api/laporan.csv?kelurahan=31.71.01.1001')).text();
  return csv.split(text).length - 1;
}

test('a report written offline waits on the phone, survives a reload and a lost answer, and is filed once', async ({ context, page }) => {
  test.setTimeout(120_000);
  const first = `Antrean luring ${Date.now()}: jalan amblas di depan pasar, ditulis tanpa sinyal.`;
  await page.goto('/lapor');
  // the signal goes once the form has loaded and the app is on the phone (its service worker
  // keeps the form's scripts; a phone loses the signal later, not within the same second)
  await page.waitForLoadState('networkidle');
  await workerControls(page);
  await context.setOffline(true);
  await fillReport(page, first, 81);
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const waiting = page.getByTestId('queue-waiting');
  await expect(waiting).toContainText('Menunggu sinyal — akan dikirim otomatis');
  await expect(waiting.getByTestId('queue-item')).toHaveCount(1);
  await expect(waiting.getByTestId('queue-item')).toContainText(first.slice(0, 40));
  await expect(waiting.getByTestId('queue-item')).toContainText('1 foto');
  // the form is empty again, for another report
  await expect(page.getByLabel('Uraian masalah')).toHaveValue('');

  // The signal comes back but the server's answer is lost on the way: the report is filed, the
  // phone does not know it and keeps it queued. The page is reloaded: it is still queued, and the
  // next try's answer is lost as well. (When the signal returns, the page and the service
  // worker's Background Sync may both try, one after the other: each answer is lost here.)
  let delivered = 0;
  await context.route('**/api/laporan/kirim', async (route) => {
    await route.fetch();
    delivered++;
    await route.abort('connectionreset');
  });
  await context.setOffline(false);
  await expect.poll(() => delivered).toBeGreaterThanOrEqual(1);
  await expect(waiting.getByTestId('queue-item')).toContainText('dicoba lagi otomatis');
  const beforeReload = delivered;
  await page.reload();
  await expect.poll(() => delivered).toBeGreaterThan(beforeReload);
  await expect(page.getByTestId('queue-waiting').getByTestId('queue-item')).toContainText(first.slice(0, 40));
  await expect(page.getByTestId('queue-waiting').getByTestId('queue-item')).toContainText('dicoba lagi otomatis');
  await page.close();
  await context.unrouteAll();

  // opened again with a working connection: sent again, answered with the same one ticket
  const again = await context.newPage();
  await again.goto('/lapor');
  const number = (await again.getByTestId('queue-number').textContent())!.trim();
  expect(number).toMatch(/^JK\d{10}$/);
  await expect(again.getByTestId('queue-tracking-link')).toHaveAttribute('href', new RegExp(`^/lacak/${number}\\?kunci=`));
  await expect(again.getByTestId('queue-waiting')).toHaveCount(0);
  expect(await filedCount(context, first)).toBe(1);
  const tracked = await context.request.get((await again.getByTestId('queue-tracking-link').getAttribute('href'))!);
  expect(await tracked.text()).toContain(first);

  // a second report: offline, then the connection returns while the page is open (the online event)
  const second = `Antrean luring ${Date.now()}: lampu jalan mati, terkirim saat sinyal kembali.`;
  await context.setOffline(true);
  await fillReport(again, second, 82);
  await again.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(again.getByTestId('queue-waiting')).toContainText(second.slice(0, 40));
  await context.setOffline(false);
  await expect(again.getByTestId('queue-sent-item').filter({ hasText: second.slice(0, 40) }).getByTestId('queue-number')).toHaveText(/^JK\d{10}$/);
  await expect(again.getByTestId('queue-waiting')).toHaveCount(0);
  expect(await filedCount(context, second)).toBe(1);
  // closed by the citizen once seen
  await again.getByTestId('queue-sent-item').first().getByRole('button', { name: 'Tutup' }).click();
  await expect(again.getByTestId('queue-sent-item')).toHaveCount(1);
});

test('with the app closed, the service worker sends the queued report when the browser syncs (Background Sync)', async ({ context, page }) => {
  test.setTimeout(120_000);
  const text = `Sinkron latar ${Date.now()}: pohon tumbang menutup jalan, dikirim saat aplikasi tertutup.`;
  await page.goto('/lapor');
  await page.waitForLoadState('networkidle');
  await workerControls(page);
  await context.setOffline(true);
  await fillReport(page, text, 86);
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(page.getByTestId('queue-waiting').getByTestId('queue-item')).toContainText(text.slice(0, 40));
  // the page asked the browser for a sync of the queue
  await expect
    .poll(() => page.evaluate(async () => ((await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { sync: { getTags(): Promise<string[]> } }).sync.getTags()))
    .toContain('aduan-antrean');
  // the citizen closes the app; the signal comes back later
  await page.close();
  await context.setOffline(false);
  expect(await filedCount(context, text)).toBe(0);

  // the browser fires the sync (here by DevTools, as the browser does when it sees a connection),
  // with no page of the form open: a page without the queue keeps the worker's origin alive
  const other = await context.newPage();
  await other.goto('/lacak');
  const cdp = await context.newCDPSession(other);
  const registration = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const live = registrations.find((r) => !r.isDeleted && r.scopeURL.startsWith(new URL(other.url()).origin));
      if (live) resolve(live.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: new URL(other.url()).origin, registrationId: await registration, tag: 'aduan-antrean', lastChance: false });
  await expect.poll(() => filedCount(context, text), { timeout: 60_000 }).toBe(1);

  // opened again: the report is there with its number, sent once
  await other.goto('/lapor');
  const sent = other.getByTestId('queue-sent-item').filter({ hasText: text.slice(0, 40) });
  await expect(sent.getByTestId('queue-number')).toHaveText(/^JK\d{10}$/);
  await expect(other.getByTestId('queue-waiting')).toHaveCount(0);
  expect(await filedCount(context, text)).toBe(1);
});

test("a map that cannot load (the signal dropped before its script came) leaves the form working", async ({ context, page }) => {
  // the pin map's script fails as on a dropped connection; every other script loads
  await context.route('**/_next/static/chunks/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('onPick') && body.includes('latlng')) return route.abort('internetdisconnected');
    return route.fulfill({ response, body });
  });
  await page.goto('/lapor');
  await expect(page.getByTestId('pin-map-unavailable')).toContainText('Peta tidak dapat dimuat');
  const text = `Peta gagal dimuat ${Date.now()}: saluran air meluap ke jalan.`;
  await fillReport(page, text, 87);
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^JK\d{10}$/);
});

test('the upload shows its real progress up to 100 %', async ({ page }) => {
  test.setTimeout(90_000);
  // every value the progress bar takes, however briefly
  await page.addInitScript(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('#unggah-kemajuan');
      if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
  await page.goto('/lapor');
  const text = `Kemajuan unggah ${Date.now()}: trotoar retak panjang di depan kantor pos.`;
  await fillReport(page, text, 83);
  // a slow mobile upload (about 0.8 Mbit/s), so that the body goes out over a few seconds
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 500_000, uploadThroughput: 100_000 });
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(page.getByRole('progressbar', { name: /Kemajuan unggahan laporan/ })).toBeVisible();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^JK\d{10}$/, { timeout: 60_000 });
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(seen.some((v) => v > 0 && v < 100), `values seen: ${seen.join(', ')}`).toBe(true);
  expect(Math.max(...seen)).toBe(100);
});

test("a field crew's follow-up written offline shows its state and arrives once", async ({ browser }) => {
  test.setTimeout(150_000);
  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  const context = lurah.context();
  // a ticket of the lurah's, accepted
  await lurah.goto('/lapor');
  await fillReport(lurah, `Tindak lanjut luring ${Date.now()}: selokan tersumbat sampah.`, 84);
  await lurah.getByRole('button', { name: 'Kirim laporan' }).click();
  const number = (await lurah.getByTestId('ticket-number').textContent())!.trim();
  await lurah.goto(`/petugas/laporan/${number}`);
  await lurah.getByTestId('action-terima').getByRole('button').click();
  await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');
  await lurah.waitForLoadState('networkidle');

  const note = `Selokan sudah dibersihkan ${Date.now()}.`;
  await context.setOffline(true);
  const followUp = lurah.getByTestId('action-tindak_lanjut');
  await followUp.getByLabel('Foto sesudah', { exact: true }).setInputFiles(await photo(85));
  await expect(followUp.getByTestId('after-photo-sizes')).toContainText('foto-85.jpg');
  await followUp.getByRole('textbox').fill(note);
  await followUp.getByRole('button', { name: 'Laporkan tindak lanjut' }).click();
  await expect(lurah.getByTestId('follow-up-queued')).toBeVisible();
  const item = lurah.getByTestId('follow-up-item');
  await expect(item).toContainText(number);
  await expect(item.getByTestId('follow-up-state')).toHaveText('menunggu dikirim');

  await context.setOffline(false);
  await expect(item.getByTestId('follow-up-state')).toHaveText('terkirim');
  // the page shows the ticket as it is now: the follow-up once in its history
  await lurah.reload();
  await expect(lurah.getByTestId('action-tindak_lanjut')).toHaveCount(0);
  await expect(lurah.getByText(note, { exact: true })).toHaveCount(1);
  await expect(lurah.getByTestId('follow-up-item').getByTestId('follow-up-state')).toHaveText('terkirim');
});
