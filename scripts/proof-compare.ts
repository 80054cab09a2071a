import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { comparePhotos } from '@/lib/media/photo-match';

// npm run proof:compare -- pairs.jsonl [> results.jsonl]
// For each line {"a": path, "b": path}: is b a copy of a (a stored, b the new proof photo)? Writes
// {"a", "b", "same", "score", "reason"} per line, with the portal's own comparison (comparePhotos),
// plus the edits detected. Extra fields of the input line (expected, kind) are passed through.
const file = process.argv[2];
if (!file) {
  console.error('usage: npm run proof:compare -- pairs.jsonl');
  process.exit(2);
}
const lines = createInterface({ input: file === '-' ? process.stdin : (await import('node:fs')).createReadStream(file) });
for await (const line of lines) {
  if (!line.trim()) continue;
  const pair = JSON.parse(line) as { a: string; b: string } & Record<string, unknown>;
  try {
    const r = await comparePhotos(readFileSync(pair.a), readFileSync(pair.b));
    process.stdout.write(JSON.stringify({ ...pair, same: r.same, score: r.score, reason: r.reason, edits: r.edits, hashBits: r.hash.bits, inliers: r.inliers }) + '\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ ...pair, same: false, score: 0, reason: `unreadable: ${(error as Error).message}` }) + '\n');
  }
}
