import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { eq, like } from 'drizzle-orm';
import postgres from 'postgres';
import sharp from 'sharp';
import { createDatabase } from '@/db/connect';
import { enqueueNotification } from '@/db/queries/outbox';
import { loadStaffUser } from '@/db/queries/staff';
import { outbox, users } from '@/db/schema';
import { setupDemoDatabase } from '@/db/setup';
import { statusLabel } from '@/lib/i18n';
import { issueApiKey } from '@/lib/open311/keys';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { startLocalS3 } from '@/lib/testing/s3';
import { intArg, parseArgs } from './args';
import { startProxy, type RunningProxy } from './proxy/nginx';
import { startGateway } from './scale/gateway';
import { measureScaling } from './scale/measure';
import { checkProxy } from './scale/proxy-checks';
import { crash, ensureBuild, start, stopAll, waitForHealth, waitUntil, type Started } from './scale/processes';

// npm run scale:check [-- --port 3400 --bound 2000 --build --measure]
// Two app instances and two workers as plain processes on one PostgreSQL (DATABASE_URL's server,
// in a database of its own) and a local S3-compatible store, checked as a user would notice:
// a report filed through A is visible with its photo through B; B's public lists come from its
// read replica while its ticket pages come from the primary; a status change through B reaches
// A's cached ticket page within the bound; a worker killed mid-job leaves the job to another,
// which delivers it once. Then the caching proxy (deploy/nginx.conf, nginx) in front of both:
// nobody gets another's private page, changes show through it, languages and the cache work.
// Ends with "N passed, N failed".
const args = parseArgs(process.argv.slice(2));
const port = intArg(args, 'port', 3400);
const BOUND_MS = intArg(args, 'bound', 2_000);
const LEASE_MS = 4_000;
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = 'aduan_scale_check';
const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();
// B's DATABASE_READ_URL: a copy of the database taken before the checks, i.e. a replica that has
// fallen behind. What B lists from it shows which reads go to the replica and which to the primary.
const replicaName = `${dbName}_replika`;
const replicaUrl = Object.assign(new URL(serverUrl), { pathname: `/${replicaName}` }).toString();
const [A, B] = [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`];
const MONAS = { lat: -6.1754, lng: 106.8272 };

const results: { name: string; ok: boolean; detail: string }[] = [];
async function check(name: string, run: () => Promise<string>) {
  try {
    const detail = await run();
    results.push({ name, ok: true, detail });
    console.log(`  ✓ ${name}${detail ? ` (${detail})` : ''}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, detail });
    console.log(`  ✗ ${name}\n      ${detail.split('\n').join('\n      ')}`);
  }
}
function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
const get = (url: string) => fetch(url, { redirect: 'manual' });
const text = async (url: string) => (await get(url)).text();

console.log(`== scale check: app A ${A}, app B ${B}, PostgreSQL database ${dbName}, bound ${BOUND_MS} ms`);
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
for (const name of [dbName, replicaName]) await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.unsafe(`create database ${dbName}`);
let database = createDatabase({ url: dbUrl, maxConnections: 3 });
const s3 = await startLocalS3({ port: port + 2 });
const gateway = await startGateway(port + 3, 'TAHAN');
const mediaDirs = [mkdtempSync(join(tmpdir(), 'aduan-scale-a-')), mkdtempSync(join(tmpdir(), 'aduan-scale-b-'))];
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
const launchBrowser = async () =>
  (browser ??= await chromium.launch({ executablePath: ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)), args: ['--no-sandbox', '--disable-gpu'] }));
let proxy: RunningProxy | undefined;
let lurah: Awaited<ReturnType<NonNullable<typeof browser>['newPage']>> | undefined;

