import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { cookies, headers } from 'next/headers';
import type { Db } from '@/db/connect';
import { keepSignedInDevice } from './device-cookie';
import { checkSecondFactor, secondStepTicket } from './second-factor';
import { TICKET_MINUTES } from './sign-in-ticket';

/*
 * The two steps of signing in, as Auth.js's Credentials provider sees them (auth.ts). The
 * password step of an account with a second factor ends in "code required" (a CredentialsSignin
 * with its own code, which the sign-in action turns into the code field) and an httpOnly cookie
 * holding the signed note; no session is issued. The code step posts only the code; the note
 * comes from the cookie, never through the page's script.
 */

export const SIGN_IN_TICKET_COOKIE = 'aduan_masuk_kode';

export class CodeRequired extends CredentialsSignin {
  code = 'kode_diperlukan';
}
class WrongCode extends CredentialsSignin {
  code = 'kode_salah';
}
class StepExpired extends CredentialsSignin {
  code = 'tiket_kedaluwarsa';
}
class CodeLocked extends CredentialsSignin {
  code = 'terkunci';
}
class CodeTooOften extends CredentialsSignin {
  code = 'terlalu_sering';
}

function ticketFrom(requestHeaders: Pick<Headers, 'get'> | undefined): string {
  for (const part of (requestHeaders?.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SIGN_IN_TICKET_COOKIE) return value.join('=').slice(0, 300);
  }
  return '';
}

async function dropTicket() {
  (await cookies()).delete(SIGN_IN_TICKET_COOKIE);
}

/** After a right password: returns when the account has no second factor, else leaves the note and throws "code required". */
export async function askForCodeIfEnrolled(db: Db, userId: number, ip: string | null): Promise<void> {
  const ticket = await secondStepTicket(db, userId, new Date(), ip);
  if (!ticket) return;
  const isHttps = (await headers()).get('x-forwarded-proto') === 'https';
  (await cookies()).set(SIGN_IN_TICKET_COOKIE, ticket, { httpOnly: true, sameSite: 'strict', secure: isHttps, path: '/', maxAge: TICKET_MINUTES * 60 });
  throw new CodeRequired();
}

/** The code step: the account to sign in, or a CredentialsSignin saying what the official needs to know. */
export async function signInWithCode(
  db: Db,
  requestHeaders: Pick<Headers, 'get'> | undefined,
  code: string,
  ip: string | null,
  deviceId: string | null,
): Promise<{ id: string; sessionVersion: number }> {
  const result = await checkSecondFactor(db, ticketFrom(requestHeaders), code.slice(0, 40), new Date(), ip, { deviceId });
  if (!result.ok) {
    if (result.code !== 'kode_salah') await dropTicket();
    if (result.code === 'terkunci') throw new CodeLocked();
    if (result.code === 'terlalu_sering') throw new CodeTooOften();
    throw result.code === 'tiket_kedaluwarsa' ? new StepExpired() : new WrongCode();
  }
  await dropTicket();
  await keepSignedInDevice(db, result.userId, deviceId, new Date());
  return { id: String(result.userId), sessionVersion: result.sessionVersion };
}
