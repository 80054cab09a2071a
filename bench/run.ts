import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { createDatabase, type Db } from '@/db/connect';
import * as schema from '@/db/schema';
import { setupDemoDatabase } from '@/db/setup';
import type { StaffUser } from '@/lib/auth/permissions';
import { issueApiKey } from '@/lib/open311/keys';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { intArg, parseArgs } from '../scripts/args';
import { benchPhoto, open311Submission, signIn } from './clients';
import { measurePages, type PageWeight } from './page-weight';
import { explainHotQueries, type QueryPlan } from './plans';

// npm run bench -- --reports 2000000 --months 120 [--skip-generate] [--no-build] [--duration 10] [--connections 20]
// npm run bench -- --small   (50,000 reports, 2 s per scenario: checks that the whole bench still runs)
// Runs on PostgreSQL (BENCH_DATABASE_URL, default a fresh database "aduan_bench" on the local server).
const args = parseArgs(process.argv.slice(2));
const isSmall = args.has('small');
const reportsWanted = intArg(args, 'reports', isSmall ? 50_000 : 2_000_000);
const duration = intArg(args, 'duration', isSmall ? 2 : 10);
const connections = intArg(args, 'connections', 20);
const port = intArg(args, 'port', 3300);
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
}
const failures: string[] = [];
const results: {
  machine: string;
  reports: number;
  events: number;
  generateSeconds: number | null;
  peakRssMb: number;
  rows: Row[];
  pages: PageWeight[];
  plans: QueryPlan[];
} = {
  machine: `${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores, node ${process.version}`,
  reports: reportsWanted,
  events: 0,
  generateSeconds: null,
  peakRssMb: 0,
  rows: [],
  pages: [],
  plans: [],
};

if (!args.has('skip-generate')) {
  const admin = postgres(new URL('/postgres', url).toString(), { max: 1, onnotice: () => {} });
  const name = new URL(url).pathname.slice(1);
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const database = createDatabase({ url });
  const started = Date.now();
  await setupDemoDatabase(database, {
    reports: reportsWanted,
    months: intArg(args, 'months', 120),
    seed: intArg(args, 'seed', 1),
    log: (line) => console.log(`[bench] ${line}`),
  });
  results.generateSeconds = (Date.now() - started) / 1000;
  await database.close();
}

const sql = postgres(url, { max: 4, onnotice: () => {} });
const sample = (await sql<{ number: string }[]>`
  select number from reports where is_confidential = false order by random() limit 42000`).map((r) => r.number);
// 2,000 tickets visited before the cached scenario; the rest are each visited once, uncached.
const numbers = sample.slice(0, 2000);
const coldNumbers = sample.slice(2000);
results.reports = (await sql<{ n: number }[]>`select count(*)::int as n from reports`)[0].n;
results.events = (await sql<{ n: number }[]>`select count(*)::int as n from report_events`)[0].n;
// An Open311 key for the submission scenario (filed as an app would).
const [admin] = await sql<{ id: number }[]>`select id from users where role = 'admin' limit 1`;
const apiKey = await issueApiKey(drizzle(sql, { schema }) as unknown as Db, { id: admin.id, role: 'admin' } as StaffUser, 'bench', new Date());

// The plans of the hot queries, taken from the portal's own query functions.
results.plans = await explainHotQueries(sql, { number: numbers[0], staffEmails: STAFF });

// Baselines: the ticket query straight through the driver, and a bare Node HTTP handler.
const driverTimes: number[] = [];
for (let i = 0; i < 2000; i++) {
  const t0 = performance.now();
  await sql`select r.*, c.name_id from reports r join categories c on c.code = r.category_code where r.number = ${numbers[i % numbers.length]}`;
  driverTimes.push(performance.now() - t0);
}
driverTimes.sort((a, b) => a - b);
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))];
results.rows.push({ scenario: 'baseline: ticket SQL via driver (sequential)', rps: 1000 / (driverTimes.reduce((a, b) => a + b, 0) / driverTimes.length), p50: pct(driverTimes, 0.5), p90: pct(driverTimes, 0.9), p95: pct(driverTimes, 0.95), p97_5: pct(driverTimes, 0.975), p99: pct(driverTimes, 0.99), avgBytes: 0, maxBytes: 0, errors: 0, non2xx: 0, statusCounts: {} });
await sql.end();

const body = JSON.stringify({ ok: true, padding: 'x'.repeat(1400) });
const bare = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
results.rows.push(await load('baseline: bare Node HTTP, 1.4 KB JSON', `http://127.0.0.1:${(bare.address() as AddressInfo).port}`, () => '/'));
bare.close();

