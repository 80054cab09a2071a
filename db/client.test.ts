import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from './bulk';
import { readDatabaseFor } from './client';
import { createDatabase, type Database, type Db } from './connect';

const url = process.env.DATABASE_URL;
const databaseOf = async (db: Db) => (await rowsOf<{ name: string }>(db.execute(sql`select current_database() as name`)))[0].name;

describe.skipIf(Boolean(url))('the read connection on the embedded database', () => {
  it('is the primary, whatever DATABASE_READ_URL says (PGlite has no replicas)', async () => {
    const primary = createDatabase({ dataDir: 'memory://' });
    expect(readDatabaseFor(primary, { DATABASE_READ_URL: 'postgres://replika/aduan' })).toBe(primary);
    await primary.close();
  });
});

// A stand-in replica: a second database on the same server, so the test can tell which one answered.
describe.skipIf(!url)('the read connection on PostgreSQL', () => {
  const replica = `aduan_test_${randomBytes(5).toString('hex')}`;
  let admin: postgres.Sql;
  let replicaUrl: string;
  let primary: Database;

  beforeAll(async () => {
    admin = postgres(url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${replica}`);
    const u = new URL(url!);
    u.pathname = `/${replica}`;
    replicaUrl = u.toString();
    primary = createDatabase({ url, maxConnections: 1 });
  });
  afterAll(async () => {
    await primary?.close();
    await admin.unsafe(`drop database if exists ${replica} with (force)`);
    await admin.end();
  });

  it('is the primary when DATABASE_READ_URL is unset', () => {
    expect(readDatabaseFor(primary, {})).toBe(primary);
  });

  it('sends public reads to DATABASE_READ_URL while the primary stays the primary', async () => {
    const read = readDatabaseFor(primary, { DATABASE_READ_URL: replicaUrl });
    expect(await databaseOf(read.db)).toBe(replica);
    expect(await databaseOf(primary.db)).toBe(new URL(url!).pathname.slice(1));
    await read.close();
  });
});
