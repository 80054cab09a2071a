import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import sharp from 'sharp';
import { rowsOf } from '@/db/bulk';
import { createDatabase } from '@/db/connect';
import { migrate } from '@/db/migrate';
import { loadStaffUser } from '@/db/queries/staff';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { issueApiKey } from '@/lib/open311/keys';
import { intArg, parseArgs } from './args';
import { inspectStore, type Findings } from './crash-check-inspect';

// npm run crash-check [-- --port 3400 --clients 12 --rounds 3 --seconds 6 --build --pglite]
// Starts the production server, files reports with photos over Open311 from many concurrent
// clients, kills the server with SIGKILL in the middle, restarts it and checks that every ticket
// number a client received exists with its photos, its first event and its confirmation, and that
// no half-written ticket, lost number or orphan file remains. Database: a fresh
// `${ADUAN_DB_PREFIX:-aduan_}crash_check` on CRASH_DATABASE_URL (default the local server), or with
// --pglite a fresh embedded data directory (which then dies with the server at every kill).
const args = parseArgs(process.argv.slice(2));
const port = intArg(args, 'port', 3400);
const clients = intArg(args, 'clients', 12);
const rounds = intArg(args, 'rounds', 3);
const loadMs = intArg(args, 'seconds', 6) * 1000;
const isPglite = args.has('pglite');
const server = new URL(
  process.env.CRASH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const dbName = `${process.env.ADUAN_DB_PREFIX ?? 'aduan_'}crash_check`;
const dbUrl = new URL(server);
dbUrl.pathname = `/${dbName}`;
const site = `http://127.0.0.1:${port}`;
const next = resolve('node_modules/.bin/next');
const started = Date.now();
const log = (line: string) =>
  console.log(`[crash-check ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

if (args.has('build') || !existsSync('.next/BUILD_ID')) {
  log('building the production server (under /tmp/aduan-build.lock)');
  const build = spawnSync('flock', ['/tmp/aduan-build.lock', next, 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const work = mkdtempSync(join(tmpdir(), 'aduan-crash-'));
const mediaDir = join(work, 'media');
const pgliteDir = join(work, 'pglite');
mkdirSync(mediaDir);
const admin = isPglite ? null : postgres(server.toString(), { max: 1, onnotice: () => {} });
if (admin) {
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.unsafe(`create database ${dbName}`);
}
/** The store as the check sees it; on PGlite only while the server is down (one process per directory). */
const openStore = () =>
  isPglite
    ? createDatabase({ dataDir: pgliteDir })
    : createDatabase({ url: dbUrl.toString(), maxConnections: 2 });
const setup = openStore();
await migrate(setup);
await seedReference(setup.db);
await seedDemoUsers(setup.db);
const [{ id: adminId }] = await rowsOf<{ id: number }>(
  setup.db.execute(sql`select id from users where role = 'admin' order by id limit 1`),
);
const apiKey = await issueApiKey(
  setup.db,
  (await loadStaffUser(setup.db, Number(adminId)))!,
  'Uji Ketahanan',
  new Date(),
);
await setup.close();
const inspect = async () => {
  const store = openStore();
  try {
    return await inspectStore(store.db, mediaDir, [...acknowledged]);
  } finally {
    await store.close();
  }
};

/**
 * Waits until the running server's photo worker has published every accepted photo (PostgreSQL
 * only: PGlite's directory belongs to the server). While it works, the files it has just written
 * are not yet referenced and the original it just published is not yet removed: not orphans.
 */
const photosSettled = async () => {
  const store = openStore();
  try {
    for (let i = 0; i < 240; i++) {
      const [row] = await rowsOf<{ n: number }>(
        store.db.execute(sql`select count(*)::int as n from attachments where quarantined_at is not null and process_error is null`),
      );
      if (row.n === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await store.close();
  }
  // the original is removed right after the photo is published
  await new Promise((r) => setTimeout(r, 1000));
};

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  // demo data, demo accounts: production otherwise refuses the published demo password
  ADUAN_DEMO: '1',
  DATABASE_URL: isPglite ? undefined : dbUrl.toString(),
  PGLITE_DIR: isPglite ? pgliteDir : undefined,
  ADUAN_MEDIA_DIR: mediaDir,
  ADUAN_PUBLIC_URL: site,
  AUTH_SECRET: randomBytes(32).toString('hex'),
  ADUAN_SECRET: undefined,
  ADUAN_OPEN311_REQUESTS_PER_HOUR: '1000000',
  ADUAN_WARM_INDEXES: '0',
  ADUAN_TILE_URL: '',
  // One instance and no request in flight while it starts: every unreferenced file is an orphan.
  ADUAN_MEDIA_SWEEP_GRACE_SECONDS: '0',
};

// Photos a phone would send: a few distinct, noisy JPEGs of about 100 KB.
const photos = await Promise.all(
  [0, 1, 2, 3].map((i) =>
    sharp(randomBytes(640 * 480 * 3), { raw: { width: 640, height: 480, channels: 3 } })
      .modulate({ hue: i * 60 })
      .jpeg({ quality: 80 })
      .toBuffer(),
  ),
);
const POINTS = [
  [-6.1754, 106.8272],
  [-6.196, 106.832],
  [-6.2297, 106.8295],
  [-6.1384, 106.8133],
  [-6.2615, 106.8106],
];

const acknowledged = new Set<string>();
let sent = 0;
let failed = 0;
let inFlight = 0;

async function submit(n: number): Promise<void> {
  const [lat, lng] = POINTS[n % POINTS.length];
  const form = new FormData();
  form.set('api_key', apiKey);
  form.set('service_code', 'jalan');
  form.set('lat', String(lat + ((n % 7) - 3) * 0.0004));
  form.set('long', String(lng + ((n % 5) - 2) * 0.0004));
  form.set('description', `Uji ketahanan ${n}: jalan berlubang di depan gang.`);
  form.set('email', `warga${n}@contoh.id`);
  form.set(
    'media',
    new Blob([new Uint8Array(photos[n % photos.length])], { type: 'image/jpeg' }),
    `foto-${n}.jpg`,
  );
  sent++;
  inFlight++;
  try {
    const response = await fetch(`${site}/open311/v2/requests.json`, {
      method: 'POST',
      body: form,
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${body.slice(0, 200)}`);
    const [{ service_request_id: number }] = JSON.parse(body) as { service_request_id: string }[];
    acknowledged.add(number);
  } catch {
    failed++;
  } finally {
    inFlight--;
  }
}