const next = resolve('node_modules/.bin/next');
if (!args.has('no-build')) spawnSync(next, ['build'], { stdio: 'inherit' });
const mediaDir = mkdtempSync(join(tmpdir(), 'aduan-bench-media-'));
const env = {
  ...process.env,
  DATABASE_URL: url,
  // demo data, demo accounts: production otherwise refuses the published demo password
  ADUAN_DEMO: '1',
  ADUAN_WORKER: '0',
  ADUAN_TILE_URL: '',
  ADUAN_MEDIA_DIR: mediaDir,
  ADUAN_OPEN311_REQUESTS_PER_HOUR: '10000000',
  // `next start` is production, which refuses to start without the portal's address
  ADUAN_PUBLIC_URL: `http://127.0.0.1:${port}`,
};
const serverLog = join(mediaDir, 'server.log');
const logFd = openSync(serverLog, 'w');
const server = spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', logFd, logFd] });
const base = `http://127.0.0.1:${port}`;
await waitFor(`${base}/api/health`);
const rss = setInterval(() => {
  results.peakRssMb = Math.max(results.peakRssMb, rssMb(server));
}, 250);

const rand = (n: number) => Math.floor(Math.random() * n);
const viewports = () => {
  const zoom = 10 + rand(8);
  const span = 0.6 / 2 ** (zoom - 10);
  const lng = 106.7 + Math.random() * 0.3;
  const lat = -6.35 + Math.random() * 0.25;
  return { zoom, bbox: [lng, lat, lng + span, lat + span * 0.6].map((x) => x.toFixed(5)).join(',') };
};
const categories = ['jalan', 'pohon', 'parkir-liar', 'sampah', 'pkl-liar'];
// Warm-up: the first map request loads every point; each of the 2,000 cached-scenario tickets is visited once.
const warmStarted = Date.now();
await fetch(`${base}/api/peta?bbox=106.6,-6.4,107,-6&zoom=10`);
console.log(`[bench] map points loaded in ${((Date.now() - warmStarted) / 1000).toFixed(1)} s`);
for (let i = 0; i < numbers.length; i += 8) {
  await Promise.all(numbers.slice(i, i + 8).map((n) => fetch(`${base}/laporan/${n}`).then((r) => r.arrayBuffer())));
}
results.rows.push(await load('map endpoint, random viewport/zoom', base, () => { const v = viewports(); return `/api/peta?bbox=${v.bbox}&zoom=${v.zoom}`; }));
results.rows.push(await load('map endpoint, random viewport + category filter', base, () => { const v = viewports(); return `/api/peta?bbox=${v.bbox}&zoom=${v.zoom}&kategori=${categories[rand(5)]}`; }));
results.rows.push(await load('ticket page, cached (one of 2,000 visited before)', base, () => `/laporan/${numbers[rand(numbers.length)]}`));
let cold = 0;
results.rows.push(await load('ticket page, first visit of each ticket (rendered)', base, () => `/laporan/${coldNumbers[cold++ % coldNumbers.length]}`));
results.rows.push(await load('list page, category filter', base, () => `/laporan?kategori=${categories[rand(5)]}`));
results.rows.push(await load('region page (kecamatan)', base, () => `/wilayah/31.7${1 + rand(5)}.0${1 + rand(4)}`));
// Dashboard: the first request loads every report's figures; then random filters, most of them not cached.
const dashStarted = Date.now();
await fetch(`${base}/api/dasbor`);
console.log(`[bench] dashboard figures loaded in ${((Date.now() - dashStarted) / 1000).toFixed(1)} s`);
const dashRegions = ['', 'kota=31.71', 'kota=31.74', 'kota=31.75', 'kecamatan=31.71.01', 'kecamatan=31.74.05', 'kelurahan=31.71.01.1001'];
const dashPeriods = ['', 'dari=2026-10-01&sampai=2026-10-31', 'dari=2025-01-01&sampai=2025-12-31', 'dari=2017-01-01&sampai=2026-12-31'];
const dashQuery = () => [dashRegions[rand(dashRegions.length)], ['', ...categories][rand(6)] && `kategori=${categories[rand(5)]}`, dashPeriods[rand(dashPeriods.length)]].filter(Boolean).join('&');
results.rows.push(await load('dashboard figures (JSON), random region/category/period', base, () => `/api/dasbor?${dashQuery()}`));
results.rows.push(await load('dashboard page, random region/category/period', base, () => `/dasbor?${dashQuery()}`));
// Staff queue pages: signed-in officials of a kelurahan, a kecamatan, a kota and an agency.
const sessions = await Promise.all(STAFF.map((email) => signIn(base, email, DEMO_PASSWORD)));
// Four at once: officials open their queue now and then, not in crowds (the public pages get 20).
results.rows.push(
  await load('staff queue page (lurah, camat, walikota, agency; 4 at once)', base, () => ({ path: '/petugas', headers: { cookie: sessions[rand(sessions.length)] } }), duration, 4),
);
// Submissions last (they add reports): Open311 multipart, with a 1280×960 JPEG each and without.
const photo = await benchPhoto();
let submitted = 0;
for (const withPhoto of [true, false]) {
  const reportsBefore = await countReports();
  const submissions = await load(`report submissions ${withPhoto ? 'with a photo' : 'without a photo'} (Open311 multipart)`, base, () => {
    const { body, contentType } = open311Submission(apiKey, withPhoto ? photo : null, submitted++);
    return { path: '/open311/v2/requests.json', method: 'POST', body, headers: { 'content-type': contentType } };
  });
  results.rows.push(submissions);
  const filed = (await countReports()) - reportsBefore;
  const acknowledged = submissions.statusCounts['200'] ?? 0;
  console.log(`[bench] submissions ${withPhoto ? `with a ${(photo.length / 1024).toFixed(0)} KB photo` : 'without a photo'}: ${acknowledged} acknowledged, ${filed} new reports in the database`);
  if (filed < acknowledged) failures.push(`${acknowledged - filed} acknowledged submissions are missing`);
}
clearInterval(rss);
results.pages = await measurePages(base, ['/', `/laporan/${numbers[0]}`, '/laporan', '/dasbor']);
server.kill('SIGTERM');
const serverOutput = readFileSync(serverLog, 'utf8');
rmSync(mediaDir, { recursive: true, force: true });

