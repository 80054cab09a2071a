import { readFileSync } from 'node:fs';
import { hammingDistance, processImage } from '@/lib/media/process-image';
import { SAME_PHOTO_MAX_BITS } from '@/lib/staff/proof-checks';

// npx tsx scripts/proof-eval/report.ts results.jsonl [--baseline]
// Reads proof:compare's output (with the generator's "expected" and "kind" passed through) and
// prints, per kind, how many were called the same photo; --baseline adds the single-dHash check
// the portal used before (≤ SAME_PHOTO_MAX_BITS bits), computed on the same pairs.
const [file, flag] = process.argv.slice(2);
const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { a: string; b: string; kind: string; expected: boolean; same: boolean; score: number });
const hashes = new Map<string, string>();
const dHash = async (p: string) => {
  if (!hashes.has(p)) hashes.set(p, (await processImage(readFileSync(p))).phash);
  return hashes.get(p)!;
};
const kinds = new Map<string, { n: number; same: number; old: number; expected: boolean }>();
for (const r of rows) {
  const k = kinds.get(r.kind) ?? { n: 0, same: 0, old: 0, expected: r.expected };
  k.n++;
  if (r.same) k.same++;
  if (flag === '--baseline' && hammingDistance(await dHash(r.a), await dHash(r.b)) <= SAME_PHOTO_MAX_BITS) k.old++;
  kinds.set(r.kind, k);
}
const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(0)} %`;
console.log(`| kind | pairs | expected | called "same photo" |${flag === '--baseline' ? ' before (one dHash ≤ 10 bits) |' : ''}`);
console.log(`| --- | --- | --- | --- |${flag === '--baseline' ? ' --- |' : ''}`);
let pos = 0;
let posSame = 0;
let posOld = 0;
for (const [kind, k] of kinds) {
  console.log(`| ${kind} | ${k.n} | ${k.expected ? 'same' : 'different'} | ${k.same} (${pct(k.same, k.n)}) |${flag === '--baseline' ? ` ${k.old} (${pct(k.old, k.n)}) |` : ''}`);
  if (k.expected) {
    pos += k.n;
    posSame += k.same;
    posOld += k.old;
  }
}
console.log(`\nedited copies flagged: ${posSame}/${pos} (${pct(posSame, pos)})${flag === '--baseline' ? `; before: ${posOld}/${pos} (${pct(posOld, pos)})` : ''}`);
