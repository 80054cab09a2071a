import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import sharp from 'sharp';
import { createDatabase, type Db } from '@/db/connect';
import * as schema from '@/db/schema';
import { setupDemoDatabase } from '@/db/setup';
import type { StaffUser } from '@/lib/auth/permissions';
import { issueApiKey } from '@/lib/open311/keys';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { streetScene } from '@/lib/testing/images';
import { intArg, parseArgs } from '../scripts/args';
import { startProxy, type RunningProxy } from '../scripts/proxy/nginx';
import { dropPageCache } from '../scripts/scale/processes';
import { benchPhoto, open311Submission, signIn } from './clients';
import { buildPhotoStore, measureChecks, measureLookups, pct } from './photo-store';
import { measureColdStart, type ColdStart } from './cold-start';
import { measurePages, type PageWeight } from './page-weight';
import { explainHotQueries, type QueryPlan } from './plans';
import { explainRegionPage, type RegionPagePlan } from './region-page';

// npm run bench -- --reports 2000000 --months 120 [--skip-generate] [--no-build] [--duration 10] [--connections 20]
//                  [--burst 60] [--flood 60] [--flood-rate 50] [--readers 1000] [--reader-rate 200] [--drain-wait 600] [--no-proxy]
// npm run bench -- --small   (50,000 reports, 2 s per scenario: checks that the whole bench still runs)
// Runs on PostgreSQL (BENCH_DATABASE_URL, default a fresh database "aduan_bench" on the local server),
// with the photo worker as its own process and nginx (deploy/nginx.conf) in front when installed.
// Every scenario's result is written to bench/results/ as it ends; a scenario that fails is a
// reported error, not the end of the run; every process the bench started is stopped, whatever happens.
const args = parseArgs(process.argv.slice(2));
const isSmall = args.has('small');
const reportsWanted = intArg(args, 'reports', isSmall ? 50_000 : 2_000_000);
const duration = intArg(args, 'duration', isSmall ? 2 : 10);
const connections = intArg(args, 'connections', 20);
const port = intArg(args, 'port', 3300);
const proxyPort = intArg(args, 'proxy-port', port + 80);
const burstSeconds = intArg(args, 'burst', isSmall ? 3 : 60);
const floodSeconds = intArg(args, 'flood', isSmall ? 3 : 60);
const floodRate = intArg(args, 'flood-rate', 50);
const readers = intArg(args, 'readers', isSmall ? 100 : 1000);
// 1,000 people with the portal open, each loading a page every five seconds
const readerRate = intArg(args, 'reader-rate', Math.round(readers / 5));
const drainWaitSeconds = intArg(args, 'drain-wait', isSmall ? 120 : 600);
// the follow-up photo check's store: synthetic window hashes of this many photos (bench/photo-store.ts)
const proofPhotos = intArg(args, 'proof-photos', isSmall ? 20_000 : 1_000_000);
const url = process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${isSmall ? 'aduan_bench_small' : 'aduan_bench'}`;
const STAFF = ['lurah.gambir@aduan.test', 'camat.gambir@aduan.test', 'walikota.pusat@aduan.test', 'binamarga.pusat@aduan.test'];

interface Row {
  scenario: string;
  rps: number;
  p50: number;
  p90: number;
  p95: number;
  p97_5: number;
  p99: number;
  avgBytes: number;
  maxBytes: number;
  errors: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  /** Answers that came from nginx's cache (X-Cache: HIT), for scenarios through the proxy. */
  cacheHits?: number;
  /** Stored photos (window hashes of) the follow-up photo check ran against, and its chance candidates per honest photo. */
  photoStore?: number;
  candidatesPerPhoto?: number;
}
interface Drain {
  label: string;
  /** Photos waiting in quarantine when the burst ended. */
  backlog: number;
  /** Seconds until none was waiting, or null when the wait ended first. */
  drainSeconds: number | null;
  /** Photos published per second while draining. */
  perSecond: number;
  /** Still waiting when the wait ended (0 when drained). */
  remaining: number;
  /** Photos that could not be processed (damaged), never shown. */
  unreadable: number;
}
interface Submissions {
  label: string;
  photoKb: number;
  acknowledged: number;
  /** Acknowledged ticket numbers found in the database afterwards. */
  present: number;
  /** Of those sent with a photo, reports that have it (in quarantine or published). */
  withPhoto: number;
}

const failures: string[] = [];
const results: {
  machine: string;
  startedAt: string;
  small: boolean;
  reports: number;
  events: number;
  generateSeconds: number | null;
  peakRssMb: number;
  workerPeakRssMb: number;
  proxy: boolean;
  coldStart: ColdStart | null;
  rows: Row[];
  submissions: Submissions[];
  drains: Drain[];
  pages: PageWeight[];
  plans: QueryPlan[];
  /** Every statement of the region page, on regions not queried before (cold), per level. */
  regionPages: Omit<RegionPagePlan, 'statements'>[];
  errors: { step: string; message: string }[];
  finished: boolean;
} = {
  machine: `${process.platform} ${process.arch}, ${cpus().length} cores, node ${process.version}`,
  startedAt: new Date().toISOString(),
  small: isSmall,
  reports: reportsWanted,
  events: 0,
  generateSeconds: null,
  peakRssMb: 0,
  workerPeakRssMb: 0,
  proxy: false,
  coldStart: null,
  rows: [],
  submissions: [],
  drains: [],
  pages: [],
  plans: [],
  regionPages: [],
  errors: [],
  finished: false,
};
mkdirSync('bench/results', { recursive: true });
const resultFile = `bench/results/${isSmall ? 'small-' : ''}${results.startedAt.replace(/[:.]/g, '-')}.json`;
const save = () => writeFileSync(resultFile, JSON.stringify(results, null, 2));

// ---- every process the bench starts is stopped, whatever happens ----
const started = new Set<ChildProcess>();
let proxy: RunningProxy | undefined;
let isStopping = false;
/** Each child leads a process group of its own (next start runs the app in a grandchild): all of it goes. */
function launch(command: string, argv: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  const child = spawn(command, argv, { ...options, detached: true });
  // and if this process is killed outright (SIGKILL, or its tsx wrapper ends it), a watchdog
  // outside it ends the group
  if (child.pid) spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -9 -${child.pid} 2>/dev/null`], { detached: true, stdio: 'ignore' }).unref();
  started.add(child);
  child.on('exit', () => started.delete(child));
  return child;
}
function killAll(signal: NodeJS.Signals) {
  for (const child of started) {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  }
}
async function stopEverything() {
  isStopping = true;
  await proxy?.stop().catch(() => {});
  killAll('SIGTERM');
  for (let i = 0; i < 50 && started.size > 0; i++) await new Promise((r) => setTimeout(r, 100));
  killAll('SIGKILL');
}
process.on('exit', () => killAll('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    results.errors.push({ step: 'bench', message: `stopped by ${signal}` });
    save();
    void stopEverything().then(() => process.exit(130));
  });
}
// A late failure of something already measured (a request finishing after its page closed) is
// written down, never the end of the run.
process.on('unhandledRejection', (reason) => record('unhandled', reason));
process.on('uncaughtException', (error) => record('uncaught', error));

