import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/bulk';
import { createDatabase, type Database } from '@/db/connect';
import { migrate } from '@/db/migrate';
import { seedDemoReports } from '@/db/seed/demo';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { createReport } from '@/lib/intake/create-report';
import { processImage } from '@/lib/media/process-image';
import { createDiskStorage } from '@/lib/media/storage';
import { reportInput } from '@/lib/testing/reports';
import { fingerprint } from './fingerprint';

// npm run backup / npm run restore as an operator runs them: real pg_dump and pg_restore on
// PostgreSQL (DATABASE_URL set), a copy of the data directory on PGlite; restored into a fresh
// database and photo folder, then compared with the source by row counts and checksums.
const serverUrl = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'aduan-backup-'));
const names: string[] = [];
let source: Database;
let sourceEnv: Record<string, string>;
const sourceMedia = join(work, 'media');

/** A database to restore into (on the server: a name not yet created), as environment for the scripts. */
function freshTarget(label: string): Record<string, string> {
  const media = join(work, `${label}-media`);
  if (!serverUrl) return { PGLITE_DIR: join(work, `${label}-pglite`), ADUAN_MEDIA_DIR: media };
  const name = `aduan_test_${randomBytes(5).toString('hex')}`;
  names.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString(), ADUAN_MEDIA_DIR: media };
}

