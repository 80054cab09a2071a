import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import postgres from 'postgres';
import { createDatabase } from '@/db/connect';
import { seedPrivacyFixture } from '@/db/seed/privacy-fixture';
import { setupDemoDatabase } from '@/db/setup';
import { intArg, parseArgs } from './args';
import { startLocalMailbox } from './local-mailbox';
import { dropPageCache } from './scale/processes';
import { e2eWhatsApp } from '@/e2e/whatsapp-env';

// The server the browser tests run against: a fresh database with a small demo, a production build.
const args = parseArgs(process.argv.slice(2));
const port = intArg(args, 'port', 3100);
// a small demo: rank units from ten tickets, so that every league table has rows
const env: NodeJS.ProcessEnv = { ...process.env, ADUAN_TILE_URL: '', NODE_ENV: 'production', ADUAN_LEAGUE_MIN_TICKETS: '10' };
// a demo: the seeded accounts have the published demo password, which production otherwise refuses
env.ADUAN_DEMO = '1';
// production refuses to start without the portal's address: the one the browser tests use
env.ADUAN_PUBLIC_URL ??= `http://127.0.0.1:${port}`;

if (process.env.DATABASE_URL) {
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists aduan_e2e with (force)');
  await admin.unsafe('create database aduan_e2e');
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = '/aduan_e2e';
  env.DATABASE_URL = url.toString();
} else {
  env.PGLITE_DIR = resolve('.data/e2e');
  rmSync(env.PGLITE_DIR, { recursive: true, force: true });
}

const database = createDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
await setupDemoDatabase(database, { reports: 3000, months: 3, seed: 11 });
const fixture = await seedPrivacyFixture(database.db);
mkdirSync(resolve('.data'), { recursive: true });
writeFileSync(resolve('.data/e2e-fixture.json'), JSON.stringify(fixture));
await database.close();

const next = resolve('node_modules/.bin/next');
if (process.env.E2E_SKIP_BUILD !== '1') {
  const build = spawnSync(next, ['build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  // a reused build keeps the pages an earlier run cached from its own database
  dropPageCache();
}
env.ADUAN_WORKER_INTERVAL_MS ??= '500';
// the push test (e2e/push.spec.ts) runs a local push service on http://localhost:<port>
env.ADUAN_PUSH_ALLOW_LOOPBACK ??= '1';
// the WhatsApp test (e2e/whatsapp.spec.ts) runs the Graph API stand-in on this port (lib/testing/graph-api.ts)
Object.assign(env, { ...e2eWhatsApp(port), ...Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('ADUAN_WA_'))) });
// the in-process workers tell this server about their changes at its own address (lib/cache/listener.ts)
env.PORT ??= String(port);
// The browser tests connect from this machine and stand in for the proxy: each spec sends its own
// X-Forwarded-For to be a client of its own, which the server believes only from these peers.
env.ADUAN_TRUSTED_PROXIES ??= '127.0.0.1/32, ::1/128';
await startLocalMailbox(env);
const server = spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'], env });
// Everything the server writes is also kept in a file: the privacy test reads it for reporter contact.
const log = createWriteStream(resolve('.data/e2e-server.log'));
server.stdout.on('data', (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
server.stderr.on('data', (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