function record(step: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  results.errors.push({ step, message });
  failures.push(`${step}: ${message}`);
  console.error(`[bench] ${step} failed: ${message}`);
  save();
}

/** Runs one step; a failure is recorded and the bench goes on. The results are saved after each. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    record(name, error);
    return undefined;
  } finally {
    save();
  }
}
async function scenario(row: Promise<Row>): Promise<void> {
  const done = await row;
  results.rows.push(done);
  console.log(`[bench] ${done.scenario}: ${Math.round(done.rps)}/s, p95 ${done.p95.toFixed(0)} ms, ${(done.avgBytes / 1024).toFixed(1)} KB${done.cacheHits !== undefined ? `, ${done.cacheHits} from the proxy's cache` : ''}`);
}

const sql = postgres(url, { max: 4, onnotice: () => {} });
const mediaDir = mkdtempSync(join(tmpdir(), 'aduan-bench-media-'));
let exitCode = 0;
try {
  await main();
} catch (error) {
  record('bench', error);
} finally {
  await stopEverything();
  await sql.end({ timeout: 5 }).catch(() => {});
  rmSync(mediaDir, { recursive: true, force: true });
  results.finished = true;
  save();
  report();
  for (const row of results.rows) if (row.errors > 0 || row.non2xx > 0) failures.push(`${row.scenario}: ${row.errors} errors, ${row.non2xx} non-2xx`);
  if (failures.length > 0) {
    console.error(`\nbench failed:\n  ${failures.join('\n  ')}`);
    exitCode = 1;
  }
}
process.exit(exitCode);

async function main() {
  if (!args.has('skip-generate')) {
    const admin = postgres(new URL('/postgres', url).toString(), { max: 1, onnotice: () => {} });
    const name = new URL(url).pathname.slice(1);
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const database = createDatabase({ url });
    const t0 = Date.now();
    await setupDemoDatabase(database, {
      reports: reportsWanted,
      months: intArg(args, 'months', 120),
      seed: intArg(args, 'seed', 1),
      log: (line) => console.log(`[bench] ${line}`),
    });
    results.generateSeconds = (Date.now() - t0) / 1000;
    await database.close();
    save();
  }

  const sample = (await sql<{ number: string }[]>`
    select number from reports where is_confidential = false order by random() limit 42000`).map((r) => r.number);
  // 2,000 tickets visited before the cached scenario; the rest are each visited once, uncached.
  const numbers = sample.slice(0, 2000);
  const coldNumbers = sample.slice(2000, 32000);
  const floodNumbers = sample.slice(32000);
  results.reports = (await sql<{ n: number }[]>`select count(*)::int as n from reports`)[0].n;
  results.events = (await sql<{ n: number }[]>`select count(*)::int as n from report_events`)[0].n;
  // An Open311 key for the submission scenarios (filed as an app would).
  const [admin] = await sql<{ id: number }[]>`select id from users where role = 'admin' limit 1`;
  const apiKey = await issueApiKey(drizzle(sql, { schema }) as unknown as Db, { id: admin.id, role: 'admin' } as StaffUser, 'bench', new Date());

  // The plans of the hot queries, taken from the portal's own query functions.
  await step('query plans', async () => {
    results.plans = await explainHotQueries(sql, { number: numbers[0], staffEmails: STAFF });
  });

  // The region page's SQL, cold: a kota, a kecamatan and a kelurahan nobody has asked for yet.
  await step('region page plans', async () => {
    for (const code of ['31.73', '31.74.03', '31.71.03.1001']) {
      const { statements, ...plan } = await explainRegionPage(sql, code);
      results.regionPages.push(plan);
      console.log(`[bench] region page ${code}: ${statements.length} statements, ${plan.executionMs.toFixed(1)} ms of SQL (first run ${plan.firstRunMs.toFixed(1)} ms with round trips)`);
    }
  });

  // Baselines: the ticket query straight through the driver, and a bare Node HTTP handler.
  await step('baseline: driver', async () => {
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      await sql`select r.*, c.name_id from reports r join categories c on c.code = r.category_code where r.number = ${numbers[i % numbers.length]}`;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    results.rows.push({ scenario: 'baseline: ticket SQL via driver (sequential)', rps: 1000 / (times.reduce((a, b) => a + b, 0) / times.length), p50: pct(times, 0.5), p90: pct(times, 0.9), p95: pct(times, 0.95), p97_5: pct(times, 0.975), p99: pct(times, 0.99), avgBytes: 0, maxBytes: 0, errors: 0, non2xx: 0, statusCounts: {} });
  });
  await step('photo check', () => measurePhotoCheck());
  await step('baseline: bare Node', async () => {
    const body = JSON.stringify({ ok: true, padding: 'x'.repeat(1400) });
    const bare = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
    try {
      await scenario(load('baseline: bare Node HTTP, 1.4 KB JSON', `http://127.0.0.1:${(bare.address() as AddressInfo).port}`, () => '/'));
    } finally {
      bare.close();
    }
  });

  const next = resolve('node_modules/.bin/next');
  if (!args.has('no-build')) {
    const build = spawnSync(next, ['build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
  }
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    // demo data, demo accounts: production otherwise refuses the published demo password
    ADUAN_DEMO: '1',
    // the photo worker runs as a process of its own, as in production
    ADUAN_WORKER: '0',
    ADUAN_TILE_URL: '',
    ADUAN_MEDIA_DIR: mediaDir,
    ADUAN_OPEN311_REQUESTS_PER_HOUR: '10000000',
    // `next start` is production, which refuses to start without the portal's address
    ADUAN_PUBLIC_URL: base,
    // nginx in front: the app believes its X-Forwarded-For
    ADUAN_TRUSTED_PROXIES: '127.0.0.1/32',
  };
  // pages an earlier run cached on disk were rendered from other data
  dropPageCache();
  const serverLog = join(mediaDir, 'server.log');
  const logFd = openSync(serverLog, 'w');
  const server = launch(next, ['start', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', logFd, logFd] });
  server.on('exit', (code, signal) => {
    if (isStopping) return;
    record('server', new Error(`next start exited (${code ?? signal}); last lines:\n${readFileSync(serverLog, 'utf8').trim().split('\n').slice(-20).join('\n')}`));
  });
  // Right after the start: how long the first visitors of the map and the dashboard wait.
  await step('cold start', async () => {
    results.coldStart = await measureColdStart(base);
    console.log(`[bench] first answers after the start: map ${results.coldStart.mapMs.toFixed(0)} ms, dashboard ${results.coldStart.dashboardMs.toFixed(0)} ms`);
  });
  await waitFor(`${base}/api/health`);
  // The photo worker yields the processor to the web server (nice 10, as deploy/ advises): in a
  // burst, acknowledging reports comes first and the backlog drains when the burst is over.
  const worker = launch('nice', ['-n', '10', resolve('node_modules/.bin/tsx'), 'scripts/worker.ts', '--interval', '1000'], {
    env,
    stdio: ['ignore', openSync(join(mediaDir, 'worker.log'), 'w'), openSync(join(mediaDir, 'worker.log'), 'a')],
  });
  const rss = setInterval(() => {
    results.peakRssMb = Math.max(results.peakRssMb, rssMb(server));
    results.workerPeakRssMb = Math.max(results.workerPeakRssMb, rssMb(worker));
  }, 250);

  const viewports = () => {
    const zoom = 10 + rand(8);
    const span = 0.6 / 2 ** (zoom - 10);
    const lng = 106.7 + Math.random() * 0.3;
    const lat = -6.35 + Math.random() * 0.25;
    return { zoom, bbox: [lng, lat, lng + span, lat + span * 0.6].map((x) => x.toFixed(5)).join(',') };
  };
  const categories = ['jalan', 'pohon', 'parkir-liar', 'sampah', 'pkl-liar'];
  // Warm-up: the map store loads; each of the 2,000 cached-scenario tickets is visited once.
  await step('warm-up', async () => {
    const warmStarted = Date.now();
    await fetch(`${base}/api/peta?bbox=106.6,-6.4,107,-6&zoom=10`);
    console.log(`[bench] map answered in ${((Date.now() - warmStarted) / 1000).toFixed(1)} s`);
    for (let i = 0; i < numbers.length; i += 8) {
      await Promise.all(numbers.slice(i, i + 8).map((n) => fetch(`${base}/laporan/${n}`).then((r) => r.arrayBuffer())));
    }
  });
  const mapPath = () => {
    const v = viewports();
    return `/api/peta?bbox=${v.bbox}&zoom=${v.zoom}`;
  };
  await step('map', () => scenario(load('map endpoint, random viewport/zoom', base, mapPath)));
  await step('map filtered', () => scenario(load('map endpoint, random viewport + category filter', base, () => `${mapPath()}&kategori=${categories[rand(5)]}`)));
  await step('ticket cached', () => scenario(load('ticket page, cached (one of 2,000 visited before)', base, () => `/laporan/${numbers[rand(numbers.length)]}`)));
  let cold = 0;
  await step('ticket first visit', () => scenario(load('ticket page, first visit of each ticket (rendered)', base, () => `/laporan/${coldNumbers[cold++ % coldNumbers.length]}`)));
  await step('list', () => scenario(load('list page, category filter', base, () => `/laporan?kategori=${categories[rand(5)]}`)));
  await step('region', () => scenario(load('region page (kecamatan)', base, () => `/wilayah/31.7${1 + rand(5)}.0${1 + rand(4)}`)));
  await step('dashboard warm-up', async () => {
    const dashStarted = Date.now();
    await fetch(`${base}/api/dasbor`);
    console.log(`[bench] dashboard figures answered in ${((Date.now() - dashStarted) / 1000).toFixed(1)} s`);
  });
  const dashRegions = ['', 'kota=31.71', 'kota=31.74', 'kota=31.75', 'kecamatan=31.71.01', 'kecamatan=31.74.05', 'kelurahan=31.71.01.1001'];
  const dashPeriods = ['', 'dari=2026-10-01&sampai=2026-10-31', 'dari=2025-01-01&sampai=2025-12-31', 'dari=2017-01-01&sampai=2026-12-31'];
  const dashQuery = () => [dashRegions[rand(dashRegions.length)], ['', ...categories][rand(6)] && `kategori=${categories[rand(5)]}`, dashPeriods[rand(dashPeriods.length)]].filter(Boolean).join('&');
  await step('dashboard figures', () => scenario(load('dashboard figures (JSON), random region/category/period', base, () => `/api/dasbor?${dashQuery()}`)));
  await step('dashboard page', () => scenario(load('dashboard page, random region/category/period', base, () => `/dasbor?${dashQuery()}`)));
  // Staff queue pages: signed-in officials of a kelurahan, a kecamatan, a kota and an agency.
  await step('staff queue', async () => {
    const sessions = await Promise.all(STAFF.map((email) => signIn(base, email, DEMO_PASSWORD)));
    // Four at once: officials open their queue now and then, not in crowds (the public pages get 20).
    await scenario(load('staff queue page (lurah, camat, walikota, agency; 4 at once)', base, () => ({ path: '/petugas', headers: { cookie: sessions[rand(sessions.length)] } }), duration, 4));
  });

  // The same public pages through the caching proxy (deploy/nginx.conf), as deployed.
  proxy = await step('proxy', () => startProxy({ port: proxyPort, upstreams: [base] }));
  results.proxy = proxy !== undefined;
  const front = proxy?.url ?? base;
  if (proxy) {
    // the tickets everybody opens on a flood day (shared in the news, on social media)
    const popular = numbers.slice(0, 50);
    await step('proxy: ticket popular', () => scenario(load('through nginx: ticket page, 50 popular tickets', front, () => `/laporan/${popular[rand(popular.length)]}`)));
    await step('proxy: ticket cached', () => scenario(load('through nginx: ticket page (one of 2,000)', front, () => `/laporan/${numbers[rand(numbers.length)]}`)));
    await step('proxy: map', () => scenario(load('through nginx: map endpoint, random viewport/zoom', front, mapPath)));
    await step('proxy: list', () => scenario(load('through nginx: list page, category filter', front, () => `/laporan?kategori=${categories[rand(5)]}`)));
    await step('proxy: dashboard page', () => scenario(load('through nginx: dashboard page, random region/category/period', front, () => `/dasbor?${dashQuery()}`)));
  }

  // Submissions last (they add reports): Open311 multipart, as the phone app files, through the
  // front door. A burst at full speed with the app's photo, a shorter one with a camera's own
  // 12-megapixel photo, one without a photo; after each burst the photo backlog drains.
  const appPhoto = await benchPhoto('app');
  const cameraPhoto = await benchPhoto('camera');
  let submitted = 0;
  const submission = (photo: Buffer | null) => () => {
    const { body, contentType } = open311Submission(apiKey, photo, submitted++);
    return { path: '/open311/v2/requests.json', method: 'POST' as const, body, headers: { 'content-type': contentType } };
  };
  for (const [label, photo, seconds] of [
    [`burst of submissions with the app's photo (${(appPhoto.length / 1024).toFixed(0)} KB, 2048 px), ${burstSeconds} s`, appPhoto, burstSeconds],
    [`burst of submissions with a 12-megapixel camera photo (${(cameraPhoto.length / 1024 / 1024).toFixed(1)} MB), ${Math.max(2, Math.round(burstSeconds / 4))} s`, cameraPhoto, Math.max(2, Math.round(burstSeconds / 4))],
    [`submissions without a photo, ${duration} s`, null, duration],
  ] as const) {
    await step(label, async () => {
      const filed: string[] = [];
      const row = await load(label, front, submission(photo), seconds, connections, undefined, filed);
      await scenario(Promise.resolve(row));
      await checkSubmissions(label, photo, filed);
    });
    if (photo) await step(`drain after: ${label}`, () => drain(label));
  }

  // Flood day: submissions with photos at a steady rate while a thousand residents watch the map,
  // open ticket pages (the new ones among them) and the list, all through the front door.
  await step('flood day', async () => {
    const filed: string[] = [];
    const readPaths = () => {
      const r = rand(10);
      if (r < 4) return mapPath();
      if (r < 6) return `/laporan/${floodNumbers[rand(floodNumbers.length)]}`;
      if (r < 8) return filed.length > 0 ? `/laporan/${filed[rand(filed.length)]}` : `/laporan/${numbers[rand(numbers.length)]}`;
      return `/laporan?kategori=${categories[rand(5)]}`;
    };
    const [writes, reads] = await Promise.all([
      load(`flood day: ${floodRate} submissions/s with the app's photo`, front, submission(appPhoto), floodSeconds, connections, floodRate, filed),
      load(`flood day: ${readers} readers (map, ticket pages, list), ${readerRate} requests/s in all`, front, readPaths, floodSeconds, readers, readerRate),
    ]);
    await scenario(Promise.resolve(writes));
    await scenario(Promise.resolve(reads));
    await checkSubmissions('flood day', appPhoto, filed);
  });
  await step('drain after: flood day', () => drain('flood day'));
  clearInterval(rss);

  await step('page weight', async () => {
    results.pages = await measurePages(base, ['/', `/laporan/${numbers[0]}`, '/laporan', '/dasbor']);
  });
}

/** Every acknowledged ticket number is in the database, with its photo when one was sent. */
/**
 * The follow-up photo check's added cost per photo against `proofPhotos` stored photos: the index
 * look-up alone for honest photos, and the whole check (fingerprint, look-up, a keypoint check per
 * chance candidate). Rows with no rate of their own: rps is 1000 / mean, as the driver baseline.
 */
