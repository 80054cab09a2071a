import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

// npx tsx bench/cold-start.ts [postgres url] [port]   (after `next build`; run under flock /tmp/aduan-e2e.lock)
// Starts `next start` on the database and times the first answer of the map and the dashboard:
// how long a visitor right after a restart waits.

export interface ColdStart {
  /** From the first request sent to the map's answer (ms). */
  mapMs: number;
  /** From the first request sent to the dashboard figures' answer (ms). */
  dashboardMs: number;
  mapStatus: number;
  dashboardStatus: number;
}

const MAP = '/api/peta?bbox=106.6,-6.4,107.0,-6.0&zoom=12';
const DASHBOARD = '/api/dasbor?dari=2026-01-01&sampai=2026-06-30';

async function timed(url: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const answer = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  await answer.arrayBuffer();
  return { ms: performance.now() - t0, status: answer.status };
}

/**
 * Waits until the server at `base` accepts requests, then asks for the map and the dashboard at
 * once and times each first answer. Call it right after starting the server.
 */
export async function measureColdStart(base: string, waitMs = 120_000): Promise<ColdStart> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) });
      break;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const [map, dashboard] = await Promise.all([timed(`${base}${MAP}`), timed(`${base}${DASHBOARD}`)]);
  return { mapMs: map.ms, dashboardMs: dashboard.ms, mapStatus: map.status, dashboardStatus: dashboard.status };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url = 'postgres://postgres@127.0.0.1:5432/aduan_big', port = '3610'] = process.argv.slice(2);
  const server = spawn(resolve('node_modules/.bin/next'), ['start', '-p', port, '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: port,
      ADUAN_WORKER: '0',
      ADUAN_DEMO: '1',
      ADUAN_TILE_URL: '',
      ADUAN_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    const started = performance.now();
    const r = await measureColdStart(`http://127.0.0.1:${port}`);
    console.log(
      `first answer after next start: map ${r.mapMs.toFixed(0)} ms (${r.mapStatus}), dashboard ${r.dashboardMs.toFixed(0)} ms (${r.dashboardStatus}); ${(performance.now() - started).toFixed(0)} ms since spawn`,
    );
  } finally {
    server.kill('SIGTERM');
  }
}
