import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/connect';
import { createTestDatabase } from '@/lib/testing/db';
import { describeError, redactText } from './log-error';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const name = 'Penanda Log Qzx';
const phone = '081277665544';
const email = 'penanda.log@contoh.id';

describe('describeError', () => {
  it("keeps a failed query's text and cause but not its parameters (a reporter's contact)", async () => {
    // a real failure from the real driver: the parameters are a reporter's name, phone and e-mail
    const error = await database.db
      .execute(sql`select ${name}::text, ${phone}::text, ${email}::int`)
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message) + String((error as Error).cause ?? '')).toContain(email);
    const logged = describeError(error);
    expect(logged).toContain('select');
    for (const marker of [name, phone, email]) expect(logged).not.toContain(marker);
  });

  it.each([
    ['an e-mail', `could not deliver to ${email}`, email],
    ['a phone number', `gateway refused +62 812-7766-5544`, '812-7766-5544'],
    ['a local phone number', `SMS to ${phone} failed`, phone],
  ])('masks %s in any message', (_label, message, secret) => {
    expect(describeError(new Error(message, { cause: new Error(message) }))).not.toContain(secret);
    expect(redactText(message)).not.toContain(secret);
  });

  it('keeps ticket numbers and ordinary numbers readable', () => {
    expect(redactText('report JK2026112600042 failed after 3 attempts (status 502)')).toBe('report JK2026112600042 failed after 3 attempts (status 502)');
  });
});