async function measurePhotoCheck() {
  const store = await buildPhotoStore(url, proofPhotos);
  try {
    console.log(`[bench] photo store: ${proofPhotos.toLocaleString('en')} photos, built in ${store.buildSeconds.toFixed(0)} s`);
    const lookups = await measureLookups(store, isSmall ? 100 : 300);
    const photo = await sharp(await benchPhoto('app')).resize(1600).jpeg({ quality: 85 }).toBuffer();
    const standIn = await sharp(streetScene(6, 1600, 1200)).jpeg({ quality: 85 }).toBuffer();
    const checks = await measureChecks(store, photo, standIn, isSmall ? 10 : 100);
    const row = (scenario: string, times: number[], candidatesPerPhoto: number): Row => ({
      scenario, rps: 1000 / (times.reduce((a, b) => a + b, 0) / times.length), p50: pct(times, 0.5), p90: pct(times, 0.9), p95: pct(times, 0.95), p97_5: pct(times, 0.975), p99: pct(times, 0.99),
      avgBytes: 0, maxBytes: 0, errors: 0, non2xx: 0, statusCounts: {}, photoStore: proofPhotos, candidatesPerPhoto,
    });
    for (const done of [row('follow-up photo check: index look-up per honest photo', lookups.honestMs, lookups.candidatesPerPhoto), row('follow-up photo check: whole check per honest photo', checks.ms, checks.candidates)]) {
      results.rows.push(done);
      console.log(`[bench] ${done.scenario}: p50 ${done.p50.toFixed(0)} ms, p95 ${done.p95.toFixed(0)} ms, ${done.candidatesPerPhoto!.toFixed(3)} candidates per photo`);
    }
    if (lookups.copiesFound < lookups.copies) console.log(`[bench] photo check: ${lookups.copiesFound}/${lookups.copies} near copies found by the look-up`);
  } finally {
    await store.close();
  }
}

