import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { createTranslator } from 'next-intl';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { subscribe } from '@/lib/alerts/subscriptions';
import { createTestDatabase } from '@/lib/testing/db';
import messagesId from '@/messages/id.json';

// The pages, the actions and the one-click route run as they are, on a real database; only the
// request's language is set here. Mail scanners and link previews open every link of a message
// (GET); a person presses the button (POST).
vi.mock('next-intl/server', () => ({
  setRequestLocale: () => {},
  getTranslations: async (namespace: string) => createTranslator({ locale: 'id', messages: messagesId, namespace: namespace as never }),
}));

const { default: ConfirmPage } = await import('./konfirmasi/page');
const { default: StopPage } = await import('./berhenti/page');
const { confirmAction, unsubscribeAction } = await import('./actions');
const oneClick = await import('@/app/api/ikuti/berhenti/route');

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  (globalThis as { aduanDb?: Database }).aduanDb = database;
});
afterAll(async () => {
  delete (globalThis as { aduanDb?: Database }).aduanDb;
  await database?.close();
});

async function newSubscription(email: string): Promise<string> {
  const input = { email, regionCode: '31.71.01.1001', categories: [], lat: null, lng: null, radiusM: null, reportNumber: null, frequency: 'segera' as const };
  await subscribe(database.db, input, { now: new Date(), site: 'https://aduan.test' });
  const [row] = await rowsOf<{ token: string }>(database.db.execute(sql`select token from alert_subscriptions where email = ${email}`));
  return row.token;
}
const state = async (token: string) =>
  (await rowsOf<{ confirmed: boolean; stopped: boolean }>(
    database.db.execute(sql`select confirmed_at is not null as confirmed, unsubscribed_at is not null as stopped from alert_subscriptions where token = ${token}`),
  ))[0];
const page = async (Page: typeof ConfirmPage, query: Record<string, string>) =>
  renderToStaticMarkup((await Page({ params: Promise.resolve({ locale: 'id' }), searchParams: Promise.resolve(query) })) as ReactElement);
const form = (kunci: string) => {
  const data = new FormData();
  data.set('kunci', kunci);
  return data;
};
/** Where a server action sent the browser. */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(() => null, (e: unknown) => e);
  return ((error as { digest?: string } | null)?.digest ?? '').split(';')[2] ?? '';
}

describe('the confirmation link', () => {
  it('opening it (GET) confirms nothing; the page’s button (POST) does', async () => {
    const token = await newSubscription('pemindai@contoh.id');
    for (let i = 0; i < 3; i++) {
      const html = await page(ConfirmPage, { kunci: token });
      expect(html).toContain('Ya, mulai kirim kabar');
      expect(html).toMatch(new RegExp(`<input type="hidden" name="kunci" value="${token}"/>`));
    }
    expect(await state(token)).toEqual({ confirmed: false, stopped: false });

    expect(await redirectOf(() => confirmAction(form(token)))).toBe('/ikuti/konfirmasi?pesan=aktif');
    expect(await state(token)).toEqual({ confirmed: true, stopped: false });
    expect(await page(ConfirmPage, { pesan: 'aktif' })).toContain('Terima kasih, langganan Anda aktif.');
  });

  it('a wrong key confirms nothing and says so', async () => {
    expect(await redirectOf(() => confirmAction(form('bukan-kunci')))).toBe('/ikuti/konfirmasi?pesan=kunci_salah');
    expect(await page(ConfirmPage, { pesan: 'kunci_salah' })).toContain('Tautan tidak valid atau sudah tidak berlaku.');
  });
});

describe('the stop links', () => {
  it('the one-click address: a GET leads to the page and stops nothing, the RFC 8058 POST stops', async () => {
    const token = await newSubscription('satu-klik@contoh.id');
    const url = `https://aduan.test/api/ikuti/berhenti?kunci=${token}`;
    const opened = oneClick.GET(new NextRequest(url));
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`https://aduan.test/ikuti/berhenti?kunci=${token}`);
    expect(await page(StopPage, { kunci: token })).toContain('Hentikan langganan ini');
    expect(await state(token)).toEqual({ confirmed: false, stopped: false });

    const posted = await oneClick.POST(new NextRequest(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(posted.status).toBe(200);
    expect(await state(token)).toEqual({ confirmed: false, stopped: true });
  });

  it('the stop page’s button stops', async () => {
    const token = await newSubscription('tombol@contoh.id');
    expect(await redirectOf(() => unsubscribeAction(form(token)))).toBe('/ikuti/berhenti?pesan=berhenti');
    expect(await state(token)).toEqual({ confirmed: false, stopped: true });
  });
});
