import { sql } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedDemoReports } from '@/db/seed/demo';
import { PRIVACY_MARKERS, seedPrivacyFixture } from '@/db/seed/privacy-fixture';
import { seedReference } from '@/db/seed/reference';
import { createTestDatabase } from '@/lib/testing/db';
import { findRequests, isoWib, listServices, Open311Error, parseRequestQuery, render, serviceDefinition } from './georeport';

let database: Database;
const now = new Date('2026-09-01T00:00:00Z');
const site = 'https://aduan.test';
const parser = new XMLParser({ isArray: (name) => ['service', 'request'].includes(name) });

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoReports(database.db, { reports: 1500, months: 4, seed: 13, end: now });
  await seedPrivacyFixture(database.db, now);
});
afterAll(async () => database?.close());

const query = (params: Record<string, string>) => parseRequestQuery(new URLSearchParams(params), now);

describe('Open311 GeoReport v2', () => {
  it('lists every public category as a service, the same in JSON and XML', async () => {
    const services = await listServices(database.db);
    expect(services.map((s) => s.service_code)).not.toContain('pungli');
    expect(services[0]).toMatchObject({ service_code: 'jalan', metadata: false, type: 'realtime' });
    const xml = render('xml', 'services', 'service', services);
    expect(XMLValidator.validate(xml)).toBe(true);
    const fromXml = parser.parse(xml).services.service;
    expect(fromXml.map((s: { service_code: string }) => s.service_code)).toEqual(services.map((s) => s.service_code));
    expect(await serviceDefinition(database.db, 'jalan')).toEqual({ service_code: 'jalan', attributes: [] });
    await expect(serviceDefinition(database.db, 'pungli')).rejects.toThrow(Open311Error);
  });

  it('returns requests of the last 90 days by default, newest first, in the spec shape, never confidential', async () => {
    const q = query({});
    expect(q.start!.getTime()).toBe(now.getTime() - 90 * 86_400_000);
    const requests = await findRequests(database.db, q, site);
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db.execute(sql`select count(*)::int as n from reports where not is_confidential and created_at >= ${q.start!.toISOString()}::timestamptz and created_at < ${now.toISOString()}::timestamptz`),
    );
    expect(requests.length).toBe(Math.min(1000, n));
    const first = requests[0];
    expect(Object.keys(first)).toEqual([
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
      'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
    ]);
    expect(first.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(['open', 'closed']).toContain(first.status);
    const confidential = await rowsOf<{ number: string }>(database.db.execute(sql`select number from reports where is_confidential`));
    const ids = new Set(requests.map((r) => r.service_request_id));
    expect(confidential.some((c) => ids.has(c.number))).toBe(false);
  });

  it('filters by id, service code and status; XML and JSON agree; no reporter data in either', async () => {
    const open = await findRequests(database.db, query({ service_code: 'jalan', status: 'open' }), site);
    for (const r of open) expect([r.service_code, r.status]).toEqual(['jalan', 'open']);
    const all = await findRequests(database.db, query({ page_size: '200' }), site);
    expect(all).toHaveLength(200);
    const one = await findRequests(database.db, query({ service_request_id: all[5].service_request_id }), site);
    expect(one).toEqual([all[5]]);
    const xml = render('xml', 'service_requests', 'request', all);
    const json = render('json', 'service_requests', 'request', all);
    const fromXml = parser.parse(xml).service_requests.request;
    expect(fromXml.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(all.map((r) => r.service_request_id));
    for (const marker of Object.values(PRIVACY_MARKERS)) {
      expect(xml).not.toContain(marker);
      expect(json).not.toContain(marker);
    }
  });

  it('filters by a bounding box (extension)', async () => {
    const box = await findRequests(database.db, query({ bbox: '106.80,-6.20,106.85,-6.15' }), site);
    expect(box.length).toBeGreaterThan(0);
    for (const r of box) {
      // private reports are shown at their approximate place, a little outside the box at most
      expect(r.long!).toBeGreaterThanOrEqual(106.799);
      expect(r.long!).toBeLessThanOrEqual(106.851);
      expect(r.lat!).toBeGreaterThanOrEqual(-6.201);
      expect(r.lat!).toBeLessThanOrEqual(-6.149);
    }
  });

  it.each([
    [{ bbox: '107,-6,106,-7' }, 'bbox'],
    [{ start_date: 'kemarin' }, 'start_date'],
    [{ start_date: '2026-01-01T00:00:00Z', end_date: '2026-08-01T00:00:00Z' }, '90'],
    [{ start_date: '2026-08-01T00:00:00Z', end_date: '2026-07-01T00:00:00Z' }, 'start_date'],
    [{ status: 'selesai' }, 'status'],
  ])('refuses bad query %j with 400', (params, word) => {
    try {
      query(params);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Open311Error);
      expect((error as Open311Error).status).toBe(400);
      expect((error as Open311Error).description).toContain(word);
    }
  });

  it('writes times with the WIB offset', () => {
    expect(isoWib(new Date('2026-11-26T07:05:00Z'))).toBe('2026-11-26T14:05:00+07:00');
  });
});
