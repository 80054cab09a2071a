import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { fingerprint, WINDOWS } from '@/lib/media/photo-fingerprint';
import { findCandidates } from '@/lib/media/photo-index';
import { CANDIDATE_BITS, comparePhotos } from '@/lib/media/photo-match';

/**
 * A store of synthetic photo hashes (21 window hashes per photo, in a schema of its own so the
 * real tables are untouched), with the indexes of migration 0025, and the follow-up photo check
 * measured against it: used by bench/proof-photos.ts and by the main bench (bench/run.ts).
 * Uniformly random hashes are kinder than real photos' pHashes, which cluster (skies, roads):
 * treat the chance-candidate rate as a floor.
 */

const SCHEMA = 'proofbench';

export interface PhotoStore {
  photos: number;
  hashes: number;
  buildSeconds: number;
  db: ReturnType<typeof drizzle>;
  /** Window 0 and 1 hashes of 100 stored photos, for copies. */
  sample: [string, string][];
  close: () => Promise<void>;
}

export async function buildPhotoStore(url: string, photos: number): Promise<PhotoStore> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop schema if exists ${SCHEMA} cascade; create schema ${SCHEMA}`);
  await admin.end();
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: { search_path: SCHEMA } });
  const t = Date.now();
  await client.unsafe(`create table photo_hashes (attachment_id bigint not null, "window" smallint not null, hash bigint not null,
    band0 integer not null, band1 integer not null, band2 integer not null, band3 integer not null, primary key (attachment_id, "window"))`);
  await client.unsafe(`insert into photo_hashes
    select p, w, h, ((h >> 48) & 65535)::int, ((h >> 32) & 65535)::int, ((h >> 16) & 65535)::int, (h & 65535)::int
    from generate_series(1, ${photos}) p, generate_series(0, ${WINDOWS.length - 1}) w,
         lateral (select ((random() * 4294967295)::bigint << 32 | (random() * 4294967295)::bigint) + 0 * p * w as h) r`);
  for (const b of [0, 1, 2, 3]) await client.unsafe(`create index on photo_hashes (band${b}, hash, attachment_id)`);
  // the visibility map lets the look-up read the indexes only (as autovacuum does for the real table)
  await client.unsafe('vacuum analyze photo_hashes');
  const rows = (await client.unsafe(`select to_hex(a.hash) as h, to_hex(b.hash) as h1 from photo_hashes a
    join photo_hashes b on b.attachment_id = a.attachment_id and b."window" = 1 where a."window" = 0 order by random() limit 100`)) as unknown as { h: string; h1: string }[];
  const hex = (h: string) => h.padStart(16, '0').slice(-16);
  return {
    photos,
    hashes: photos * WINDOWS.length,
    buildSeconds: (Date.now() - t) / 1000,
    db: drizzle(client),
    sample: rows.map((r) => [hex(r.h), hex(r.h1)]),
    close: async () => {
      await client.unsafe(`drop schema ${SCHEMA} cascade`);
      await client.end();
    },
  };
}

export const randomHash = () => Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join('');

function flip(h: string, k: number): string {
  let n = BigInt(`0x${h}`);
  const used = new Set<number>();
  while (used.size < k) used.add(Math.floor(Math.random() * 64));
  for (const b of used) n ^= 1n << BigInt(b);
  return n.toString(16).padStart(16, '0');
}

export const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : 0);

export interface LookupFigures {
  /** Look-up times of honest photos (20 turns unrelated to the store), ms. */
  honestMs: number[];
  candidatesPerPhoto: number;
  /** Share of honest photos with at least one candidate. */
  withCandidate: number;
  copiesMs: number[];
  copiesFound: number;
  copies: number;
}

/** The candidate look-up for `queries` honest photos and for copies of the sampled photos (2–9 bits flipped in one window, 12 in another). */
export async function measureLookups(store: PhotoStore, queries: number): Promise<LookupFigures> {
  const honestMs: number[] = [];
  let candidates = 0;
  let withCandidate = 0;
  for (let i = 0; i < queries; i++) {
    const t = performance.now();
    const found = await findCandidates(store.db as never, Array.from({ length: 20 }, randomHash), CANDIDATE_BITS);
    honestMs.push(performance.now() - t);
    candidates += found.length;
    if (found.length) withCandidate++;
  }
  const copiesMs: number[] = [];
  let copiesFound = 0;
  for (const [i, [original, second]] of store.sample.entries()) {
    // a copy: close to one window, and (as edited copies in the evaluation set are) loosely to another
    const turns = [flip(original, 2 + (i % 8)), flip(second, 12), ...Array.from({ length: 18 }, randomHash)];
    const t = performance.now();
    const found = await findCandidates(store.db as never, turns, CANDIDATE_BITS);
    copiesMs.push(performance.now() - t);
    if (found.length) copiesFound++;
  }
  return { honestMs, candidatesPerPhoto: candidates / Math.max(1, queries), withCandidate: withCandidate / Math.max(1, queries), copiesMs, copiesFound, copies: store.sample.length };
}

/**
 * The follow-up check's added cost for one honest photo, whole: its fingerprint, the look-up (its
 * turns stand for a photo unrelated to the store) and a keypoint check per candidate (against
 * `standIn`, as each candidate's stored file would be). Returns the times in ms.
 */
export async function measureChecks(store: PhotoStore, photo: Buffer, standIn: Buffer, checks: number): Promise<{ ms: number[]; candidates: number }> {
  const ms: number[] = [];
  let candidates = 0;
  // a running server has decoded photos and loaded OpenCV before: not counted
  await comparePhotos(standIn, photo);
  for (let i = 0; i < checks; i++) {
    const t = performance.now();
    await fingerprint(photo);
    const found = await findCandidates(store.db as never, Array.from({ length: 20 }, randomHash), CANDIDATE_BITS);
    for (const _ of found) await comparePhotos(standIn, photo);
    ms.push(performance.now() - t);
    candidates += found.length;
  }
  return { ms, candidates: candidates / Math.max(1, checks) };
}
