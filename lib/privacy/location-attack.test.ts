import { rmSync } from 'node:fs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { seedReference } from '@/db/seed/reference';
import { createReport } from '@/lib/intake/create-report';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { tempMediaDir } from '@/lib/testing/hostile';
import { reportInput } from '@/lib/testing/reports';

vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));

// An attacker who wants a private reporter's home tries to locate a private report through every
// public endpoint that filters, boxes or measures by position: bisecting bounding boxes, centring
// "near" feeds and the duplicate finder around it. Every answer must come from the snapped grid
// point, never from the exact position.

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const route = async (path: string): Promise<Handler> => (await import(/* @vite-ignore */ `../../app${path}/route.ts`)).GET;

/** Where the reporter stands, and the grid point the public may know (0.001° cell). */
const EXACT = { lat: -6.17043, lng: 106.82281 };
const GRID = { lat: -6.17, lng: 106.823 };
/** A public report nearby, as a control: the attack finds it exactly. */
const CONTROL = { lat: -6.16871, lng: 106.82644 };

let database: Database;
let mediaDir: string;
let privateNumber: string;
let publicNumber: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = tempMediaDir();
  Object.assign(process.env, { ADUAN_MEDIA_DIR: mediaDir, ADUAN_WARM_INDEXES: '0' });
  (globalThis as { aduanDb?: Database }).aduanDb = database;
  const deps = { now: new Date(), storage: createDiskStorage(mediaDir), publicUrl: 'http://localhost:3000' };
  privateNumber = (await createReport(database.db, reportInput({ ...EXACT, isPublic: false, categoryCode: 'jalan' }), deps)).number;
  publicNumber = (await createReport(database.db, reportInput({ ...CONTROL, isPublic: true, categoryCode: 'jalan' }), deps)).number;
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

async function get(path: string, query: string) {
  const response = await (await route(path))(new NextRequest(`http://localhost:3000${path}?${query}`), { params: Promise.resolve({}) });
  expect(response.status, `${path}?${query}`).toBe(200);
  return response;
}

/** Does the endpoint list `number` inside the box (west, south, east, north)? */
type BoxProbe = (box: [number, number, number, number], number: string) => Promise<boolean>;

const mapProbe: BoxProbe = async (box, number) => {
  const body = (await (await get('/api/peta', `bbox=${box.join(',')}&zoom=20`)).json()) as { features: { number?: string }[] };
  return body.features.some((f) => f.number === number);
};

const open311Probe: BoxProbe = async (box, number) => {
  const handler = await route('/api/open311/v2/[...path]');
  const response = await handler(new NextRequest(`http://localhost:3000/open311/v2/requests.json?bbox=${box.join(',')}&page_size=100`), {
    params: Promise.resolve({ path: ['requests.json'] }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { service_request_id: string }[]).some((r) => r.service_request_id === number);
};

/**
 * Bisects one edge of a box until the report drops out: the tightest bound the endpoint reveals.
 * Starts from a box around the whole neighbourhood.
 */
async function bisect(probe: BoxProbe, number: string, axis: 'lng' | 'lat'): Promise<number> {
  const outer: [number, number, number, number] = [106.80, -6.19, 106.85, -6.15];
  const edge = axis === 'lng' ? 2 : 3; // move the east (or north) edge down
  let lo = axis === 'lng' ? outer[0] : outer[1];
  let hi = outer[edge];
  expect(await probe(outer, number)).toBe(true);
  for (let i = 0; i < 32; i++) {
    const mid = (lo + hi) / 2;
    const box = [...outer] as [number, number, number, number];
    box[edge] = mid;
    if (await probe(box, number)) hi = mid;
    else lo = mid;
  }
  return hi;
}

describe.each([
  ['the map (/api/peta)', mapProbe],
  ['Open311 requests with bbox', open311Probe],
])('bounding-box bisection through %s', (_name, probe) => {
  it('finds a public report at its exact position (the attack works)', async () => {
    expect(await bisect(probe, publicNumber, 'lng')).toBeCloseTo(CONTROL.lng, 5);
  });

  it('finds a private report no closer than its grid point', async () => {
    const lng = await bisect(probe, privateNumber, 'lng');
    const lat = await bisect(probe, privateNumber, 'lat');
    expect(lng).toBeCloseTo(GRID.lng, 6);
    expect(lat).toBeCloseTo(GRID.lat, 6);
    expect(Math.abs(lng - EXACT.lng)).toBeGreaterThan(1e-4);
  });
});

const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  111_320 * Math.hypot(a.lat - b.lat, (a.lng - b.lng) * Math.cos((a.lat * Math.PI) / 180));

describe('distances', () => {
  // a point 75 m from the exact position but 130 m from the grid point, away from it
  const away = { lat: EXACT.lat + (EXACT.lat - GRID.lat) * 1.7, lng: EXACT.lng + (EXACT.lng - GRID.lng) * 1.7 };

  it('the geometry of the attack holds', () => {
    expect(metres(away, EXACT)).toBeLessThan(100);
    expect(metres(away, GRID)).toBeGreaterThan(100);
  });

  it('a "near me" feed within 100 m of the exact position does not list the private report', async () => {
    const feed = await (await get('/api/laporan.atom', `dekat=${away.lat.toFixed(6)},${away.lng.toFixed(6)},100`)).text();
    expect(feed).not.toContain(privateNumber);
    const atGrid = await (await get('/api/laporan.atom', `dekat=${GRID.lat},${GRID.lng},100`)).text();
    expect(atGrid).toContain(privateNumber);
  });

  it('the duplicate finder measures to the grid point, never to the exact position', async () => {
    const body = (await (await get('/api/laporan/sekitar', `lat=${away.lat}&lng=${away.lng}&kategori=jalan`)).json()) as {
      reports: { number: string; distanceM: number; description: string | null }[];
    };
    const found = body.reports.find((r) => r.number === privateNumber)!;
    expect(found).toBeDefined();
    expect(found.description).toBeNull();
    expect(Math.abs(found.distanceM - metres(away, GRID))).toBeLessThanOrEqual(10);
    expect(Math.abs(found.distanceM - metres(away, EXACT))).toBeGreaterThan(30);
  });

  it('exports and the JSON API give the grid point only', async () => {
    for (const [path, query] of [
      ['/api/laporan.geojson', 'kelurahan=31.71.01.1001'],
      ['/api/laporan.csv', 'kelurahan=31.71.01.1001'],
      ['/api/laporan', 'kelurahan=31.71.01.1001&per_halaman=200'],
    ] as const) {
      const text = await (await get(path, query)).text();
      expect(text, path).toContain(privateNumber);
      expect(text, path).not.toContain(String(EXACT.lng));
      expect(text, path).not.toContain(String(EXACT.lat));
    }
  });
});
