import { Feed } from 'feed';
import type { PublicEvent } from '@/db/queries/public';
import { eventLabel } from '@/lib/i18n';
import type { FeedFormat } from './reports-feed';

/** An Atom or RSS feed of one ticket's public timeline, newest first (internal notes never appear). */
export function ticketFeed(number: string, events: PublicEvent[], format: FeedFormat, site: string): string {
  const page = `${site}/laporan/${number}`;
  const self = `${site}/api/laporan/${number}/riwayat.${format}`;
  const newest = [...events].reverse();
  const feed = new Feed({
    id: self,
    title: `Laporan ${number}`,
    description: `Perkembangan laporan ${number} di Aduan Jakarta`,
    link: page,
    language: 'id',
    updated: newest[0]?.createdAt ?? new Date(0),
    generator: 'Aduan',
    copyright: 'Aduan Jakarta',
    feedLinks: { [format]: self },
  });
  newest.forEach((e, i) => {
    const actor = e.actor === 'Pelapor' ? 'Pelapor' : e.actor;
    feed.addItem({
      id: `${page}#${events.length - i}`,
      link: page,
      title: `${eventLabel(e.type, 'id')}${actor ? ` — ${actor}` : ''}`,
      description: e.body ?? eventLabel(e.type, 'id'),
      date: e.createdAt,
    });
  });
  return format === 'atom' ? feed.atom1() : feed.rss2();
}
