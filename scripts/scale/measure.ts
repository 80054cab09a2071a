import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** Requests per second and p50/p99 (ms) of `connections` clients on `url` for `seconds`. */
export function load(url: string, connections: number, seconds: number): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds }, (error, result) => {
      if (error) return reject(error);
      const latency = result.latency as unknown as Record<string, number>;
      resolve({ rps: result.requests.average, p50: latency.p50, p99: latency.p99, errors: result.errors + result.non2xx });
    });
  });
}

/** Resident memory of a process and its children, in MB (Linux). */
export function rssMb(pid: number): number {
  const own = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone
  }
  return Math.round((own(pid) + children.reduce((sum, c) => sum + own(c), 0)) / 1024);
}

/**
 * One instance against two on the same machine, for the same paths: the figures in
 * docs/DEPLOY.md. Both instances share this machine's cores, so the second adds little here; on
 * separate machines each adds its own.
 */
export async function measureScaling(bases: [string, string], paths: string[], pids: number[], seconds = 8) {
  const rows: string[] = [];
  for (const path of paths) {
    const one = await load(`${bases[0]}${path}`, 20, seconds);
    const [a, b] = await Promise.all(bases.map((base) => load(`${base}${path}`, 10, seconds)));
    rows.push(
      `| \`${path.length > 48 ? `${path.slice(0, 45)}…` : path}\` | ${Math.round(one.rps)} (p50 ${one.p50} ms, p99 ${one.p99} ms) | ` +
        `${Math.round(a.rps + b.rps)} (p50 ${Math.max(a.p50, b.p50)} ms, p99 ${Math.max(a.p99, b.p99)} ms) | ${one.errors + a.errors + b.errors} |`,
    );
  }
  console.log('\n| path | one instance, 20 clients: req/s | two instances, 10 clients each: req/s | errors |\n| --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(`\nresident memory after the load: ${pids.map((p) => `${rssMb(p)} MB`).join(', ')}`);
}