async function load(durationMs: number, killAt: (() => void) | null): Promise<void> {
  let stop = false;
  let counter = sent;
  const loops = Array.from({ length: clients }, async () => {
    while (!stop) await submit(counter++);
  });
  await new Promise((r) => setTimeout(r, durationMs));
  if (killAt) killAt();
  stop = true;
  await Promise.all(loops);
}

function startServer(): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  // its own process group, so SIGKILL reaches every process it started
  const child = spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return new Promise((resolvePromise, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`server exited:\n${output}`));
      const isHealthy = await fetch(`${site}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      // the first (full) orphan sweep has finished: nothing left over from before the start remains
      if (isHealthy && output.includes('[foto] orphan sweep:'))
        return resolvePromise({ child, output: () => output });
      if (Date.now() > deadline)
        return reject(new Error(`server did not become ready:\n${output}`));
      setTimeout(poll, 250);
    };
    void poll();
  });
}

const problems: string[] = [];
const report = (label: string, findings: Findings, isAfterRestart: boolean) => {
  log(
    `${label}: ${findings.reports} tickets, ${findings.acknowledgedMissing.length} acknowledged missing, ` +
      `${findings.incomplete.length} incomplete, ${findings.numberGaps.length} numbering gaps, ` +
      `${findings.missingFiles.length} missing files, ${findings.orphanFiles.length} orphan files, ${findings.tempFiles.length} temp files`,
  );
  const fatal = [
    ...findings.acknowledgedMissing.map((n) => `${label}: acknowledged ticket ${n} is missing`),
    ...findings.incomplete.map(
      (n) => `${label}: ticket ${n} lacks its first event, photo or confirmation`,
    ),
    ...findings.numberGaps.map((g) => `${label}: ${g}`),
    ...findings.missingFiles.map((k) => `${label}: photo file ${k} of a stored ticket is missing`),
  ];
  if (isAfterRestart)
    fatal.push(
      ...[...findings.orphanFiles, ...findings.tempFiles].map(
        (k) => `${label}: orphan file ${k} remains`,
      ),
    );
  problems.push(...fatal);
};

let orphansLeftByKills = 0;
let inFlightAtKills = 0;
let storedTickets = 0;
const exited = (child: ChildProcess) =>
  new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r),
  );
try {
  for (let round = 1; round <= rounds; round++) {
    const { child } = await startServer();
    if (round > 1 && !isPglite) {
      await photosSettled();
      report(`after restart ${round - 1}`, await inspect(), true);
    }
    log(
      `round ${round}: ${clients} clients filing reports with a photo for ${loadMs / 1000} s, then SIGKILL`,
    );
    await load(loadMs, () => {
      inFlightAtKills += inFlight;
      log(`SIGKILL with ${inFlight} submissions in flight`);
      process.kill(-child.pid!, 'SIGKILL');
    });
    await exited(child);
    // PGlite: the restarted server must recover the directory itself, so it is not opened here
    if (!isPglite) {
      const findings = await inspect();
      orphansLeftByKills += findings.orphanFiles.length + findings.tempFiles.length;
      report(`after kill ${round}`, findings, false);
    }
  }
  const { child } = await startServer();
  if (!isPglite) {
    await photosSettled();
    report(`after restart ${rounds}`, await inspect(), true);
  }
  // the restarted server takes reports again
  const before = acknowledged.size;
  await load(1500, null);
  if (acknowledged.size === before) problems.push('the restarted server accepted no report');
  if (!isPglite) await photosSettled();
  child.kill('SIGTERM');
  await exited(child);
  const final = await inspect();
  storedTickets = final.reports;
  report('final', final, true);
} finally {
  if (admin) {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
}

log(
  `${sent} submissions sent, ${acknowledged.size} acknowledged, ${failed} cut off by ${rounds} kills ` +
    `(${inFlightAtKills} in flight at the kills, ${storedTickets - acknowledged.size} of them committed before the answer was lost); ` +
    (isPglite
      ? 'on PGlite'
      : `the kills left ${orphansLeftByKills} orphan or temp files for the restart to remove`),
);
if (acknowledged.size === 0)
  problems.push('no submission was acknowledged: the check proved nothing');
if (problems.length > 0) {
  console.error(`crash check FAILED:\n${problems.slice(0, 50).join('\n')}`);
  process.exit(1);
}
log(
  'crash check passed: every acknowledged ticket is complete, numbers have no gaps, no orphan file remains',
);
