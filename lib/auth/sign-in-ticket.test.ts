import { describe, expect, it } from 'vitest';
import { sealingKey } from '@/lib/security/sealed';
import { issueSignInTicket, readSignInTicket, TICKET_MINUTES } from './sign-in-ticket';

const key = sealingKey('tiket-masuk', 'rahasia-server-uji');
const now = new Date('2026-06-01T02:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
const hashes = new Map([[7, 'scrypt$hash-lama']]);
const passwordHashOf = async (id: number) => hashes.get(id) ?? null;

describe('the signed note between the password and the code', () => {
  const ticket = issueSignInTicket(7, 'scrypt$hash-lama', now, key);

  it('names the account whose password was right, until it expires', async () => {
    expect(await readSignInTicket(ticket, minutes(TICKET_MINUTES - 1), key, passwordHashOf)).toEqual({ userId: 7 });
    expect(await readSignInTicket(ticket, minutes(TICKET_MINUTES), key, passwordHashOf)).toBeNull();
  });

  it.each([
    ['another account id', ticket.replace(/^7\./, '8.')],
    ['a later expiry', ticket.replace(/^7\.\d+/, `7.${minutes(60).getTime()}`)],
    ['another signature', `${ticket.slice(0, -2)}xx`],
    ['a cut-off ticket', ticket.split('.').slice(0, 3).join('.')],
    ['nothing', ''],
  ])('is refused when forged: %s', async (_label, forged) => {
    expect(await readSignInTicket(forged, now, key, passwordHashOf)).toBeNull();
  });

  it('is refused when signed with another server secret', async () => {
    expect(await readSignInTicket(ticket, now, sealingKey('tiket-masuk', 'rahasia-lain'), passwordHashOf)).toBeNull();
  });

  it('ends when the password changes in between', async () => {
    const changed = async () => 'scrypt$hash-baru';
    expect(await readSignInTicket(ticket, now, key, changed)).toBeNull();
  });
});
