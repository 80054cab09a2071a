import { spawnSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createDatabase } from '@/db/connect';
import { setupDemoDatabase } from '@/db/setup';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/reference/demo-users';
import { intArg, parseArgs } from './args';
import { startLocalMailbox } from './local-mailbox';

// npm run demo [-- --reports 20000 --months 12 --seed 42 --port 3000 --no-build]
const args = parseArgs(process.argv.slice(2));
const port = intArg(args, 'port', Number(process.env.PORT ?? 3000));
// The demo runs `next start` (production) without a configured address: ADUAN_DEMO=1 lets it,
// and links then take the address of each request (see lib/config/public-url.ts).
const env: NodeJS.ProcessEnv = { ...process.env, ADUAN_DEMO: '1', PORT: String(port) };
if (!env.DATABASE_URL) env.PGLITE_DIR = resolve(env.PGLITE_DIR ?? '.data/demo');
process.env.PGLITE_DIR = env.PGLITE_DIR;

// Seed in this process, then close: PGlite allows one process per data directory.
const database = createDatabase();
await setupDemoDatabase(database, {
  reports: intArg(args, 'reports', 20_000),
  months: intArg(args, 'months', 12),
  seed: intArg(args, 'seed', 42),
  log: (line) => console.log(`[demo] ${line}`),
});
await database.close();

const next = resolve('node_modules/.bin/next');
if (!args.has('no-build')) {
  console.log('[demo] building the portal (next build)…');
  const build = spawnSync(next, ['build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`\nAduan is starting at http://localhost:${port}\n`);
if (!env.ADUAN_PUBLIC_URL) {
  console.log(
    'ADUAN_PUBLIC_URL is not set: links in messages, QR codes and feeds use the address each visitor typed, and alerts\n' +
      `sent in the background link to http://localhost:${port}. Set ADUAN_PUBLIC_URL to the address people use to reach this demo.\n`,
  );
}
console.log(`Demo staff accounts (password for all: ${DEMO_PASSWORD}):`);
for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(30)} ${u.description}`);
console.log('');
console.log('Notifications are delivered to a local mailbox and SMS gateway; read them at /petugas/outbox (admin or operator).');
console.log('');

await startLocalMailbox(env);
const server = spawn(next, ['start', '-p', String(port)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