console.log(`\n${results.reports.toLocaleString('en')} reports · ${results.machine} · peak server RSS ${results.peakRssMb} MB`);
if (results.generateSeconds !== null) console.log(`data generation: ${results.generateSeconds.toFixed(0)} s`);
console.table(results.pages.map((p) => ({ ...p, jsGzipKb: +p.jsGzipKb.toFixed(1), htmlGzipKb: +p.htmlGzipKb.toFixed(1) })));
const ms = (x: number | undefined) => +(x ?? NaN).toFixed(1);
console.table(results.rows.map(({ statusCounts, ...r }) => ({ ...r, rps: Math.round(r.rps), p50: ms(r.p50), p90: ms(r.p90), p95: ms(r.p95), p97_5: ms(r.p97_5), p99: ms(r.p99), avgBytes: Math.round(r.avgBytes), statuses: JSON.stringify(statusCounts) })));
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${isSmall ? 'small-' : ''}${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`written to ${file}`);
const seqScans = results.plans.filter((p) => p.bigSeqScans.length > 0);
console.log(`\nhot query plans: ${results.plans.length}, with a sequential scan of a big table: ${seqScans.length}`);
for (const p of seqScans) console.log(`  ${p.use}: seq scan on ${p.bigSeqScans.join(', ')}`);
for (const row of results.rows) if (row.errors > 0 || row.non2xx > 0) failures.push(`${row.scenario}: ${row.errors} errors, ${row.non2xx} non-2xx`);
if (failures.length > 0) {
  console.error(`\nbench failed:\n  ${failures.join('\n  ')}\n\nserver output (last 40 lines):`);
  console.error(serverOutput.trim().split('\n').slice(-40).join('\n'));
  process.exit(1);
}
process.exit(0);

async function countReports(): Promise<number> {
  const counter = postgres(url, { max: 1, onnotice: () => {} });
  const [{ n }] = await counter<{ n: number }[]>`select count(*)::int as n from reports`;
  await counter.end();
  return n;
}

type Request = { path: string; method?: 'GET' | 'POST'; body?: Buffer; headers?: Record<string, string> };

async function load(scenario: string, target: string, next: () => string | Request, seconds = duration, clients = connections): Promise<Row> {
  // autocannon reports fixed percentiles without p95: every response time is kept to compute it.
  const times: number[] = [];
  const statusCounts: Record<string, number> = {};
  let maxBytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target,
        connections: clients,
        duration: seconds,
        requests: [
          {
            setupRequest: (req) => {
              const r = next();
              return typeof r === 'string' ? { ...req, path: r } : { ...req, ...r, headers: { ...req.headers, ...r.headers } };
            },
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
    p95: pct(times, 0.95),
    p97_5: latency.p97_5,
    p99: latency.p99,
    avgBytes: result.throughput.average / Math.max(result.requests.average, 1),
    maxBytes,
    errors: result.errors,
    non2xx: result.non2xx,
    statusCounts,
  };
}

async function waitFor(address: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(address)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start: ${address}`);
}

/** Resident memory of the server and its children (next start runs the app in a child). */
function rssMb(child: ChildProcess): number {
  const pids = [child.pid!, ...childPids(child.pid!)];
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
