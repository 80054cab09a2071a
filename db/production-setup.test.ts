import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from './bulk';
import { createDatabase } from './connect';
import { checkCredentials } from '@/lib/auth/check-credentials';
import { demoPasswordProblem } from '@/lib/auth/demo-password-check';
import { verifyPassword } from '@/lib/auth/password';

// `npm run db:setup` and `npm run admin:create` as an operator runs them, as child processes,
// on a fresh PGlite directory (or a fresh database on the server named by DATABASE_URL).
const serverUrl = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'aduan-setup-'));
const dbName = `aduan_test_${randomBytes(5).toString('hex')}`;
const env: Record<string, string> = serverUrl
  ? { DATABASE_URL: Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString(), PGLITE_DIR: '' }
  : { DATABASE_URL: '', PGLITE_DIR: join(work, 'pglite') };

async function script(name: string, args: string[] = []) {
  try {
    const { stdout, stderr } = await promisify(execFile)(resolve('node_modules/.bin/tsx'), [`scripts/${name}.ts`, ...args], {
      env: { ...process.env, ...env, ADUAN_PUBLIC_URL: 'https://aduan.contoh.go.id' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

/** Opens the database between script runs (PGlite allows one process at a time). */
async function withDb<T>(work: (db: ReturnType<typeof createDatabase>['db']) => Promise<T>): Promise<T> {
  const database = createDatabase({ url: env.DATABASE_URL || undefined, dataDir: env.PGLITE_DIR || undefined, maxConnections: 2 });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}
const count = async (db: ReturnType<typeof createDatabase>['db'], table: string) =>
  (await rowsOf<{ n: number }>(db.execute(sql.raw(`select count(*)::int as n from ${table}`))))[0].n;

beforeAll(async () => {
  if (!serverUrl) return;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (!serverUrl) return;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
});

describe(`production setup on ${serverUrl ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('db:setup applies the migrations and the reference data, and creates no account and no report', async () => {
    const run = await script('setup');
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('npm run admin:create');
    await withDb(async (db) => {
      expect(await count(db, 'users')).toBe(0);
      expect(await count(db, 'reports')).toBe(0);
      expect(await count(db, 'regions')).toBe(6 + 44 + 267);
      for (const table of ['agencies', 'categories', 'channels', 'sla_policies', 'holidays']) expect(await count(db, table), table).toBeGreaterThan(0);
    });
    // again: nothing changes, nothing fails
    expect((await script('setup')).code).toBe(0);
    await withDb(async (db) => expect(await count(db, 'regions')).toBe(317));
    // two runs of every migration on PGlite: 25 s alone, longer beside the rest of the suite
  }, 240_000);

  it('admin:create prints a strong one-time password once, stores only its hash, and the admin must change it', async () => {
    const run = await script('admin-create', ['--', 'Admin.Kota@Jakarta.go.id', 'Admin Kota']);
    expect(run.code, run.output).toBe(0);
    const printed = /One-time password \(shown only now\): (\S+)/.exec(run.output)?.[1];
    expect(printed).toMatch(/^([a-z2-9]{4}-){4}[a-z2-9]{4}$/);
    expect(run.output.split(printed!).length - 1).toBe(1);
    expect(run.output).toContain('https://aduan.contoh.go.id/masuk');
    await withDb(async (db) => {
      const [row] = await rowsOf<{ role: string; password_hash: string; must_change_password: boolean }>(
        db.execute(sql`select role::text, password_hash, must_change_password from users where email = 'admin.kota@jakarta.go.id'`),
      );
      expect(row).toMatchObject({ role: 'admin', must_change_password: true });
      expect(row.password_hash).not.toContain(printed);
      expect(await verifyPassword(printed!, row.password_hash)).toBe(true);
      expect((await checkCredentials(db, 'admin.kota@jakarta.go.id', printed!, new Date(), '10.0.0.1')).ok).toBe(true);
      // and the production start check has nothing to refuse
      expect(await demoPasswordProblem(db, { NODE_ENV: 'production' })).toBeNull();
    });
  });

  it('admin:create refuses an e-mail already in use, prints no password and changes nothing', async () => {
    const run = await script('admin-create', ['admin.kota@jakarta.go.id', 'Admin Lain']);
    expect(run.code).toBe(1);
    expect(run.output).toContain('That e-mail is already used.');
    expect(run.output).not.toContain('One-time password');
    expect((await script('admin-create', ['tanpa-nama@jakarta.go.id'])).code).toBe(2);
    await withDb(async (db) => expect(await count(db, 'users')).toBe(1));
  });

  it('a password made for the first admin is never the same twice', async () => {
    const { oneTimePassword } = await import('@/lib/staff/create-admin');
    const many = new Set(Array.from({ length: 200 }, oneTimePassword));
    expect(many.size).toBe(200);
  });
});
