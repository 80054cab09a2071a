import { intArg, parseArgs } from '../scripts/args';
import { buildPhotoStore, measureLookups, pct } from './photo-store';

// npx tsx bench/proof-photos.ts [--photos 1000000] [--queries 300]   (PostgreSQL: BENCH_DATABASE_URL)
// The recycled-photo index at scale (see photo-store.ts): the follow-up check's candidate look-up
// for honest new photos and for copies. Each candidate costs a storage read and a keypoint check
// (~0.2–0.5 s here), so honest photos must almost never have one.
const args = parseArgs(process.argv.slice(2));
const photos = intArg(args, 'photos', 100_000);
const queries = intArg(args, 'queries', 300);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const store = await buildPhotoStore(url, photos);
try {
  console.log(`store: ${photos} photos, ${store.hashes} hashes, built in ${store.buildSeconds.toFixed(1)} s`);
  const f = await measureLookups(store, queries);
  console.log(`honest photos: look-up p50 ${pct(f.honestMs, 0.5).toFixed(1)} ms, p95 ${pct(f.honestMs, 0.95).toFixed(1)} ms; candidates ${f.candidatesPerPhoto.toFixed(3)} per photo, ${(100 * f.withCandidate).toFixed(2)} % with any`);
  console.log(`copies (2–9 bits flipped, 12 in a second window): look-up p50 ${pct(f.copiesMs, 0.5).toFixed(1)} ms, p95 ${pct(f.copiesMs, 0.95).toFixed(1)} ms; found ${f.copiesFound}/${f.copies}`);
} finally {
  await store.close();
}
