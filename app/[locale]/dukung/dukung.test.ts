import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { createReport } from '@/lib/intake/create-report';
import { supportReport } from '@/lib/intake/support-report';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import messagesId from '@/messages/id.json';

// The confirmation page and its action as they are, on a real database. Mail scanners and link
// previews open every link of a message (GET); a person presses the button (POST).
vi.mock('next-intl/server', () => ({
  setRequestLocale: () => {},
  getTranslations: async (namespace: string) => createTranslator({ locale: 'id', messages: messagesId, namespace: namespace as never }),
}));
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const { default: ConfirmSupportPage } = await import('./konfirmasi/page');
const { confirmSupportAction } = await import('./actions');

let database: Database;
let mediaDir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-dukung-halaman-'));
  (globalThis as { aduanDb?: Database }).aduanDb = database;
});
afterAll(async () => {
  delete (globalThis as { aduanDb?: Database }).aduanDb;
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const page = async (query: Record<string, string>) =>
  renderToStaticMarkup((await ConfirmSupportPage({ params: Promise.resolve({ locale: 'id' }), searchParams: Promise.resolve(query) })) as ReactElement);
const form = (kunci: string) => {
  const data = new FormData();
  data.set('kunci', kunci);
  return data;
};
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(() => null, (e: unknown) => e);
  return ((error as { digest?: string } | null)?.digest ?? '').split(';')[2] ?? '';
}

describe('the support confirmation link', () => {
  it('opening it (GET) confirms nothing; the page’s button (POST) does, once', async () => {
    const now = new Date();
    const { number } = await createReport(database.db, reportInput(), { now, storage: createDiskStorage(mediaDir), publicUrl: 'https://aduan.test' });
    await supportReport(database.db, { number, contact: 'pendukung@contoh.id', browser: 'peramban' }, { now, site: 'https://aduan.test' });
    const [{ token }] = await rowsOf<{ token: string }>(database.db.execute(sql`select token from report_supports`));
    const state = async () =>
      (await rowsOf<{ count: number; confirmed: boolean; followers: number }>(database.db.execute(sql`
        select r.support_count as count, s.confirmed_at is not null as confirmed,
          (select count(*)::int from report_subscribers f where f.report_id = r.id and f.contact = 'pendukung@contoh.id') as followers
        from report_supports s join reports r on r.id = s.report_id`)))[0];

    for (let i = 0; i < 3; i++) {
      const html = await page({ kunci: token });
      expect(html).toContain('Ya, saya mendukung laporan ini');
      expect(html).toMatch(new RegExp(`<input type="hidden" name="kunci" value="${token}"/>`));
    }
    expect(await state()).toEqual({ count: 0, confirmed: false, followers: 0 });

    expect(await redirectOf(() => confirmSupportAction(form(token)))).toBe(`/dukung/konfirmasi?pesan=dihitung&nomor=${number}`);
    expect(await state()).toEqual({ count: 1, confirmed: true, followers: 1 });
    const done = await page({ pesan: 'dihitung', nomor: number });
    expect(done).toContain('Terima kasih, dukungan Anda dihitung.');
    expect(done).toContain(`href="/laporan/${number}"`);

    expect(await redirectOf(() => confirmSupportAction(form(token)))).toBe('/dukung/konfirmasi?pesan=tautan_dukungan_salah');
    expect(await page({ pesan: 'tautan_dukungan_salah' })).toContain('Tautan konfirmasi tidak valid atau sudah dipakai.');
    expect((await state()).count).toBe(1);
  });
});