async function checkSubmissions(label: string, photo: Buffer | null, filed: string[]) {
  const [found] = await sql<{ present: number; with_photo: number }[]>`
    select count(*)::int as present,
           count(*) filter (where exists (select 1 from attachments a where a.report_id = r.id))::int as with_photo
    from reports r where r.number = any(${filed})`;
  results.submissions.push({ label, photoKb: photo ? Math.round(photo.length / 1024) : 0, acknowledged: filed.length, present: found.present, withPhoto: found.with_photo });
  console.log(`[bench] ${label}: ${filed.length} acknowledged, ${found.present} in the database${photo ? `, ${found.with_photo} with their photo` : ''}`);
  if (found.present < filed.length) failures.push(`${label}: ${filed.length - found.present} acknowledged submissions are missing`);
  if (photo && found.with_photo < filed.length) failures.push(`${label}: ${filed.length - found.with_photo} acknowledged photos are missing`);
}

/** Waits for the photo worker to empty the quarantine; reports the backlog and how long it took. */
async function drain(label: string) {
  const waiting = async () => (await sql<{ n: number; bad: number }[]>`
    select count(*) filter (where process_error is null)::int as n, count(*) filter (where process_error is not null)::int as bad
    from attachments where quarantined_at is not null`)[0];
  const first = await waiting();
  const t0 = Date.now();
  let now = first;
  while (now.n > 0 && Date.now() - t0 < drainWaitSeconds * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    now = await waiting();
  }
  const seconds = (Date.now() - t0) / 1000;
  const result: Drain = {
    label,
    backlog: first.n,
    drainSeconds: now.n === 0 ? seconds : null,
    perSecond: seconds > 0 ? (first.n - now.n) / seconds : 0,
    remaining: now.n,
    unreadable: now.bad,
  };
  results.drains.push(result);
  console.log(`[bench] photo backlog after ${label}: ${first.n}, ${now.n === 0 ? `drained in ${seconds.toFixed(0)} s` : `${now.n} still waiting after ${seconds.toFixed(0)} s`} (${result.perSecond.toFixed(1)} photos/s)`);
  if (now.bad > 0) failures.push(`${label}: ${now.bad} photos could not be processed`);
}

