import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { intArg, parseArgs } from '../args';
import { applyEdit, EDIT_KINDS } from './edits';
import { laterCamera, makeWorld, renderScene } from './scenes';

// npx tsx scripts/proof-eval/generate.ts [--out /tmp/proof-eval] [--scenes 30] [--first 1]
// Writes, for each scene: the original photo, one copy per edit kind, and a later photo of the same
// place (camera moved, another hour, the work done); then pairs.jsonl for `npm run proof:compare`
// with the expected answer and kind on each line. Deterministic: the same arguments give the same files.

export interface EvalPair {
  a: string;
  b: string;
  expected: boolean;
  kind: string;
}

export async function generate(out: string, scenes: number, first = 1): Promise<EvalPair[]> {
  mkdirSync(out, { recursive: true });
  const pairs: EvalPair[] = [];
  const originals: string[] = [];
  for (let seed = first; seed < first + scenes; seed++) {
    const world = makeWorld(seed);
    const original = await renderScene(world);
    const a = join(out, `s${seed}-asli.jpg`);
    writeFileSync(a, original);
    originals.push(a);
    for (const [i, kind] of EDIT_KINDS.entries()) {
      const edited = await applyEdit(kind, original, seed * 100 + i);
      const b = join(out, `s${seed}-${kind}.${kind === 'png' || kind.includes('tangkapan') ? 'png' : 'jpg'}`);
      writeFileSync(b, edited);
      pairs.push({ a, b, expected: true, kind });
    }
    const later = join(out, `s${seed}-kemudian.jpg`);
    writeFileSync(later, await renderScene(world, laterCamera(seed), 1024, 768, true));
    pairs.push({ a, b: later, expected: false, kind: 'tempat_sama_kemudian' });
  }
  // different places: each original against the next scene's original and its cropped copy
  for (let i = 0; i < originals.length; i++) {
    const next = originals[(i + 1) % originals.length];
    if (next === originals[i]) continue;
    pairs.push({ a: originals[i], b: next, expected: false, kind: 'tempat_lain' });
    pairs.push({ a: originals[i], b: next.replace('-asli.jpg', '-potong_tengah_15.jpg'), expected: false, kind: 'tempat_lain' });
  }
  writeFileSync(join(out, 'pairs.jsonl'), pairs.map((p) => JSON.stringify(p)).join('\n') + '\n');
  return pairs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  const out = resolve(args.get('out') ?? '/tmp/proof-eval');
  const started = Date.now();
  const pairs = await generate(out, intArg(args, 'scenes', 30), intArg(args, 'first', 1));
  console.log(`${pairs.length} pairs in ${join(out, 'pairs.jsonl')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
