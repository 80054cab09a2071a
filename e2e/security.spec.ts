import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { DEMO_PASSWORD } from '../lib/reference/demo-users';
import { fixtureNumbers } from './fixture';
import { pickKelurahan, signIn } from './forms';
import { appRoutes } from './routes';

// Reports filed here count against their own client address, not the shared one of the other
// browser tests (ten reports an hour per address).
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.22' } });

const FOREIGN_ORIGIN = 'https://penyerang.example';

/** Records every CSP violation the page reports, from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${location.pathname}: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

async function fileReportInGambir(page: Page, description: string): Promise<string> {
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#4f6b2f' } }).jpeg().toBuffer();
  await page.goto('/lapor');
  await page.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
  await page.getByLabel('Uraian masalah').fill(description);
  await page.getByLabel('Foto (opsional, 1–3)').setInputFiles({ name: 'jalan.jpg', mimeType: 'image/jpeg', buffer: photo });
  await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
  await page.getByRole('radio', { name: /Publik/ }).check();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  return (await page.getByTestId('ticket-number').textContent())!.trim();
}

test('every response carries the security headers; HSTS only behind TLS', async ({ request }) => {
  const n = fixtureNumbers();
  for (const path of ['/', `/laporan/${n.publicReport}`, '/api/laporan', '/open311/v2/services.json', '/masuk', '/petugas', '/tidak-ada']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const h = response.headers();
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy'], path).toContain("script-src 'self' 'unsafe-inline'");
    expect(h['content-security-policy'], path).not.toContain('unsafe-eval');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['x-frame-options'], path).toBe('DENY');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    // the e2e server is production over plain HTTP: no HSTS
    expect(h['strict-transport-security'], path).toBeUndefined();
  }
  const behindTls = await request.get('/', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(behindTls.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
});

test('the pages work under the CSP: browsing, the map, filing a report, the staff workspace, with no violation', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const violations = await watchCsp(page);
  const n = fixtureNumbers();
  for (const path of ['/', '/laporan', `/laporan/${n.publicReport}`, `/laporan/${n.publicReport}/riwayat`, '/wilayah/31.71.01', '/dasbor', '/kanal', '/skm', '/skm/kel-31.71.01.1001', '/ikuti', '/lacak']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  // the map drew its boundaries with Leaflet (inline styles) and the dashboard its charts
  await page.goto('/');
  await expect(page.locator('.leaflet-container path').first()).toBeAttached();
  const number = await fileReportInGambir(page, 'Lubang besar di jalan depan sekolah, sudah dua minggu tidak ditutup.');
  expect(number).toMatch(/^JK\d{10}$/);

  const lurah = await signIn(browser, 'lurah.gambir@aduan.test');
  const staffViolations = await watchCsp(lurah);
  await lurah.goto(`/petugas/laporan/${number}`);
  await lurah.getByTestId('action-terima').getByRole('button').click();
  await expect(lurah.getByTestId('action-message')).toHaveText('Tersimpan.');
  await lurah.goto('/petugas');
  await lurah.goto('/petugas/sandi');
  const admin = await signIn(browser, 'admin@aduan.test');
  const adminViolations = await watchCsp(admin);
  for (const path of ['/petugas/atur', '/petugas/akun', '/petugas/outbox', '/petugas/catat']) {
    await admin.goto(path);
    await admin.waitForLoadState('networkidle');
  }
  expect([...violations, ...staffViolations, ...adminViolations]).toEqual([]);

  // and the policy does bite: a script or an image from elsewhere is refused
  await page.goto('/');
  await page.evaluate((origin) => {
    const script = document.createElement('script');
    script.src = `${origin}/curi.js`;
    document.body.append(script);
    const img = document.createElement('img');
    img.src = `${origin}/piksel.png`;
    document.body.append(img);
  }, FOREIGN_ORIGIN);
  await expect.poll(() => violations.filter((v) => v.includes('penyerang.example')).length).toBeGreaterThanOrEqual(2);
});

/**
 * Submits a form in the browser but keeps its request from the server (a server action's, or the POST to
 * `upload`, a route the page sends the form to), so that a test can replay it as it likes (the
 * real action id and body, built by the real page).
 */
