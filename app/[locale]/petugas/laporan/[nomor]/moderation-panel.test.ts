import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { getStaffTicket } from '@/db/queries/staff-ticket';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { createReport } from '@/lib/intake/create-report';
import { processImage } from '@/lib/media/process-image';
import { createDiskStorage } from '@/lib/media/storage';
import { moderateReport } from '@/lib/staff/moderate';
import { performStaffAction } from '@/lib/staff/perform-action';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import messagesEn from '@/messages/en.json';
import messagesId from '@/messages/id.json';
import { ModerationPanel } from './moderation-panel';

// The panel renders as it is, on a real database; only the language and the form target are set here.
const language = vi.hoisted(() => ({ locale: 'id' as 'id' | 'en' }));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: language.locale, messages: language.locale === 'id' ? messagesId : messagesEn, namespace: namespace as never }),
}));
vi.mock('./actions', () => ({ moderationAction: async () => {} }));

let database: Database;
let mediaDir: string;
const staff: Record<string, StaffProfile> = {};
const now = new Date('2026-05-04T03:00:00Z');
const ORIGINAL = 'Jalan berlubang, telepon saya 0812 3456 7890.';
let publicNumber: string;
let privateNumber: string;
let citizenPhoto: number;
let afterPhoto: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-moderasi-panel-'));
  for (const { id } of await rowsOf<{ id: number }>(database.db.execute(sql`select id from users`))) {
    const user = (await loadStaffUser(database.db, id))!;
    staff[user.email.replace('@aduan.test', '')] = user;
  }
  const photo = await processImage(await sharp({ create: { width: 320, height: 240, channels: 3, background: '#668844' } }).jpeg().toBuffer());
  const deps = { now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' };
  publicNumber = (await createReport(database.db, reportInput({ description: ORIGINAL, photos: [photo] }), deps)).number;
  privateNumber = (await createReport(database.db, reportInput({ description: ORIGINAL, isPublic: false, photos: [photo] }), deps)).number;
  await database.db.execute(sql`
    update reports set status = 'proses', handling_agency_id = (select id from agencies where code = 'kel-31.71.01.1001')
    where number = ${privateNumber}`);
  await performStaffAction(database.db, staff['lurah.gambir'], { number: privateNumber, version: 1, action: 'tindak_lanjut', body: 'Sudah ditambal.', photos: [photo] }, deps);
  const ids = await rowsOf<{ id: number; kind: string; number: string }>(
    database.db.execute(sql`select a.id::int as id, a.kind::text, r.number from attachments a join reports r on r.id = a.report_id`),
  );
  citizenPhoto = ids.find((p) => p.number === publicNumber && p.kind === 'sebelum')!.id;
  afterPhoto = ids.find((p) => p.number === privateNumber && p.kind === 'sesudah')!.id;
  await moderateReport(database.db, staff.operator, { number: publicNumber, version: 1, what: 'sembunyikan_foto', attachmentId: citizenPhoto, reason: 'Wajah warga terlihat.' }, { now });
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

async function panel(who: string, number: string): Promise<string> {
  const ticket = (await getStaffTicket(database.db, staff[who], number))!;
  const element = await ModerationPanel({ user: staff[who], ticket });
  return element ? renderToStaticMarkup(element as ReactElement) : '';
}

const buttons = (html: string) => [...html.matchAll(/<button value="(\w+)"[^>]*name="apa"/g)].map((m) => m[1]);

describe.each(['id', 'en'] as const)('the moderation panel in %s', (locale) => {
  const t = (locale === 'id' ? messagesId : messagesEn).petugas.ticket.moderation;

  it('shows a moderator the original and the masked public text, the text forms and every photo, hidden ones marked', async () => {
    language.locale = locale;
    const html = await panel('operator', publicNumber);
    expect(html).toContain(t.title);
    expect(html).toMatch(new RegExp(`data-testid="moderation-original"[^>]*>${ORIGINAL}<`));
    // what the public reads: the phone number masked
    expect(html).toMatch(/data-testid="moderation-public"[^>]*>Jalan berlubang, telepon saya \[nomor disembunyikan\]/);
    expect(html).toMatch(/<input required="" minLength="5"[^>]*name="alasan"/);
    expect(buttons(html)).toEqual(['sunting_teks', 'sembunyikan_teks', 'tampilkan_foto']);
    expect(html).toContain(`data-testid="moderation-photo-${citizenPhoto}"`);
    expect(html).toContain(t.hiddenPhoto);
  });

  it('offers the lurah only the publishable switch of its own after-photo', async () => {
    language.locale = locale;
    const html = await panel('lurah.gambir', privateNumber);
    expect(buttons(html)).toEqual(['foto_publik']);
    expect(html).toContain(`data-testid="moderation-photo-${afterPhoto}"`);
    expect(html).not.toContain('data-testid="moderation-text"');
    expect(html).not.toContain(ORIGINAL);
  });

  it('is not there for a role that does not moderate', async () => {
    language.locale = locale;
    expect(await panel('camat.gambir', publicNumber)).toBe('');
    expect(await panel('lurah.gambir', publicNumber)).toBe('');
  });
});
