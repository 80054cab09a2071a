import { Feed } from 'feed';
import type { PublicReport } from '@/db/queries/public';
import { STATUS_STYLE } from '@/lib/reports/status';

export type FeedFormat = 'atom' | 'rss';

const GEORSS = 'http://www.georss.org/georss';

export interface FeedOptions {
  format: FeedFormat;
  /** The portal's address, without a trailing slash. */
  site: string;
  /** The filters as a query string, shared by the feed's address and the list it mirrors. */
  query: string;
  title: string;
}

/**
 * An Atom or RSS feed of public reports (newest first) with a GeoRSS point for each located one.
 * Built from public report rows only: never reporter identity, never a confidential ticket.
 */
export function reportsFeed(reports: PublicReport[], options: FeedOptions): string {
  const { site, query } = options;
  const self = `${site}/api/laporan.${options.format}${query ? `?${query}` : ''}`;
  const feed = new Feed({
    id: self,
    title: options.title,
    description: 'Laporan warga terbaru di portal pengaduan Aduan Jakarta',
    link: `${site}/laporan${query ? `?${query}` : ''}`,
    language: 'id',
    updated: reports[0]?.lastActivityAt ?? new Date(0),
    generator: 'Aduan',
    copyright: 'Laporan warga, dipublikasikan oleh Aduan Jakarta',
    feedLinks: { [options.format]: self },
  });
  for (const r of reports) {
    const place = [r.kelurahanName, r.kecamatanName].filter(Boolean).join(', ');
    feed.addItem({
      id: `${site}/laporan/${r.number}`,
      link: `${site}/laporan/${r.number}`,
      title: `${r.number} · ${r.categoryName}${place ? ` · ${place}` : ''} · ${STATUS_STYLE[r.status].id}`,
      description: r.description ?? `${r.categoryName} (laporan pribadi: uraian tidak ditampilkan)`,
      date: r.lastActivityAt,
      published: r.createdAt,
      category: [{ name: r.categoryName, term: r.categoryCode }],
      extensions: r.lat !== null && r.lng !== null ? [{ name: 'georss:point', objects: { _text: `${r.lat} ${r.lng}` } }] : [],
    });
  }
  if (options.format === 'rss') return feed.rss2().replace('<rss version="2.0"', `<rss version="2.0" xmlns:georss="${GEORSS}"`);
  // the Atom writer has no item extensions: the points go in after each entry's id
  let atom = feed.atom1().replace('<feed xmlns="http://www.w3.org/2005/Atom"', `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:georss="${GEORSS}"`);
  for (const r of reports) {
    if (r.lat === null || r.lng === null) continue;
    const id = `<id>${site}/laporan/${r.number}</id>`;
    atom = atom.replace(id, `${id}\n        <georss:point>${r.lat} ${r.lng}</georss:point>`);
  }
  return atom;
}