async function captureAction(page: Page, path: string, fill: () => Promise<void>, upload?: string) {
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(`**${upload ?? path}`, async (route) => {
    const r = route.request();
    if (r.method() !== 'POST' || (!upload && !r.headers()['next-action'])) return route.continue();
    captured = { url: r.url(), headers: r.headers(), body: r.postDataBuffer()! };
    // answered, not dropped: a dropped request would be queued by the form and sent again later
    await route.fulfill({ status: 503, contentType: 'text/plain', body: 'ditahan' });
  });
  await page.goto(path);
  await fill();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unrouteAll();
  return captured!;
}

test('server actions and the report upload route refuse a call from another origin: no sign-in, no report', async ({ page, request }) => {
  const replay = (call: { url: string; headers: Record<string, string>; body: Buffer }, origin: string) =>
    request.fetch(call.url, { method: 'POST', headers: { ...call.headers, origin }, data: call.body, maxRedirects: 0 });

  const signInCall = await captureAction(page, '/masuk', async () => {
    await page.getByLabel('Email').fill('admin@aduan.test');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
  });
  const foreignSignIn = await replay(signInCall, FOREIGN_ORIGIN);
  expect(foreignSignIn.status()).toBeGreaterThanOrEqual(400);
  expect((await foreignSignIn.headersArray()).some((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('session-token'))).toBe(false);

  const marker = `Serangan lintas asal ${Date.now()}: laporan ini tidak boleh tersimpan.`;
  const reportCall = await captureAction(page, '/lapor', async () => {
    await page.getByRole('combobox', { name: 'Kategori' }).selectOption('jalan');
    await page.getByLabel('Uraian masalah').fill(marker);
    await pickKelurahan(page, 'Jakarta Pusat', 'Gambir', 'Gambir');
    await page.getByRole('radio', { name: /Publik/ }).check();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
  }, '/api/laporan/kirim');
  // the form's upload route (for its progress bar) refuses another origin as the action does
  expect((await replay(reportCall, FOREIGN_ORIGIN)).status()).toBe(403);
  expect(await (await request.get('/api/laporan.csv?kelurahan=31.71.01.1001')).text()).not.toContain(marker);

  // the very same requests from our own origin do work: the refusals above are the Origin check
  const origin = new URL(reportCall.url).origin;
  const ownSignIn = await replay(signInCall, origin);
  expect((await ownSignIn.headersArray()).some((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('session-token'))).toBe(true);
  expect((await replay(reportCall, origin)).status()).toBe(200);
  expect(await (await request.get('/api/laporan.csv?kelurahan=31.71.01.1001')).text()).toContain(marker);
});

test('the client address of the limits is what the trusted proxy says, never a header the client picks', async ({ browser }) => {
  // The server trusts 127.0.0.1 as a proxy (scripts/e2e-server.ts). The survey does not count a
  // second answer from one client address to one unit within a day (lib/skm/survey.ts), so the
  // published respondent count shows which address the server took.
  const unit = '/skm/kel-31.71.01.1002';
  const answer = async (headers: Record<string, string>, scale: string) => {
    const context = await browser.newContext({ extraHTTPHeaders: headers });
    const page = await context.newPage();
    await page.goto(unit);
    const form = page.getByTestId('skm-form');
    for (const fieldset of await form.getByRole('group').all()) {
      const choice = fieldset.getByRole('radio', { name: scale, exact: true });
      if (await choice.count()) await choice.check();
    }
    await form.getByRole('button', { name: 'Kirim jawaban' }).click();
    await expect(page.getByTestId('skm-message')).toHaveText('Terima kasih, jawaban Anda tersimpan.');
    const respondents = Number(await page.getByTestId('skm-respondents').first().textContent());
    await context.close();
    return respondents;
  };
  const start = await answer({ 'X-Forwarded-For': '203.0.113.61' }, 'Sesuai');
  // the same client again, from a new browser: forging the peer header and hops further left
  // changes nothing, the right-most hop the proxy wrote is the client; not counted
  expect(await answer({ 'X-Aduan-Peer': '198.51.100.61', 'X-Forwarded-For': '198.51.100.62, 203.0.113.61' }, 'Sangat sesuai')).toBe(start);
  // another client behind the same proxy is counted
  expect(await answer({ 'X-Forwarded-For': '203.0.113.62' }, 'Kurang sesuai')).toBe(start + 1);
});

test('the session cookie is httpOnly and SameSite, and Secure behind TLS', async ({ browser }) => {
  for (const behindTls of [false, true]) {
    const context = await browser.newContext(behindTls ? { extraHTTPHeaders: { 'X-Forwarded-Proto': 'https' } } : {});
    const page = await context.newPage();
    await page.goto('/masuk');
    await page.getByLabel('Email').fill('camat.gambir@aduan.test');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/masuk'));
    await page.getByRole('button', { name: 'Masuk' }).click();
    const cookies = (await (await answer).headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
    const session = cookies.find((c) => /session-token=/.test(c));
    expect(session, `session cookie (${behindTls ? 'TLS' : 'plain HTTP'})`).toBeTruthy();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    if (behindTls) expect(session).toMatch(/^__Secure-.*;\s*Secure/i);
    await context.close();
  }
});

test('every staff URL with a ticket or photo id refuses another jurisdiction; settings and accounts are for admins', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const description = 'Saluran air tersumbat sampah plastik di Gambir, air meluap ke jalan.';
  const number = await fileReportInGambir(page, description);
  // the photo is public once the photo worker has re-encoded it
  let photoId = '';
  await expect.poll(async () => (photoId = /\/api\/foto\/(\d+)/.exec(await (await page.request.get(`/laporan/${number}`)).text())?.[1] ?? ''), { timeout: 15_000 }).not.toBe('');
  const ids: Record<string, string> = { nomor: number, id: photoId };

  const owner = await signIn(browser, 'lurah.gambir@aduan.test');
  const other = await signIn(browser, 'lurah.menteng@aduan.test');
  const staffRoutes = appRoutes().filter((r) => r.isStaff && r.methods.includes('GET') && /\[\w+\]/.test(r.pattern));
  expect(staffRoutes.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/petugas/laporan/[nomor]', '/api/petugas/foto/[id]']));
  for (const route of staffRoutes) {
    const url = route.pattern.replace(/\[(\w+)\]/g, (_m, name: string) => {
      expect(ids[name], `no probe value for [${name}] in ${route.pattern}`).toBeDefined();
      return ids[name];
    });
    const refused = await other.request.get(url);
    expect([200, 403, 404], url).toContain(refused.status());
    const body = await refused.text();
    expect(body.includes(description), `${url} shows the ticket to another jurisdiction`).toBe(false);
    if (route.pattern.startsWith('/api/')) expect(refused.status(), url).toBe(404);
  }
  // the owner does see them (so the probes above can fail)
  expect(await (await owner.request.get(`/petugas/laporan/${number}`)).text()).toContain(description);
  expect((await owner.request.get(`/api/petugas/foto/${photoId}`)).status()).toBe(200);

  // an action form of the other lurah's own ticket, pointed at this ticket: refused, nothing written
  await other.goto('/petugas');
  const ownTicket = (await other.getByTestId('queue').getByRole('link', { name: /^JK\d{10}$/ }).first().textContent())!.trim();
  await other.goto(`/petugas/laporan/${ownTicket}`);
  const note = other.getByTestId('action-catatan');
  await note.locator('input[name="nomor"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), number);
  const intrusion = `Catatan penyusup ${Date.now()}`;
  await note.getByRole('textbox').fill(intrusion);
  await note.getByRole('button').click();
  // the answer is the one for a ticket that does not exist, and the ticket stays hidden
  await expect(other).toHaveURL(new RegExp(`/petugas/laporan/${number}\\?pesan=tidak_ditemukan`));
  await expect(other.getByTestId('refused')).toBeVisible();
  await expect(other.getByText(description)).toHaveCount(0);
  expect(await (await owner.request.get(`/petugas/laporan/${number}`)).text()).not.toContain(intrusion);

  // admins alone manage accounts, settings and API keys
  for (const path of ['/petugas/akun', '/petugas/atur']) {
    await other.goto(path);
    await expect(other.getByTestId('refused'), path).toBeVisible();
  }
});