async function npmScript(
  script: 'backup' | 'restore',
  args: string[],
  env: Record<string, string>,
) {
  const child = { ...process.env, DATABASE_URL: '', PGLITE_DIR: '', ...env };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      resolve('node_modules/.bin/tsx'),
      [`scripts/${script}.ts`, ...args],
      { env: child },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

const open = (env: Record<string, string>) =>
  createDatabase({
    url: env.DATABASE_URL || undefined,
    dataDir: env.PGLITE_DIR,
    maxConnections: 2,
  });

beforeAll(async () => {
  sourceEnv = freshTarget('source');
  sourceEnv.ADUAN_MEDIA_DIR = sourceMedia;
  if (serverUrl) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${names[0]}`);
    await admin.end();
  }
  source = open(sourceEnv);
  await migrate(source);
  await seedReference(source.db);
  await seedDemoUsers(source.db);
  await seedDemoReports(source.db, {
    reports: 300,
    months: 2,
    seed: 3,
    end: new Date('2026-03-01T00:00:00Z'),
  });
  for (const [i, colour] of ['#335577', '#775533'].entries()) {
    const jpeg = await sharp({
      create: { width: 600, height: 400, channels: 3, background: colour },
    })
      .jpeg()
      .toBuffer();
    await createReport(
      source.db,
      {
        formToken: `cadangan-${i}-abcdefghijk`,
        channelCode: 'web',
        categoryCode: 'jalan',
        description: 'Jalan berlubang di depan kantor kelurahan.',
        isPublic: true,
        lat: -6.1754,
        lng: 106.8272,
        kelurahanCode: null,
        address: null,
        reporterName: 'Warga Uji',
        reporterPhone: null,
        reporterEmail: 'warga@contoh.id',
        photos: [await processImage(jpeg)],
      },
      {
        now: new Date('2026-03-10T03:00:00Z'),
        storage: createDiskStorage(sourceMedia),
        publicUrl: 'http://aduan.test',
      },
    );
  }
  // PGlite is one process per directory: the backup copies it while no one has it open
  if (!serverUrl) await source.close();
});

afterAll(async () => {
  if (serverUrl) {
    await source?.close();
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    for (const name of names) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
});

describe(`npm run backup and npm run restore (${serverUrl ? 'PostgreSQL, pg_dump' : 'PGlite, data directory'})`, () => {
  const backupDir = join(work, 'cadangan');
  let target: Record<string, string>;

  it.runIf(!serverUrl)('refuses to copy a PGlite directory that a process has open', async () => {
    const inUse = open(sourceEnv);
    try {
      await inUse.db.execute(sql`select 1`);
      const backup = await npmScript(
        'backup',
        ['--out', join(work, 'cadangan-terbuka')],
        sourceEnv,
      );
      expect(backup.code).toBe(1);
      expect(backup.output).toContain(
        'PGlite is in use or was not closed cleanly: stop the server first',
      );
    } finally {
      await inUse.close();
    }
  });

  it('restores into a fresh database every row and every photo, with equal counts and checksums', async () => {
    const backup = await npmScript('backup', ['--out', backupDir], sourceEnv);
    expect(backup.output).toMatch(/\[cadangan\] .*302 reports\), 4 photo files/);
    expect(backup.code).toBe(0);

    target = freshTarget('pulih');
    const restore = await npmScript('restore', [backupDir], target);
    expect(restore.output).toContain('302 reports, 4 photo files; counts and checksums match');
    expect(restore.code).toBe(0);

    const original = serverUrl ? source : open(sourceEnv);
    const expected = await fingerprint(original.db, sourceMedia);
    if (!serverUrl) await original.close();
    const restored = open(target);
    try {
      const actual = await fingerprint(restored.db, target.ADUAN_MEDIA_DIR);
      expect(actual).toEqual(expected);
      expect(actual.tables.reports).toBe(302);
      expect(actual.tables.report_events).toBeGreaterThan(302);
      expect(actual.tables['drizzle.__drizzle_migrations']).toBeGreaterThan(13);

      // the restored portal goes on: history is still append-only, and today's numbers continue
      await expect(restored.db.execute(sql`delete from report_events`)).rejects.toThrow();
      const next = await createReport(
        restored.db,
        reportInput({ formToken: 'cadangan-lanjut-abcdefghijk', description: 'Laporan pertama setelah pemulihan.' }),
        {
          now: new Date('2026-03-10T05:00:00Z'),
          storage: createDiskStorage(target.ADUAN_MEDIA_DIR),
          publicUrl: 'http://aduan.test',
        },
      );
      expect(next.number).toBe('JK2603100003');
      // and the comparison would notice a single row more
      expect((await fingerprint(restored.db, target.ADUAN_MEDIA_DIR)).checksum).not.toBe(
        expected.checksum,
      );
      const [photo] = await rowsOf<{ storage_key: string }>(
        restored.db.execute(sql`select storage_key from attachments order by id limit 1`),
      );
      expect(readFileSync(join(target.ADUAN_MEDIA_DIR, photo.storage_key))).toEqual(
        readFileSync(join(sourceMedia, photo.storage_key)),
      );
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore over a database or photo folder that is not empty, and changes nothing', async () => {
    const restored = () => open(target);
    const before = await (async () => {
      const d = restored();
      try {
        return await fingerprint(d.db, target.ADUAN_MEDIA_DIR);
      } finally {
        await d.close();
      }
    })();
    const again = await npmScript('restore', [backupDir], target);
    expect(again.code).toBe(1);
    expect(again.output).toContain('the target photo folder is not empty');
    const newMedia = join(work, 'kosong-media');
    const overDatabase = await npmScript('restore', [backupDir], {
      ...target,
      ADUAN_MEDIA_DIR: newMedia,
    });
    expect(overDatabase.code).toBe(1);
    expect(overDatabase.output).toContain(
      serverUrl ? 'the target database is not empty' : 'the target PGlite folder is not empty',
    );
    expect(existsSync(newMedia)).toBe(false);
    const d = restored();
    try {
      expect(await fingerprint(d.db, target.ADUAN_MEDIA_DIR)).toEqual(before);
    } finally {
      await d.close();
    }
  });

  it('notices a backup whose photo was altered', async () => {
    const photo = readdirSync(join(backupDir, 'media'), { recursive: true })
      .map(String)
      .find((f) => f.endsWith('.webp'))!;
    writeFileSync(join(backupDir, 'media', photo), 'bukan foto asli');
    const result = await npmScript('restore', [backupDir], freshTarget('rusak'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('photo files differ (checksum)');
  });

  it.runIf(serverUrl)(
    'takes a consistent backup of a running portal while reports with photos keep coming',
    async () => {
      const jpeg = await sharp({
        create: { width: 500, height: 300, channels: 3, background: '#557733' },
      })
        .jpeg()
        .toBuffer();
      const photo = await processImage(jpeg);
      let isWriting = true;
      let filed = 0;
      const writer = (async () => {
        while (isWriting) {
          await createReport(
            source.db,
            reportInput({ formToken: `sibuk-${filed++}-abcdefghijk`, description: 'Laporan yang masuk selama pencadangan.', photos: [photo] }),
            {
              now: new Date('2026-03-11T03:00:00Z'),
              storage: createDiskStorage(sourceMedia),
              publicUrl: 'http://aduan.test',
            },
          );
        }
      })();
      const busyDir = join(work, 'cadangan-sibuk');
      const backup = await npmScript('backup', ['--out', busyDir], sourceEnv);
      isWriting = false;
      await writer;
      expect(backup.code).toBe(0);
      const restore = await npmScript('restore', [busyDir], freshTarget('pulih-sibuk'));
      expect(restore.output).toContain('counts and checksums match');
      expect(restore.code).toBe(0);
      const manifest = JSON.parse(readFileSync(join(busyDir, 'manifest.json'), 'utf8')) as {
        tables: Record<string, number>;
      };
      expect(filed).toBeGreaterThan(1);
      expect(manifest.tables.reports).toBeGreaterThan(302);
    },
  );
});
