import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTranslator } from 'next-intl';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { seedReference } from '@/db/seed/reference';
import { createReport, type CreatedReport } from '@/lib/intake/create-report';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import messagesEn from '@/messages/en.json';
import messagesId from '@/messages/id.json';
import TrackPage from './page';
import TrackingPage from './[nomor]/page';

// The pages run as they are, on a real database; only the request's language is set here.
const language = vi.hoisted(() => ({ locale: 'id' as 'id' | 'en' }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => language.locale,
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: language.locale, messages: language.locale === 'id' ? messagesId : messagesEn, namespace: namespace as never }),
}));

let database: Database;
let mediaDir: string;
let confidential: CreatedReport;
let open: CreatedReport;
let privateReport: CreatedReport;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  (globalThis as { aduanDb?: Database }).aduanDb = database;
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-media-'));
  const deps = { now: new Date('2026-03-10T03:00:00Z'), storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' };
  confidential = await createReport(database.db, reportInput({ categoryCode: 'pungli' }), deps);
  open = await createReport(database.db, reportInput(), deps);
  privateReport = await createReport(database.db, reportInput({ isPublic: false, description: 'Got di depan rumah saya mampet.', address: 'Jl. Kenari Gg. 2' }), deps);
});
afterAll(async () => {
  delete (globalThis as { aduanDb?: Database }).aduanDb;
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const NEVER_ISSUED = 'JKR2603109999';

async function tracker(nomor: string): Promise<string> {
  return renderToStaticMarkup((await TrackPage({ searchParams: Promise.resolve({ nomor }) })) as ReactElement);
}
async function trackingPage(nomor: string, kunci?: string): Promise<string> {
  const element = await TrackingPage({ params: Promise.resolve({ nomor }), searchParams: Promise.resolve(kunci === undefined ? {} : { kunci }) });
  return renderToStaticMarkup(element as ReactElement);
}
/** The text of the element carrying a data-testid, or null when the page has none. */
const textOf = (html: string, testId: string) => new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;

describe.each(['id', 'en'] as const)('the public tracker in %s', (locale) => {
  const t = (locale === 'id' ? messagesId : messagesEn).track;
  beforeAll(() => {
    language.locale = locale;
  });

  it('tells whoever types a JKR number to use the private link, the same for an issued and a never-issued one', async () => {
    const typedIssued = await tracker(confidential.number.toLowerCase().replace(/^jkr(\d{4})/, 'jkr $1 '));
    const typedUnknown = await tracker(NEVER_ISSUED);
    expect(textOf(typedIssued, 'track-message')).toBe(t.confidential);
    // apart from the typed text echoed in the box, the two pages are identical
    expect(typedIssued.replace(/value="[^"]*"/, '')).toBe(typedUnknown.replace(/value="[^"]*"/, ''));
  });

  it('still opens the public page of a public number', async () => {
    await expect(tracker(open.number)).rejects.toMatchObject({ digest: expect.stringContaining(`/laporan/${open.number}`) });
  });

  it('answers a JKR number without a valid key on the tracking page with the private-link message, never "not found"', async () => {
    const pages = await Promise.all([
      trackingPage(confidential.number),
      trackingPage(confidential.number, 'kunci-salah-kunci-salah-1234'),
      trackingPage(confidential.number, open.trackingKey),
      trackingPage(NEVER_ISSUED),
      trackingPage(NEVER_ISSUED, confidential.trackingKey),
    ]);
    for (const html of pages) {
      expect(textOf(html, 'tracking-refused')).toBe(t.confidential);
      expect(html).toBe(pages[0]);
    }
    expect(t.confidential).not.toMatch(/tidak ditemukan|not found/i);
  });

  it('keeps the invalid-link message for a public number with a wrong key', async () => {
    const pantau = (locale === 'id' ? messagesId : messagesEn).pantau;
    expect(textOf(await trackingPage(open.number, confidential.trackingKey), 'tracking-refused')).toBe(pantau.invalid);
  });

  it("opens the reporter's own tracking page of a confidential ticket with its private link", async () => {
    const html = await trackingPage(confidential.number, confidential.trackingKey);
    expect(textOf(html, 'tracking-refused')).toBeNull();
    expect(html).toContain(confidential.number);
    expect(html).toContain((locale === 'id' ? messagesId : messagesEn).pantau.privateNote);
    // the reporter's own text and the ticket's status, but no link to a public page it does not have
    expect(textOf(html, 'tracked-description')).toBe('Jalan berlubang di depan Monas.');
    expect(html).toContain(locale === 'id' ? 'Menunggu' : 'Waiting');
    expect(html).not.toContain(`/laporan/${confidential.number}`);
  });

  it("shows the reporter of a private report their own text and address, and nothing of it without the key", async () => {
    const html = await trackingPage(privateReport.number, privateReport.trackingKey);
    expect(textOf(html, 'tracked-description')).toBe('Got di depan rumah saya mampet.');
    expect(html).toContain('Jl. Kenari Gg. 2');
    for (const refused of [await trackingPage(privateReport.number), await trackingPage(privateReport.number, open.trackingKey)]) {
      expect(textOf(refused, 'tracking-refused')).toBe((locale === 'id' ? messagesId : messagesEn).pantau.invalid);
      expect(refused).not.toContain('mampet');
      expect(refused).not.toContain('Kenari');
    }
  });
});