function report() {
  console.log(`\n${results.reports.toLocaleString('en')} reports · ${results.machine} · peak server RSS ${results.peakRssMb} MB, worker ${results.workerPeakRssMb} MB`);
  if (results.generateSeconds !== null) console.log(`data generation: ${results.generateSeconds.toFixed(0)} s`);
  if (results.coldStart) console.log(`first answers after the start: map ${results.coldStart.mapMs.toFixed(0)} ms, dashboard ${results.coldStart.dashboardMs.toFixed(0)} ms`);
  if (results.pages.length > 0) console.table(results.pages.map((p) => ({ ...p, jsGzipKb: +p.jsGzipKb.toFixed(1), htmlGzipKb: +p.htmlGzipKb.toFixed(1) })));
  const ms = (x: number | undefined) => +(x ?? NaN).toFixed(1);
  console.table(results.rows.map(({ statusCounts, ...r }) => ({ ...r, rps: Math.round(r.rps), p50: ms(r.p50), p90: ms(r.p90), p95: ms(r.p95), p97_5: ms(r.p97_5), p99: ms(r.p99), avgBytes: Math.round(r.avgBytes), statuses: JSON.stringify(statusCounts) })));
  if (results.submissions.length > 0) console.table(results.submissions);
  if (results.drains.length > 0) console.table(results.drains.map((d) => ({ ...d, perSecond: +d.perSecond.toFixed(1), drainSeconds: d.drainSeconds === null ? null : Math.round(d.drainSeconds) })));
  const seqScans = results.plans.filter((p) => p.bigSeqScans.length > 0);
  console.log(`\nhot query plans: ${results.plans.length}, with a sequential scan of a big table: ${seqScans.length}`);
  for (const p of seqScans) console.log(`  ${p.use}: seq scan on ${p.bigSeqScans.join(', ')}`);
  if (results.errors.length > 0) console.log(`\nerrors: ${results.errors.length}\n  ${results.errors.map((e) => `${e.step}: ${e.message}`).join('\n  ')}`);
  console.log(`written to ${resultFile}`);
}

