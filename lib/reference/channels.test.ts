import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { channels } from '@/db/schema';
import { seedReference } from '@/db/seed/reference';
import { createTestDatabase } from '@/lib/testing/db';
import { CHANNELS } from './channels';

/** Not a place to contact: hidden on /kanal (machines, the archive), this site itself, news stories. */
const NO_CONTACT = ['open311', 'impor', 'web', 'media-massa'];
/** A handle, a phone or SMS number, an e-mail address, a web address or a street address. */
const CONTACT = /@[A-Za-z]\w+|\b\d{3,4}(-\d{3,4}){1,2}\b|\bSMS 1708\b|[\w.]+@[\w.]+\.id\b|\b[a-z]+\.(?:jakarta\.)?go\.id\b|\b(?:x|facebook|instagram)\.com\/\w+|Jl\. [A-Z]/;

describe('the channel directory', () => {
  it.each(CHANNELS.filter((c) => !NO_CONTACT.includes(c.code)).map((c) => [c.code, c] as const))(
    '%s names a real contact in both languages',
    (_code, channel) => {
      expect(channel.howId).toMatch(CONTACT);
      expect(channel.howEn).toMatch(CONTACT);
    },
  );

  it('names the official e-mail address and SMS number', () => {
    const how = (code: string) => CHANNELS.find((c) => c.code === code)!.howId;
    expect(how('email')).toContain('dki@jakarta.go.id');
    expect(how('sms')).toMatch(/0811-1272-206/);
    expect(how('lapor')).toContain('1708');
  });
});

describe('migration 0015: contacts reach existing directories', () => {
  let database: Database;
  const migration = readFileSync(resolve(__dirname, '../../drizzle/0015_channel_contacts.sql'), 'utf8').split('--> statement-breakpoint');

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReference(database.db);
  });
  afterAll(async () => database?.close());

  it('replaces the text 0009 wrote, and leaves an admin\'s own text alone', async () => {
    const db = database.db;
    // a directory as 0009 left it, and one channel an admin rewrote
    await db.update(channels).set({ howId: 'Kirim SMS ke nomor pengaduan resmi Pemprov DKI Jakarta.', howEn: "Text the provincial government's official complaint number." }).where(eq(channels.code, 'sms'));
    await db.update(channels).set({ howId: 'Teks admin.', howEn: 'Admin text.' }).where(eq(channels.code, 'email'));
    for (const statement of migration) await db.execute(sql.raw(statement));
    const rows = await db.select({ code: channels.code, howId: channels.howId }).from(channels);
    const how = (code: string) => rows.find((r) => r.code === code)!.howId;
    expect(how('sms')).toBe(CHANNELS.find((c) => c.code === 'sms')!.howId);
    expect(how('email')).toBe('Teks admin.');
  });
});