try {
  await setupDemoDatabase(database, { reports: 400, months: 2, seed: 7 });
  const [adminUser] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@aduan.test'));
  const apiKey = await issueApiKey(database.db, (await loadStaffUser(database.db, adminUser.id))!, 'Uji skala', new Date());
  await database.close(); // a template must have no sessions
  await admin.unsafe(`create database ${replicaName} template ${dbName}`);
  database = createDatabase({ url: dbUrl, maxConnections: 3 });

  const secret = randomBytes(32).toString('hex');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    // demo data, demo accounts: production otherwise refuses the published demo password
    ADUAN_DEMO: '1',
    DATABASE_URL: dbUrl,
    AUTH_SECRET: secret,
    ADUAN_SECRET: secret,
    ...s3.env,
    ADUAN_SKIP_MIGRATE: '1',
    ADUAN_WORKER: '0',
    ADUAN_TILE_URL: '',
    // Polling alone would take ten minutes here: only the change signal can meet the bound.
    ADUAN_MAP_REFRESH_SECONDS: '600',
    ADUAN_SMS_GATEWAY_URL: gateway.url,
    ADUAN_OUTBOX_LEASE_MS: String(LEASE_MS),
    ADUAN_ESCALATION_INTERVAL_MS: '3600000',
    ADUAN_ALERT_INTERVAL_MS: '3600000',
    // production refuses to start without it; each app instance below names its own
    ADUAN_PUBLIC_URL: `http://127.0.0.1:${port}`,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  ensureBuild(env, args.has('build'));
  const next = resolve('node_modules/.bin/next');
  const tsx = resolve('node_modules/.bin/tsx');
  const app = (name: string, p: number, mediaDir: string, extra: Record<string, string> = {}) =>
    start(name, next, ['start', '-p', String(p), '-H', '127.0.0.1'], { ...env, ADUAN_MEDIA_DIR: mediaDir, ADUAN_PUBLIC_URL: `http://127.0.0.1:${p}`, ...extra });
  const worker = (name: string) => start(name, tsx, ['scripts/worker.ts', '--interval', '200'], env);
  const appA = app('app-a', port, mediaDirs[0]);
  const appB = app('app-b', port + 1, mediaDirs[1], { DATABASE_READ_URL: replicaUrl });
  await Promise.all([waitForHealth(appA, A), waitForHealth(appB, B)]);
  const w1 = worker('worker-1');
  console.log('== two app instances and a worker are up');

  // ---------------------------------------------------------------- filed through A, seen through B
  let number = '';
  await check('a report filed through A with a photo is visible through B with its photo', async () => {
    const before = await (await get(`${B}/api/dasbor`)).json();
    const form = new FormData();
    for (const [k, v] of Object.entries({ api_key: apiKey, service_code: 'jalan', lat: String(MONAS.lat), long: String(MONAS.lng), description: 'Uji skala: jalan berlubang di depan Monas.' })) form.set(k, v);
    const jpeg = await sharp({ create: { width: 1000, height: 700, channels: 3, background: '#8a6d3b' } }).jpeg().toBuffer();
    form.set('media', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'lubang.jpg');
    const filed = await fetch(`${A}/open311/v2/requests.json`, { method: 'POST', body: form });
    expect(filed.status === 201 || filed.status === 200, `A answered ${filed.status}: ${await filed.clone().text()}`);
    number = ((await filed.json()) as { service_request_id: string }[])[0].service_request_id;
    const filedAt = Date.now();
    const page = await text(`${B}/laporan/${number}`);
    expect(page.includes(number), `B's page of ${number} does not show it`);
    // the photo waits in quarantine until a worker has re-encoded it; then B's page shows it
    let photoId: string | undefined;
    await waitUntil(`B's page of ${number} to show its photo`, async () => Boolean((photoId = /\/api\/foto\/(\d+)/.exec(await text(`${B}/laporan/${number}`))?.[1])), BOUND_MS + 5_000, 100);
    const photoShown = Date.now() - filedAt;
    const photo = await get(`${B}/api/foto/${photoId}`);
    expect(photo.ok && photo.headers.get('content-type')?.startsWith('image/'), `B answered ${photo.status} for the photo`);
    const meta = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
    expect((meta.width ?? 0) > 0, 'the photo from B is not an image');
    const onDisk = mediaDirs.map((d) => readdirSync(d, { recursive: true }).length);
    expect(onDisk.every((n) => n === 0), `photos were written to an instance's own disk (${onDisk.join(', ')} files)`);
    // B's dashboard figures count it without waiting for their ten-minute poll
    const t0 = Date.now();
    await waitUntil('B\'s figures to count the new report', async () => (await (await get(`${B}/api/dasbor`)).json()).overall.reports === before.overall.reports + 1, BOUND_MS + 3_000, 100);
    const figures = Date.now() - t0;
    expect(figures <= BOUND_MS, `B's figures took ${figures} ms`);
    return `${number}, photo ${meta.width}×${meta.height} from S3 through B ${photoShown} ms after the filing answered (worker); B's figures counted it ${figures} ms after`;
  });

  await check('B reads public lists from its lagging replica, and ticket pages from the primary', async () => {
    expect(number, 'no report was filed');
    const listed = async (base: string) =>
      ((await (await get(`${base}/api/laporan?urut=terbaru&per_halaman=50`)).json()) as { reports: { number: string }[] }).reports.some((r) => r.number === number);
    expect(await listed(A), `A (no replica) does not list ${number}`);
    expect(!(await listed(B)), `B listed ${number}, which its lagging replica does not have: the list did not come from DATABASE_READ_URL`);
    expect((await get(`${B}/laporan/${number}`)).status === 200, `B's ticket page of ${number} is not read from the primary`);
    return `the new report is in A's list and B's ticket page, not yet in B's replica-served list`;
  });

  // ---------------------------------------------------------------- changed through B, A's cache follows
  await check(`a status change through B invalidates A's cached ticket page and map within ${BOUND_MS} ms`, async () => {
    expect(number, 'no report was filed');
    const [waiting, inProgress] = [statusLabel('menunggu', 'id'), statusLabel('proses', 'id')];
    await get(`${A}/laporan/${number}`);
    const cached = await get(`${A}/laporan/${number}`);
    const cachedPage = await cached.text();
    expect(cached.headers.get('x-nextjs-cache') === 'HIT', `A's ticket page is not served from its page cache (${cached.headers.get('x-nextjs-cache')})`);
    expect(cachedPage.includes(waiting) && !cachedPage.includes(inProgress), `A's page does not show "${waiting}" before the change`);
    const bbox = [MONAS.lng - 0.001, MONAS.lat - 0.001, MONAS.lng + 0.001, MONAS.lat + 0.001].join(',');
    const mapStatus = async () => {
      const answer = (await (await get(`${A}/api/peta?bbox=${bbox}&zoom=19`)).json()) as { features: { kind: string; number?: string; status?: string }[] };
      return answer.features.find((f) => f.number === number)?.status;
    };
    await waitUntil(`A's map to show ${number} as waiting`, async () => (await mapStatus()) === 'menunggu', BOUND_MS, 100);

    lurah = await (await (await launchBrowser()).newContext({ baseURL: B, locale: 'id-ID' })).newPage();
    await lurah.goto('/masuk');
    await lurah.getByLabel('Email').fill('lurah.gambir@aduan.test');
    await lurah.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await lurah.getByRole('button', { name: 'Masuk' }).click();
    await lurah.waitForURL(/\/petugas$/);
    await lurah.goto(`/petugas/laporan/${number}`);
    await lurah.getByTestId('action-terima').getByRole('button').click();
    await lurah.getByTestId('action-message').filter({ hasText: 'Tersimpan.' }).waitFor();
    const t0 = Date.now();
    await waitUntil(`A's ticket page to show "${inProgress}"`, async () => (await text(`${A}/laporan/${number}`)).includes(inProgress), BOUND_MS + 5_000, 100);
    const page = Date.now() - t0;
    await waitUntil(`A's map to show ${number} in progress`, async () => (await mapStatus()) === 'proses', BOUND_MS + 5_000, 100);
    const map = Date.now() - t0;
    expect(page <= BOUND_MS && map <= BOUND_MS, `A followed after ${page} ms (page) and ${map} ms (map)`);
    return `A's page after ${page} ms, its map after ${map} ms`;
  });

  await check('a staff session signed in through B is served by A (stateless JWT)', async () => {
    expect(lurah, 'nobody signed in through B');
    await lurah.goto(`${A}/petugas/laporan/${number}`);
    expect(!lurah.url().includes('/masuk'), `A sent the signed-in lurah to ${lurah.url()}`);
    await lurah.getByTestId('holder').waitFor();
    return 'the lurah opens the ticket in the staff workspace of A without signing in again';
  });

  // ---------------------------------------------------------------- the caching proxy in front of both
  await check('nginx starts in front of A and B with the rules of deploy/nginx.conf', async () => {
    proxy = await startProxy({ port: port + 4, upstreams: [A, B] });
    return `${proxy.url}, pid ${proxy.pid}`;
  });
  if (proxy) await checkProxy({ check, proxy, A, B, browser: launchBrowser, boundMs: BOUND_MS });

  // ---------------------------------------------------------------- a worker dies mid-job
  let w2: Started | undefined;
  await check('a worker killed mid-job leaves its job to the other, which runs it once', async () => {
    const [job] = [await enqueueNotification(database.db, { kind: 'sms', recipient: '+6281200000001', body: 'TAHAN: laporan Anda sedang diproses.' })];
    await waitUntil('worker 1 to start delivering', async () => gateway.received('TAHAN') === 1, 15_000);
    w2 = worker('worker-2');
    await crash(w1);
    gateway.stopHolding();
    const t0 = Date.now();
    const row = await waitUntil(
      'the job to be delivered by worker 2',
      async () => {
        const [r] = await database.db.select().from(outbox).where(eq(outbox.id, job.id));
        return r.status === 'sent' && r;
      },
      LEASE_MS + 20_000,
      200,
    );
    expect(gateway.delivered('TAHAN') === 1, `delivered ${gateway.delivered('TAHAN')} times`);
    expect(row.attempts === 2, `the row records ${row.attempts} attempts (the cut-off one and the delivery)`);
    return `worker 1 killed holding it; worker 2 delivered it once, ${Date.now() - t0} ms later (lease ${LEASE_MS} ms)`;
  });

  await check('two workers share a queue of 40 jobs: each is delivered exactly once', async () => {
    expect(w2, 'worker 2 did not start');
    const w3 = worker('worker-3');
    await new Promise((r) => setTimeout(r, 1_500));
    for (let i = 0; i < 40; i++) await enqueueNotification(database.db, { kind: 'sms', recipient: `+62812000010${String(i).padStart(2, '0')}`, body: `[ANTRE-${i}] pemberitahuan` });
    await waitUntil(
      'all 40 jobs to be sent',
      async () => (await database.db.select({ status: outbox.status }).from(outbox).where(like(outbox.body, '[ANTRE-%'))).every((r) => r.status === 'sent'),
      30_000,
      200,
    );
    const twice = Array.from({ length: 40 }, (_, i) => i).filter((i) => gateway.received(`[ANTRE-${i}]`) !== 1);
    expect(twice.length === 0, `jobs ${twice.join(', ')} were not delivered exactly once`);
    const sentBy = (p: Started) => p.output.map((l) => Number(/sent (\d+)/.exec(l)?.[1] ?? 0)).reduce((a, b) => a + b, 0);
    return `worker 2 sent ${sentBy(w2)}, worker 3 sent ${sentBy(w3)}`;
  });

  if (args.has('measure') && number) {
    console.log('== load: one instance against two (--measure)');
    const city = 'bbox=106.68,-6.38,106.98,-6.08&zoom=12';
    await measureScaling([A, B], [`/laporan/${number}`, `/api/peta?${city}`, '/api/dasbor', '/api/laporan?per_halaman=20'], [appA.child.pid!, appB.child.pid!]);
  }
} finally {
  await proxy?.stop();
  await browser?.close();
  await stopAll();
  await gateway.close();
  await s3.stop();
  await database.close();
  for (const name of [dbName, replicaName]) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
  for (const d of mediaDirs) rmSync(d, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(`\nscale: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
