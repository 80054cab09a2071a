import { sql } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { findPublicReports } from '@/db/queries/public-reports';
import { seedDemoReports } from '@/db/seed/demo';
import { PRIVACY_MARKERS, seedPrivacyFixture } from '@/db/seed/privacy-fixture';
import { seedReference } from '@/db/seed/reference';
import { filtersToQuery, parseFilters } from '@/lib/reports/filters';
import { createTestDatabase } from '@/lib/testing/db';
import { reportsFeed, type FeedFormat } from './reports-feed';

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
});
