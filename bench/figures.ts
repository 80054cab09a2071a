import { FactStore, type FactRow } from '@/lib/stats/fact-store';
import { computeDashboard, type FigureFilters } from '@/lib/stats/figures';
import { intArg, parseArgs } from '../scripts/args';

// npm run bench:figures [-- --reports 2000000]
// The dashboard's computation alone, over a synthetic store: how long one set of figures takes.
const args = parseArgs(process.argv.slice(2));
const total = intArg(args, 'reports', 2_000_000);
const now = Date.parse('2026-11-26T00:00:00Z');
const span = 10 * 365 * 86_400_000;
let seed = 7;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const kelurahans = Array.from({ length: 267 }, (_, i) => `31.7${1 + (i % 5)}.0${1 + (i % 8)}.${1001 + i}`);
const categories = Array.from({ length: 23 }, (_, i) => `kategori-${i}`);
const channels = Array.from({ length: 14 }, (_, i) => `kanal-${i}`);
const statuses = ['selesai', 'selesai', 'selesai', 'proses', 'menunggu', 'ditolak', 'menunggu_validasi'] as const;

const store = new FactStore();
const started = performance.now();
for (let i = 0; i < total; i += 50_000) {
  const rows: FactRow[] = [];
  for (let id = i + 1; id <= Math.min(total, i + 50_000); id++) {
    const createdAt = now - rand() * span;
    const status = pick([...statuses]);
    const kel = pick(kelurahans);
    rows.push({
      id,
      counted: true,
      status,
      categoryCode: pick(categories),
      channelCode: pick(channels),
      kelurahanCode: kel,
      kecamatanCode: kel.slice(0, 8),
      kotaCode: kel.slice(0, 5),
      agencyId: 1 + Math.floor(rand() * 600),
      createdAt,
      firstResponseAt: createdAt + rand() * 48 * 3_600_000,
      firstResponseDueAt: createdAt + 24 * 3_600_000,
      finishedAt: status === 'selesai' ? createdAt + rand() * 400 * 3_600_000 : null,
      finishDueAt: createdAt + 168 * 3_600_000,
      reopenCount: rand() < 0.03 ? 1 : 0,
      rejectedFollowUpCount: rand() < 0.08 ? 1 : 0,
      rating: rand() < 0.3 ? 1 + Math.floor(rand() * 5) : 0,
      proofFlagged: rand() < 0.1,
      disputed: rand() < 0.02,
    });
  }
  store.apply(rows);
}
console.log(`${total.toLocaleString('en')} reports stored in ${((performance.now() - started) / 1000).toFixed(1)} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, typed arrays ${Math.round(process.memoryUsage().arrayBuffers / 2 ** 20)} MB`);

const year = (y: number): Pick<FigureFilters, 'from' | 'until'> => ({ from: Date.parse(`${y}-01-01T00:00:00+07:00`), until: Date.parse(`${y + 1}-01-01T00:00:00+07:00`) });
const cases: [string, FigureFilters][] = [
  ['all time, whole city', { from: 0, until: now + 1, region: null, categories: [], channels: [] }],
  ['last 12 months, whole city', { from: now - 365 * 86_400_000, until: now, region: null, categories: [], channels: [] }],
  ['one year, one kota, one category', { ...year(2025), region: '31.71', categories: ['kategori-3'], channels: [] }],
  ['one month, one kelurahan', { from: Date.parse('2026-10-01T00:00:00+07:00'), until: Date.parse('2026-11-01T00:00:00+07:00'), region: kelurahans[5], categories: [], channels: [] }],
];
const kecamatanOf = (id: number) => kelurahans[id % kelurahans.length].slice(0, 8);
for (const [name, filters] of cases) {
  computeDashboard(store, filters, now, kecamatanOf); // warm the code paths
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    computeDashboard(store, filters, now, kecamatanOf);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(36)} median ${times[5].toFixed(1)} ms, max ${times[9].toFixed(1)} ms`);
}
