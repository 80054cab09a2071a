import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/db/connect';
import { coalesce, forwardToSelf, isSignedPayload, SIGNATURE_HEADER, startChangeListener } from './listener';
import { INSTANCE_ID, publishReportChanges, type ChangeSignal } from './signal';

const url = process.env.DATABASE_URL;

// LISTEN/NOTIFY crosses processes only on a PostgreSQL server (PGlite is one process).
describe.skipIf(!url)('change signals through PostgreSQL', () => {
  const name = `aduan_test_${randomBytes(5).toString('hex')}`;
  let admin: postgres.Sql;
  let dbUrl: string;
  let database: Database;
  const heard: ChangeSignal[] = [];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    admin = postgres(url!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url!);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    database = createDatabase({ url: dbUrl, maxConnections: 2 });
    stop = await startChangeListener(dbUrl, async (signal) => void heard.push(signal), (error) => {
      throw error;
    });
  });
  afterAll(async () => {
    await stop?.();
    await database?.close();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  const waitFor = async (count: number) => {
    for (let i = 0; i < 100 && heard.length < count; i++) await new Promise((r) => setTimeout(r, 20));
  };

  it('hears another instance and a worker, not itself, and only after the transaction commits', async () => {
    await publishReportChanges(database.db, ['JK2603100001'], 'instansi-lain');
    await publishReportChanges(database.db, ['JK2603100002']); // this process: already invalidated here
    await expect(
      database.db.transaction(async (tx) => {
        await publishReportChanges(tx, ['JK2603100003'], null);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await database.db.transaction((tx) => publishReportChanges(tx, ['JK2603100004'], null));
    await waitFor(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual([
      { from: 'instansi-lain', numbers: ['JK2603100001'] },
      { from: null, numbers: ['JK2603100004'] },
    ]);
    expect(INSTANCE_ID).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('forwarding a signal to the instance itself', () => {
  let server: Server;
  let base: string;
  const received: { ok: boolean; body: string }[] = [];

  beforeAll(async () => {
    process.env.ADUAN_SECRET ??= 'rahasia-uji-segarkan';
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const ok = isSignedPayload(body, (req.headers[SIGNATURE_HEADER] as string) ?? null);
        received.push({ ok, body });
        res.statusCode = ok ? 200 : 403;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('signs the payload so that only the instance itself is believed', async () => {
    await forwardToSelf({ from: 'b', numbers: ['JK2603100009'] }, base);
    expect(received.at(-1)).toEqual({ ok: true, body: '{"f":"b","n":["JK2603100009"]}' });
    expect(isSignedPayload('{"f":"b","n":null}', 'tanda-palsu')).toBe(false);
    expect(isSignedPayload('{"f":"b","n":null}', null)).toBe(false);
  });
});

describe('coalesce', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('sends a burst of signals as one, and a later one on its own', async () => {
    const sent: ChangeSignal[] = [];
    const send = coalesce(async (s) => void sent.push(s), (e) => {
      throw e;
    }, 30);
    await send({ from: 'a', numbers: ['JK2603100001'] });
    await send({ from: 'b', numbers: ['JK2603100002', 'JK2603100001'] });
    await sleep(80);
    await send({ from: 'a', numbers: ['JK2603100003'] });
    await sleep(80);
    expect(sent).toEqual([
      { from: null, numbers: ['JK2603100001', 'JK2603100002'] },
      { from: null, numbers: ['JK2603100003'] },
    ]);
  });

  it('"everything changed" in a burst wins over the list', async () => {
    const sent: ChangeSignal[] = [];
    const send = coalesce(async (s) => void sent.push(s), () => {}, 30);
    await send({ from: 'a', numbers: ['JK2603100001'] });
    await send({ from: null, numbers: null });
    await send({ from: 'a', numbers: ['JK2603100002'] });
    await sleep(80);
    expect(sent).toEqual([{ from: null, numbers: null }]);
  });
});