/** Answers nginx served from its cache so far (its access log marks each request). */
function cacheHitCount(): number {
  if (!proxy?.accessLogFile) return 0;
  try {
    return readFileSync(proxy.accessLogFile, 'utf8').split('cache=HIT').length - 1;
  } catch {
    return 0;
  }
}

function rand(n: number) {
  return Math.floor(Math.random() * n);
}

type Request = { path: string; method?: 'GET' | 'POST'; body?: Buffer; headers?: Record<string, string> };

/**
 * Loads `target` for `seconds` with `clients` connections, each request from `next()`; at most
 * `rate` requests per second in all when given. Ticket numbers in Open311 answers go to `filed`.
 */
async function load(scenario: string, target: string, next: () => string | Request, seconds = duration, clients = connections, rate?: number, filed?: string[]): Promise<Row> {
  // autocannon reports fixed percentiles without p95: every response time is kept to compute it.
  const times: number[] = [];
  const statusCounts: Record<string, number> = {};
  let maxBytes = 0;
  const hitsBefore = target === proxy?.url ? cacheHitCount() : null;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target,
        connections: clients,
        duration: seconds,
        ...(rate ? { overallRate: rate } : {}),
        requests: [
          {
            setupRequest: (req) => {
              const r = next();
              return typeof r === 'string' ? { ...req, path: r } : { ...req, ...r, headers: { ...req.headers, ...r.headers } };
            },
            ...(filed
              ? {
                  onResponse: (status: number, body: string) => {
                    const number = status === 200 ? /"service_request_id"\s*:\s*"([A-Z0-9]+)"/.exec(body)?.[1] : undefined;
                    if (number) filed.push(number);
                  },
                }
              : {}),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, bytes, responseTime) => {
      times.push(responseTime);
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      maxBytes = Math.max(maxBytes, bytes);
    });
  });
  times.sort((a, b) => a - b);
  const latency = result.latency as unknown as Record<string, number>;
  return {
    scenario,
    rps: result.requests.average,
    p50: latency.p50,
    p90: latency.p90,
    p95: pct(times, 0.95) ?? 0,
    p97_5: latency.p97_5,
    p99: latency.p99,
    avgBytes: result.throughput.average / Math.max(result.requests.average, 1),
    maxBytes,
    errors: result.errors,
    non2xx: result.non2xx,
    statusCounts,
    ...(hitsBefore !== null ? { cacheHits: cacheHitCount() - hitsBefore } : {}),
  };
}

async function waitFor(address: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(address)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start: ${address}`);
}

/** Resident memory of a process and its children (next start runs the app in a child). */
function rssMb(child: ChildProcess): number {
  if (!child.pid) return 0;
  const pids = [child.pid, ...childPids(child.pid)];
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // exited
    }
  }
  return Math.round(kb / 1024);
}

function childPids(pid: number): number[] {
  try {
    const direct = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return direct.flatMap((p) => [p, ...childPids(p)]);
  } catch {
    return [];
  }
}
