import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';

/** Strings that break naive code: NUL, lone surrogates, markup, SQL, huge numbers, path tricks. */
export const nastyString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uFFFF',
  '<script>alert(1)</script>',
  "' or 1=1; drop table reports; --",
  '../../../etc/passwd',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9'.repeat(400),
  '{{7*7}}${7*7}',
  '%00%2e%2e',
  'JK2601010001',
  'JK9999999999',
  '31.71.01.1001',
  '-6.1754',
  '106.8272',
  'jalan',
  'pungli',
  'publik',
  'x@y.z',
  '081234567890',
);

/** Any text a hostile client might send in one field. */
export const hostileText = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 2001, maxLength: 4500 }) },
);

/** Bytes that are not a usable photo, or barely one. */
export const hostileFile = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
  fc.constantFrom(
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(100)]),
    Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    Buffer.from('GIF89a'),
  ),
);

/**
 * Row counts of every table but the rate-limit counters, plus a digest of every report row (an
 * update of a refused input would change it), plus the number of stored media files.
 */
export async function snapshot(database: Database, mediaDir: string) {
  const tables = await rowsOf<{ name: string }>(
    database.db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'rate_limits' order by 1`),
  );
  const union = tables.map(({ name }) => `select '${name}' as name, count(*)::int as n from "${name}"`).join(' union all ');
  const counts = await rowsOf<{ name: string; n: number }>(database.db.execute(sql.raw(union)));
  const [digest] = await rowsOf<{ d: string }>(database.db.execute(sql`select md5(coalesce(string_agg(r::text, '|' order by r.id), '')) as d from reports r`));
  return { counts: Object.fromEntries(counts.map((c) => [c.name, c.n])), reports: digest.d, files: countFiles(mediaDir) };
}

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

export function tempMediaDir(): string {
  return mkdtempSync(join(tmpdir(), 'aduan-hostile-'));
}

/** One PNG chunk with its length and CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 100-byte PNG whose header declares `width` x `height` pixels (a decompression bomb). */
export function declaredPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal ZIP archive holding one file (what a JPEG+ZIP polyglot carries after the image). */
export function zipOf(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const localPart = Buffer.concat([local, Buffer.from(name), data]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, central, Buffer.from(name), end]);
}
