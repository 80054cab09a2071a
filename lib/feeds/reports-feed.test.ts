import { sql } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { findPublicReports, findPublicReportsNear, getPublicTimeline } from '@/db/queries/public';
import { seedDemoReports } from '@/db/seed/demo';
import { PRIVACY_MARKERS, seedPrivacyFixture } from '@/db/seed/privacy-fixture';
import { seedReference } from '@/db/seed/reference';
import { filtersToQuery, parseFilters } from '@/lib/reports/filters';
import { createTestDatabase } from '@/lib/testing/db';
import { reportsFeed, type FeedFormat } from './reports-feed';
import { ticketFeed } from './ticket-feed';

let database: Database;
const now = new Date('2026-09-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoReports(database.db, { reports: 1500, months: 2, seed: 3, end: now });
  await seedPrivacyFixture(database.db, now);
});
afterAll(async () => database?.close());

async function feedFor(format: FeedFormat, params: Record<string, string>) {
  const filters = parseFilters(params);
  const { reports } = await findPublicReports(database.db, filters, { page: 1, pageSize: 50, sort: 'terbaru', countCap: 50 });
  return { xml: reportsFeed(reports, { format, site: 'https://aduan.test', query: filtersToQuery(filters), title: 'Uji' }), reports };
}

const parser = new XMLParser({ ignoreAttributes: false });

describe('report feeds', () => {
  it.each<FeedFormat>(['atom', 'rss'])('%s is well-formed and holds exactly the filtered reports, newest first, with GeoRSS points', async (format) => {
    const { xml, reports } = await feedFor(format, { kecamatan: '31.71.01', kategori: 'jalan' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const items = [format === 'atom' ? doc.feed.entry : doc.rss.channel.item].flat().filter(Boolean);
    const [{ n }] = await rowsOf<{ n: number }>(
      database.db.execute(sql`select count(*)::int as n from reports where kecamatan_code = '31.71.01' and category_code = 'jalan' and not is_confidential`),
    );
    expect(items.length).toBe(Math.min(50, n));
    expect(items.length).toBe(reports.length);
    const links = items.map((i: { link: string | { '@_href': string } }) => (typeof i.link === 'string' ? i.link : i.link['@_href']));
    expect(links).toEqual(reports.map((r) => `https://aduan.test/laporan/${r.number}`));
    const located = reports.filter((r) => r.lat !== null);
    expect(items.filter((i: Record<string, unknown>) => i['georss:point']).length).toBe(located.length);
    if (format === 'atom') expect(doc.feed['@_xmlns:georss']).toBe('http://www.georss.org/georss');
    else expect(doc.rss['@_xmlns:georss']).toBe('http://www.georss.org/georss');
  });

  it('never carries reporter identity, private details or confidential tickets', async () => {
    for (const format of ['atom', 'rss'] as const) {
      const { xml } = await feedFor(format, {});
      for (const marker of Object.values(PRIVACY_MARKERS)) expect(xml).not.toContain(marker);
    }
  });

  it('a feed around a point holds only reports within the radius', async () => {
    const near = await findPublicReportsNear(database.db, -6.1754, 106.8272, 2000, 50);
    expect(near.length).toBeGreaterThan(0);
    for (const r of near) {
      const metres = 111_320 * Math.hypot(r.lat! - -6.1754, (r.lng! - 106.8272) * Math.cos((-6.1754 * Math.PI) / 180));
      // private reports sit at a position rounded to about 100 m
      expect(metres).toBeLessThanOrEqual(r.isPublic ? 2000 : 2200);
    }
    expect(XMLValidator.validate(reportsFeed(near, { format: 'rss', site: 'https://aduan.test', query: 'dekat=-6.1754,106.8272,2000', title: 'Uji' }))).toBe(true);
  });

  it("a ticket's feed lists its public timeline, newest first, without internal notes", async () => {
    const [{ number }] = await rowsOf<{ number: string }>(
      database.db.execute(sql`select r.number from reports r where not r.is_confidential and r.is_public
                               and exists (select 1 from report_events e where e.report_id = r.id and not e.is_public) limit 1`),
    );
    const events = await getPublicTimeline(database.db, number);
    const xml = ticketFeed(number, events, 'atom', 'https://aduan.test');
    expect(XMLValidator.validate(xml)).toBe(true);
    const entries = [parser.parse(xml).feed.entry].flat();
    expect(entries).toHaveLength(events.length);
    expect(new Date(entries[0].updated).getTime()).toBe(events[events.length - 1].createdAt.getTime());
  });
});
