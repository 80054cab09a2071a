import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { WINDOWS } from '@/lib/media/photo-fingerprint';
import { findCandidates } from '@/lib/media/photo-index';
import { CANDIDATE_BITS } from '@/lib/media/photo-match';
import { intArg, parseArgs } from '../scripts/args';

// npx tsx bench/proof-photos.ts [--photos 1000000] [--queries 300]   (PostgreSQL: BENCH_DATABASE_URL)
// The recycled-photo index at scale: a store of synthetic photos (21 window hashes each, in a schema
// of its own so the real tables are untouched), then the follow-up check's candidate look-up for
// honest new photos (hashes unrelated to the store) and for copies (a stored hash with bits flipped).
// Reports look-up time (p50/p95) and candidates per honest photo: each candidate costs a keypoint
// check (~0.2–0.5 s here), so honest photos must almost never have one. Uniformly random hashes are
// kinder than real photos' pHashes, which cluster (skies, roads): treat the candidate rate as a floor.
const args = parseArgs(process.argv.slice(2));
const photos = intArg(args, 'photos', 100_000);
const queries = intArg(args, 'queries', 300);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const client = postgres(url, { max: 1, onnotice: () => {} });
const db = drizzle(client);

const hex = () => Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
const flip = (h: string, k: number) => {
  let n = BigInt(`0x${h}`);
  const used = new Set<number>();
  while (used.size < k) used.add(Math.floor(Math.random() * 64));
  for (const b of used) n ^= 1n << BigInt(b);
  return n.toString(16).padStart(16, '0');
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

await client.unsafe('create schema if not exists proofbench');
await client.unsafe('set search_path to proofbench');
await client.unsafe(`drop table if exists photo_hashes;
  create table photo_hashes (attachment_id bigint not null, "window" smallint not null, hash bigint not null,
    band0 integer not null, band1 integer not null, band2 integer not null, band3 integer not null, primary key (attachment_id, "window"))`);
let t = Date.now();
await client.unsafe(`insert into photo_hashes
  select p, w, h, ((h >> 48) & 65535)::int, ((h >> 32) & 65535)::int, ((h >> 16) & 65535)::int, (h & 65535)::int
  from generate_series(1, ${photos}) p, generate_series(0, ${WINDOWS.length - 1}) w,
       lateral (select ((random() * 4294967295)::bigint << 32 | (random() * 4294967295)::bigint) + 0 * p * w as h) r`);
for (const b of [0, 1, 2, 3]) await client.unsafe(`create index on photo_hashes (band${b})`);
await client.unsafe('analyze photo_hashes');
console.log(`store: ${photos} photos, ${photos * WINDOWS.length} hashes, built in ${((Date.now() - t) / 1000).toFixed(1)} s`);

const stored = (await client.unsafe('select to_hex(hash) as h from photo_hashes where "window" = 0 order by random() limit 100')) as unknown as { h: string }[];
const honest: number[] = [];
let candidates = 0;
let withCandidate = 0;
for (let i = 0; i < queries; i++) {
  const turns = Array.from({ length: 20 }, hex);
  t = performance.now();
  const found = await findCandidates(db as never, turns, CANDIDATE_BITS);
  honest.push(performance.now() - t);
  candidates += found.length;
  if (found.length) withCandidate++;
}
const copies: number[] = [];
let foundCopies = 0;
for (const [i, { h }] of stored.entries()) {
  const original = h.padStart(16, '0').slice(-16);
  const turns = [flip(original, 2 + (i % 8)), ...Array.from({ length: 19 }, hex)];
  t = performance.now();
  const found = await findCandidates(db as never, turns, CANDIDATE_BITS);
  copies.push(performance.now() - t);
  if (found.length) foundCopies++;
}
console.log(`honest photos: look-up p50 ${pct(honest, 0.5).toFixed(1)} ms, p95 ${pct(honest, 0.95).toFixed(1)} ms; candidates ${(candidates / queries).toFixed(3)} per photo, ${((100 * withCandidate) / queries).toFixed(2)} % with any`);
console.log(`copies (2–9 bits flipped): look-up p50 ${pct(copies, 0.5).toFixed(1)} ms, p95 ${pct(copies, 0.95).toFixed(1)} ms; found ${foundCopies}/${stored.length}`);
await client.unsafe('drop schema proofbench cascade');
await client.end();

